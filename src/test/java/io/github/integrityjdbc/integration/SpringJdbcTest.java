package io.github.integrityjdbc.integration;

import com.zaxxer.hikari.HikariDataSource;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.H2Database;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spring's exception translation is the same through the proxy: for each violation, JdbcTemplate raises the same
 * DataAccessException type as on the plain driver (DuplicateKeyException, DataIntegrityViolationException), with
 * Spring's default translator (by exception class, then SQLState) and with the error-code translator
 * (sql-error-codes.xml: by vendor code, or SQLState for PostgreSQL and Derby); its message carries the explanation
 * and {@link IntegrityViolations#find} reaches the report through it. The proxied side is a HikariCP pool with a
 * {@code jdbc:integrity:} URL, as a Spring Boot application would have.
 */
class SpringJdbcTest {

    private static final String[] SCHEMA = {
        "CREATE TABLE spring_customer (id INT PRIMARY KEY, email VARCHAR(20) NOT NULL, age INT,"
                + " CONSTRAINT uq_spring_customer_email UNIQUE (email),"
                + " CONSTRAINT ck_spring_customer_age CHECK (age >= 0))",
        "CREATE TABLE spring_order (id INT PRIMARY KEY, customer_id INT,"
                + " CONSTRAINT fk_spring_order_customer FOREIGN KEY (customer_id) REFERENCES spring_customer (id))",
        "INSERT INTO spring_customer (id, email, age) VALUES (1, 'ada@example.com', 36)",
    };

    /**
     * One violation: the statement, its arguments (one array per row for a batch), the Spring type expected and the
     * kinds the report may say.
     */
    private record Case(String name, Class<? extends DataAccessException> springType, Set<ViolationKind> kinds,
                        String sql, Object... args) {

        void run(JdbcTemplate template) {
            if (args.length > 0 && args[0] instanceof Object[]) {
                List<Object[]> rows = new ArrayList<>();
                for (Object row : args) {
                    rows.add((Object[]) row);
                }
                template.batchUpdate(sql, rows);
            } else {
                template.update(sql, args);
            }
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("unique", DuplicateKeyException.class, Set.of(ViolationKind.UNIQUE),
                    "INSERT INTO spring_customer (id, email, age) VALUES (?, ?, ?)", 2, "ada@example.com", 20),
            new Case("primary key", DuplicateKeyException.class,
                    Set.of(ViolationKind.PRIMARY_KEY, ViolationKind.UNIQUE),
                    "INSERT INTO spring_customer (id, email, age) VALUES (?, ?, ?)", 1, "bob@example.com", 20),
            new Case("foreign key", DataIntegrityViolationException.class, Set.of(ViolationKind.FOREIGN_KEY),
                    "INSERT INTO spring_order (id, customer_id) VALUES (?, ?)", 1, 99),
            new Case("not null", DataIntegrityViolationException.class, Set.of(ViolationKind.NOT_NULL),
                    "INSERT INTO spring_customer (id, email, age) VALUES (?, ?, ?)", 3, null, 20),
            new Case("check", DataIntegrityViolationException.class, Set.of(ViolationKind.CHECK),
                    "INSERT INTO spring_customer (id, email, age) VALUES (?, ?, ?)", 4, "eve@example.com", -1),
            new Case("value too long", DataIntegrityViolationException.class, Set.of(ViolationKind.VALUE_TOO_LONG),
                    "INSERT INTO spring_customer (id, email, age) VALUES (?, ?, ?)", 5, "x".repeat(30), 20),
            new Case("batch", DuplicateKeyException.class, Set.of(ViolationKind.UNIQUE),
                    "INSERT INTO spring_customer (id, email, age) VALUES (?, ?, ?)",
                    new Object[] {6, "bob@example.com", 20}, new Object[] {7, "ada@example.com", 20},
                    new Object[] {8, "eve@example.com", 20}));

    @Test
    void h2_sameSpringExceptionsAsThePlainDriver_withTheReport() {
        String name = H2Database.uniqueName("spring");
        assertSameTranslation("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "jdbc:integrity:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void postgres_sameSpringExceptionsAsThePlainDriver_withTheReport() {
        Servers.requirePostgres();
        assertSameTranslation(Servers.POSTGRES_PLAIN_URL, Servers.POSTGRES_URL);
    }

    @Test
    void mariaDb_sameSpringExceptionsAsThePlainDriver_withTheReport() {
        Servers.requireMariaDb();
        assertSameTranslation(Servers.MARIADB_URL.replace("jdbc:integrity:", "jdbc:"), Servers.MARIADB_URL);
    }

    @Test
    void mysqlConnectorJ_onMariaDb_sameSpringExceptionsAsThePlainDriver_withTheReport() {
        Servers.requireMariaDb();
        assertSameTranslation(Servers.MYSQL_CJ_URL.replace("jdbc:integrity:", "jdbc:"), Servers.MYSQL_CJ_URL);
    }

    private static void assertSameTranslation(String plainUrl, String integrityUrl) {
        DriverManagerDataSource plainSource = new DriverManagerDataSource(plainUrl);
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(integrityUrl);
            pool.setMaximumPoolSize(1);
            JdbcTemplate plain = new JdbcTemplate(plainSource);
            JdbcTemplate proxied = new JdbcTemplate(pool);
            assertSameTranslation(plain, proxied, "default translator");
            plain.setExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator(plainSource));
            proxied.setExceptionTranslator(new SQLErrorCodeSQLExceptionTranslator(pool));
            assertSameTranslation(plain, proxied, "error-code translator");
        }
    }

    private static void assertSameTranslation(JdbcTemplate plain, JdbcTemplate proxied, String translator) {
        plain.execute("DROP TABLE IF EXISTS spring_order");
        plain.execute("DROP TABLE IF EXISTS spring_customer");
        try {
            for (String sql : SCHEMA) {
                plain.execute(sql);
            }
            List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
            for (Case c : CASES) {
                String name = translator + ", " + c.name();
                DataAccessException expected = assertThrows(DataAccessException.class, () -> c.run(plain), name);
                plain.update("DELETE FROM spring_customer WHERE id > 1"); // what a batch wrote
                DataAccessException actual = assertThrows(DataAccessException.class, () -> c.run(proxied), name);
                plain.update("DELETE FROM spring_customer WHERE id > 1");
                checks.add(() -> {
                    assertSame(expected.getClass(), actual.getClass(), name + ": " + actual);
                    assertInstanceOf(c.springType(), actual, name);
                    ViolationReport report = IntegrityViolations.find(actual)
                            .orElseThrow(() -> new AssertionError(name + ": no report in " + actual));
                    assertTrue(c.kinds().contains(report.kind()), name + ": " + report.kind());
                    assertTrue(actual.getMessage().contains("integrity-jdbc: "), name + ": " + actual.getMessage());
                });
            }
            assertAll(checks);
            DataAccessException unique = assertThrows(DataAccessException.class,
                    () -> proxied.update(CASES.get(0).sql(), CASES.get(0).args()));
            ViolationReport report = IntegrityViolations.find(unique).orElseThrow();
            assertEquals("INSERT INTO spring_customer (id, email, age) VALUES (?, ?, ?)", report.sql());
            assertEquals(List.of("2", "'ada@example.com'", "20"), report.parameters());
            assertEquals("uq_spring_customer_email", report.constraint().orElse("").toLowerCase());
        } finally {
            plain.execute("DROP TABLE IF EXISTS spring_order");
            plain.execute("DROP TABLE IF EXISTS spring_customer");
        }
    }
}
