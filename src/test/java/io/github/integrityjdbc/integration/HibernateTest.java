package io.github.integrityjdbc.integration;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.H2Database;
import io.github.integrityjdbc.testing.Servers;
import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.JDBCException;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hibernate through the proxy in the default mode (integrity.mode=wrap) concludes as with the plain driver: the
 * same JDBCException subclass (ConstraintViolationException, DataException), with the same kind, constraint name
 * and SQLState, for each violation and a batch; the message carries the explanation and
 * {@link IntegrityViolations#find} reaches the report through it.
 *
 * <p>Hibernate decides the kind from the vendor code on H2, MariaDB and MySQL (its dialects' converters), from the
 * exception class first and then the SQLState elsewhere: a {@code SQLIntegrityConstraintViolationException} is kind
 * OTHER before the SQLState is read. So the enriched exception must be of the class the driver threw (pgjdbc's plain
 * {@code PSQLException}), and the constraint name, which Hibernate cuts out of the message, must come first in it.
 */
class HibernateTest {

    @Entity(name = "HibCustomer")
    @Table(name = "hib_customer",
            uniqueConstraints = @UniqueConstraint(name = "uq_hib_customer_email", columnNames = "email"),
            check = @CheckConstraint(name = "ck_hib_customer_age", constraint = "age >= 0"))
    static class HibCustomer {
        @Id
        int id;
        String email;
        @Column(length = 10, nullable = false)
        String name;
        int age;

        HibCustomer() {
        }

        HibCustomer(int id, String email, String name, int age) {
            this.id = id;
            this.email = email;
            this.name = name;
            this.age = age;
        }
    }

    @Entity(name = "HibOrder")
    @Table(name = "hib_order")
    static class HibOrder {
        @Id
        int id;
        @ManyToOne
        @JoinColumn(name = "customer_id", foreignKey = @ForeignKey(name = "fk_hib_order_customer"))
        HibCustomer customer;

        HibOrder() {
        }

        HibOrder(int id, HibCustomer customer) {
            this.id = id;
            this.customer = customer;
        }
    }

    /** What each violation does, after the table holds customer 1, ada@example.com; and the report kinds it may give. */
    private record Scenario(Consumer<SessionFactory> action, Set<ViolationKind> kinds) {
    }

    private static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("unique", new Scenario(persist(new HibCustomer(2, "ada@example.com", "Ada", 36)),
                Set.of(ViolationKind.UNIQUE)));
        SCENARIOS.put("primary key", new Scenario(persist(new HibCustomer(1, "bob@example.com", "Bob", 20)),
                Set.of(ViolationKind.PRIMARY_KEY, ViolationKind.UNIQUE)));
        SCENARIOS.put("foreign key", new Scenario(factory -> factory.inTransaction(session -> {
            session.persist(new HibOrder(1, session.getReference(HibCustomer.class, 99)));
            session.flush();
        }), Set.of(ViolationKind.FOREIGN_KEY)));
        SCENARIOS.put("not null", new Scenario(persist(new HibCustomer(3, "eve@example.com", null, 20)),
                Set.of(ViolationKind.NOT_NULL)));
        SCENARIOS.put("check", new Scenario(persist(new HibCustomer(4, "eve@example.com", "Eve", -1)),
                Set.of(ViolationKind.CHECK)));
        SCENARIOS.put("value too long", new Scenario(persist(new HibCustomer(5, "eve@example.com", "x".repeat(11), 20)),
                Set.of(ViolationKind.VALUE_TOO_LONG)));
        SCENARIOS.put("batch", new Scenario(factory -> factory.inTransaction(session -> {
            session.setJdbcBatchSize(10); // the others run unbatched: Hibernate reads a batch's failure differently
            session.persist(new HibCustomer(6, "bob@example.com", "Bob", 20));
            session.persist(new HibCustomer(7, "ada@example.com", "Ada", 36));
            session.persist(new HibCustomer(8, "eve@example.com", "Eve", 20));
            session.flush();
        }), Set.of(ViolationKind.UNIQUE)));
    }

    @Test
    void h2_sameVerdictAsThePlainDriver() {
        String name = H2Database.uniqueName("hibernate");
        assertSameAsPlain("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "jdbc:integrity:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "wrap");
    }

    @Test
    void postgres_sameVerdictAsThePlainDriver_inBothModes() {
        Servers.requirePostgres();
        assertSameAsPlain(Servers.POSTGRES_PLAIN_URL, Servers.POSTGRES_URL, "wrap");
        assertSameAsPlain(Servers.POSTGRES_PLAIN_URL, Servers.POSTGRES_URL, "preserve");
    }

    @Test
    void mariaDb_sameVerdictAsThePlainDriver() {
        Servers.requireMariaDb();
        assertSameAsPlain(Servers.MARIADB_URL.replace("jdbc:integrity:", "jdbc:"), Servers.MARIADB_URL, "wrap");
    }

    @Test
    void mysqlConnectorJ_onMariaDb_sameVerdictAsThePlainDriver() {
        Servers.requireMariaDb();
        assertSameAsPlain(Servers.MYSQL_CJ_URL.replace("jdbc:integrity:", "jdbc:"), Servers.MYSQL_CJ_URL, "wrap");
    }

    private static void assertSameAsPlain(String plainUrl, String integrityUrl, String mode) {
        Map<String, JDBCException> plain = violations(plainUrl, "wrap");
        Map<String, JDBCException> proxied = violations(integrityUrl, mode);
        List<Executable> checks = new ArrayList<>();
        SCENARIOS.forEach((name, scenario) -> checks.add(() -> {
            JDBCException expected = plain.get(name);
            JDBCException actual = proxied.get(name);
            String what = mode + ", " + name + ": " + actual;
            assertSame(expected.getClass(), actual.getClass(), what);
            assertEquals(expected.getSQLState(), actual.getSQLState(), what);
            assertEquals(expected.getErrorCode(), actual.getErrorCode(), what);
            if (expected instanceof ConstraintViolationException plainViolation) {
                ConstraintViolationException violation = (ConstraintViolationException) actual;
                assertEquals(plainViolation.getKind(), violation.getKind(), what);
                assertEquals(plainViolation.getConstraintName(), violation.getConstraintName(), what);
            }
            ViolationReport report = IntegrityViolations.find(actual)
                    .orElseThrow(() -> new AssertionError("no report in " + what, actual));
            assertTrue(scenario.kinds().contains(report.kind()), what + ": " + report.kind());
            if (mode.equals("wrap")) {
                assertTrue(actual.getSQLException().getMessage().contains("\nintegrity-jdbc: "), what);
            }
        }));
        // The names Hibernate finds are the constraints', where the database names them in its message
        checks.add(() -> assertTrue(proxied.get("unique") instanceof ConstraintViolationException unique
                && unique.getConstraintName().toLowerCase().contains("uq_hib_customer_email"), "unique"));
        checks.add(() -> assertTrue(proxied.get("foreign key") instanceof ConstraintViolationException foreign
                && foreign.getConstraintName().toLowerCase().contains("fk_hib_order_customer"), "foreign key"));
        assertAll(checks);
    }

    private static Consumer<SessionFactory> persist(HibCustomer customer) {
        return factory -> factory.inTransaction(session -> {
            session.persist(customer);
            session.flush();
        });
    }

    /**
     * Runs every scenario (integrity.mode {@code mode}) on a fresh schema (create-drop), each after the tables are
     * reset to customer 1, and returns the JDBCException each one hit.
     */
    private static Map<String, JDBCException> violations(String url, String mode) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(HibCustomer.class)
                .addAnnotatedClass(HibOrder.class)
                .setProperty(AvailableSettings.JAKARTA_JDBC_URL, url)
                .setProperty(AvailableSettings.HBM2DDL_AUTO, "create-drop")
                .setProperty(AvailableSettings.POOL_SIZE, "1")
                .setProperty(AvailableSettings.CHECK_NULLABILITY, "false") // let the database reject the null
                .setProperty("hibernate.connection.integrity.mode", mode); // a connection property for the driver
        Map<String, JDBCException> thrown = new LinkedHashMap<>();
        try (SessionFactory factory = configuration.buildSessionFactory()) {
            SCENARIOS.forEach((name, scenario) -> {
                factory.inTransaction(session -> {
                    session.createMutationQuery("delete from HibOrder").executeUpdate();
                    session.createMutationQuery("delete from HibCustomer").executeUpdate();
                    session.persist(new HibCustomer(1, "ada@example.com", "Ada", 36));
                });
                RuntimeException e = assertThrows(RuntimeException.class, () -> scenario.action().accept(factory),
                        name);
                thrown.put(name, jdbcException(name, e));
            });
        }
        return thrown;
    }

    private static JDBCException jdbcException(String name, RuntimeException thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof JDBCException jdbc) {
                return jdbc;
            }
        }
        throw new AssertionError(name + ": no JDBCException in " + thrown, thrown);
    }
}
