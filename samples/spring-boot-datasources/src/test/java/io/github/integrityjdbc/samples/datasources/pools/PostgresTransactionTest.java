package io.github.integrityjdbc.samples.datasources.pools;

import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.samples.datasources.Shop;
import io.github.integrityjdbc.samples.datasources.Violations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static io.github.integrityjdbc.samples.datasources.Violations.reportOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The orders pool on PostgreSQL (127.0.0.1:5432, database test, user postgres), wrapped by the auto-configuration,
 * and violations inside a {@code @Transactional} method ({@link Signups}): explained as much as through a
 * {@code jdbc:integrity:} URL, named by the bean, and the whole transaction rolled back. Skipped when PostgreSQL does
 * not answer, unless {@code CI=true}.
 */
class PostgresTransactionTest {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    /** The orders pool on PostgreSQL; every other DataSource of the application as in pools.properties. */
    static ConfigurableApplicationContext runOnPostgres(String... more) {
        String[] args = {"--app.datasource.orders.jdbc-url=" + URL, "--app.datasource.orders.username=postgres"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return PoolsApplication.run(all);
    }

    @BeforeAll
    static void postgresAnswers() {
        try (Connection ignored = DriverManager.getConnection(URL, "postgres", "")) {
            // it does
        } catch (SQLException e) {
            assumeTrue("true".equals(System.getenv("CI")), "PostgreSQL does not answer at " + URL + ": " + e);
            throw new AssertionError("PostgreSQL is required under CI=true", e);
        }
    }

    @AfterEach
    void dropTheTable() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "")) {
            connection.createStatement().execute("DROP TABLE IF EXISTS " + Shop.TABLE);
        }
    }

    @Test
    void uniqueViolationInATransaction_isExplained_andRollsBackTheTransaction() {
        try (ConfigurableApplicationContext application = runOnPostgres();
             Violations violations = new Violations(application)) {
            DataSource orders = application.getBean("ordersDataSource", DataSource.class);
            assertInstanceOf(IntegrityDataSource.class, orders);
            Signups signups = application.getBean(Signups.class);

            ViolationReport report = reportOf(() -> signups.signUp(1, "ada@example.com", "ada@example.com"));
            assertEquals("ordersDataSource", report.dataSource());
            assertEquals("PostgreSQL", report.database());
            assertEquals("ij_boot_customer_email_uq", report.constraint().orElseThrow());
            assertEquals("ij_boot_customer", report.table().orElseThrow());
            assertEquals(1.0, violations.count("ordersDataSource"));
            assertEquals(0, new JdbcTemplate(orders).queryForObject("SELECT count(*) FROM " + Shop.TABLE, Integer.class),
                    "the first row is rolled back with the second");
        }
    }

    /** What only the catalog tells, looked up on a connection of its own: the aborted transaction cannot. */
    @Test
    void inATransaction_aPrimaryKeyIsToldFromAUniqueKey_andACheckNamesItsColumn() {
        try (ConfigurableApplicationContext application = runOnPostgres()) {
            DataSource orders = application.getBean("ordersDataSource", DataSource.class);
            Signups signups = application.getBean(Signups.class);
            Shop.insert(orders, 100, "first@example.com", 30);

            ViolationReport primaryKey = reportOf(() -> signups.signUp(99, "a@example.com", "b@example.com"));
            assertEquals(ViolationKind.PRIMARY_KEY, primaryKey.kind(), primaryKey.explain());
            assertEquals("ij_boot_customer_pk", primaryKey.constraint().orElseThrow());
            assertEquals(List.of("id"), primaryKey.columns());

            ViolationReport check = reportOf(() -> signups.signUpAged(200, -5, "c@example.com"));
            assertEquals(ViolationKind.CHECK, check.kind(), check.explain());
            assertEquals(List.of("age"), check.columns());
        }
    }
}
