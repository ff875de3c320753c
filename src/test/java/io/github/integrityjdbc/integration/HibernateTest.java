package io.github.integrityjdbc.integration;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.H2Database;
import io.github.integrityjdbc.testing.Servers;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hibernate through the proxy: the same ConstraintViolationException, with the same constraint name and kind, as
 * with the plain driver, and {@link IntegrityViolations#find} reaches the report through it.
 */
class HibernateTest {

    @Entity(name = "HibCustomer")
    @Table(name = "hib_customer",
            uniqueConstraints = @UniqueConstraint(name = "uq_hib_customer_email", columnNames = "email"))
    static class HibCustomer {
        @Id
        int id;
        String email;

        HibCustomer() {
        }

        HibCustomer(int id, String email) {
            this.id = id;
            this.email = email;
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

    @Test
    void h2_sameConstraintViolationExceptionAsThePlainDriver_withTheReport() {
        String name = H2Database.uniqueName("hibernate");
        assertSameAsPlain("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "jdbc:integrity:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "wrap", true);
    }

    @Test
    void postgres_sameConstraintViolationExceptionAsThePlainDriver_withTheReport() {
        Servers.requirePostgres();
        // Hibernate's ConstraintKind: for a plain PSQLException it comes from the SQLState (UNIQUE, FOREIGN_KEY);
        // for a SQLIntegrityConstraintViolationException, which wrap mode throws, Hibernate's type-based delegate
        // answers OTHER first. Preserve mode keeps the driver's own exception and so the kind.
        assertSameAsPlain(Servers.POSTGRES_PLAIN_URL, Servers.POSTGRES_URL, "wrap", false);
        assertSameAsPlain(Servers.POSTGRES_PLAIN_URL, Servers.POSTGRES_URL, "preserve", true);
    }

    private static void assertSameAsPlain(String plainUrl, String integrityUrl, String mode, boolean sameKind) {
        ConstraintViolationException plainUnique = violation(plainUrl, "wrap", duplicateEmail());
        ConstraintViolationException plainForeign = violation(plainUrl, "wrap", orderOfMissingCustomer());
        ConstraintViolationException unique = violation(integrityUrl, mode, duplicateEmail());
        ConstraintViolationException foreign = violation(integrityUrl, mode, orderOfMissingCustomer());

        assertEquals(plainUnique.getConstraintName(), unique.getConstraintName());
        assertTrue(unique.getConstraintName().toLowerCase().contains("uq_hib_customer_email"),
                unique.getConstraintName());
        if (sameKind) {
            assertEquals(plainUnique.getKind(), unique.getKind());
            assertEquals(plainForeign.getKind(), foreign.getKind());
        }
        assertEquals(plainUnique.getSQLState(), unique.getSQLState());
        ViolationReport report = IntegrityViolations.find(unique).orElseThrow();
        assertEquals(ViolationKind.UNIQUE, report.kind());
        assertTrue(report.parameters().contains("'ada@example.com'"), report.parameters().toString());

        assertEquals(plainForeign.getConstraintName(), foreign.getConstraintName());
        assertTrue(foreign.getConstraintName().toLowerCase().contains("fk_hib_order_customer"),
                foreign.getConstraintName());
        assertEquals(ViolationKind.FOREIGN_KEY, IntegrityViolations.find(foreign).orElseThrow().kind());
    }

    private static Consumer<SessionFactory> duplicateEmail() {
        return factory -> {
            factory.inTransaction(session -> session.persist(new HibCustomer(1, "ada@example.com")));
            factory.inTransaction(session -> {
                session.persist(new HibCustomer(2, "ada@example.com"));
                session.flush();
            });
        };
    }

    private static Consumer<SessionFactory> orderOfMissingCustomer() {
        return factory -> factory.inTransaction(session -> {
            session.persist(new HibOrder(1, session.getReference(HibCustomer.class, 99)));
            session.flush();
        });
    }

    /** Runs {@code scenario} (integrity.mode {@code mode}) on a fresh schema (create-drop) and returns the ConstraintViolationException it hit. */
    private static ConstraintViolationException violation(String url, String mode,
                                                          Consumer<SessionFactory> scenario) {
        Configuration configuration = new Configuration()
                .addAnnotatedClass(HibCustomer.class)
                .addAnnotatedClass(HibOrder.class)
                .setProperty(AvailableSettings.JAKARTA_JDBC_URL, url)
                .setProperty(AvailableSettings.HBM2DDL_AUTO, "create-drop")
                .setProperty(AvailableSettings.POOL_SIZE, "1")
                .setProperty("hibernate.connection.integrity.mode", mode); // a connection property for the driver
        try (SessionFactory factory = configuration.buildSessionFactory()) {
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> scenario.accept(factory));
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException violation) {
                    return violation;
                }
            }
            throw new AssertionError("no ConstraintViolationException in " + thrown, thrown);
        }
    }
}
