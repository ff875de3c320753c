package io.github.integrityjdbc.integration;

import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.IntegrityDriver;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.H2Database;
import io.github.integrityjdbc.testing.Servers;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.jdbc.DriverDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flyway (13.12) takes a {@code jdbc:integrity:} URL ({@code dataSource(url, user, password)} and {@code flyway.url})
 * through integrity-jdbc's Flyway plugin, migrates real scripts, and a data migration that violates a unique
 * constraint fails with Flyway's exception, from whose cause chain {@code IntegrityViolations.find} reads the report;
 * the same as through a wrapped DataSource. On H2 and PostgreSQL.
 */
class FlywayTest {

    private static final String SHOP = "classpath:flyway/shop";
    /** V3 inserts an e-mail that V2 already inserted. */
    private static final String DUPLICATE = "classpath:flyway/duplicate";

    private static final String POSTGRES_URL = "jdbc:integrity:postgresql://127.0.0.1:5432/test";
    private static final String POSTGRES_PLAIN_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void h2_jdbcIntegrityUrl_migratesThenExplainsTheFailingMigration() {
        String url = "jdbc:integrity:h2:mem:" + H2Database.uniqueName("flyway") + ";DB_CLOSE_DELAY=-1";

        ViolationReport report = migrateThenFail(config -> config.dataSource(url, "sa", ""));

        assertH2Duplicate(report);
        assertEquals("h2:mem:" + url.substring(url.lastIndexOf(':') + 1, url.indexOf(';')), report.dataSource());
    }

    @Test
    void h2_flywayUrlProperty_asTheCommandLineAndTheBuildPluginsGiveIt() {
        String url = "jdbc:integrity:h2:mem:" + H2Database.uniqueName("flyway") + ";DB_CLOSE_DELAY=-1"
                + ";integrity.name=migrations";

        ViolationReport report = migrateThenFail(config -> config.configuration(Map.of(
                "flyway.url", url, "flyway.user", "sa", "flyway.password", "")));

        assertH2Duplicate(report);
        assertEquals("migrations", report.dataSource(), "integrity.* parameters of the URL reach the proxy");
    }

    @Test
    void h2_wrappedDataSource_givesTheSameReport() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + H2Database.uniqueName("flyway") + ";DB_CLOSE_DELAY=-1");
        DataSource dataSource = IntegrityDataSource.builder().name("migrations").wrap(h2);

        ViolationReport report = migrateThenFail(config -> config.dataSource(dataSource));

        assertH2Duplicate(report);
        assertEquals("migrations", report.dataSource());
    }

    @Test
    void h2_theUrlStageIsIntegrityDriver_theConnectionsTypeIsH2() throws SQLException {
        String url = "jdbc:integrity:h2:mem:" + H2Database.uniqueName("flyway") + ";DB_CLOSE_DELAY=-1";
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations(SHOP).load();

        DriverDataSource dataSource = assertInstanceOf(DriverDataSource.class,
                flyway.getConfiguration().getDataSource());
        assertInstanceOf(IntegrityDriver.class, dataSource.getDriver());
        assertEquals(2, flyway.migrate().migrationsExecuted);
        try (Connection connection = dataSource.getConnection()) {
            assertEquals("H2", connection.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void h2_plainUrl_isUntouchedByThePlugin() throws SQLException {
        String url = "jdbc:h2:mem:" + H2Database.uniqueName("flyway") + ";DB_CLOSE_DELAY=-1";
        Flyway flyway = Flyway.configure().dataSource(url, "sa", "").locations(SHOP).load();

        DriverDataSource dataSource = assertInstanceOf(DriverDataSource.class,
                flyway.getConfiguration().getDataSource());
        assertInstanceOf(org.h2.Driver.class, dataSource.getDriver());
        assertEquals(2, flyway.migrate().migrationsExecuted);
    }

    @Test
    void postgres_jdbcIntegrityUrl_migratesThenExplainsTheFailingMigration() throws SQLException {
        Servers.requirePostgres();
        String schema = "ij_flyway_url";
        dropSchema(schema);
        try {
            ViolationReport report = migrateThenFail(config -> config
                    .dataSource(POSTGRES_URL, "postgres", "").schemas(schema));

            assertPostgresDuplicate(report, schema);
        } finally {
            dropSchema(schema);
        }
    }

    @Test
    void postgres_theInnerTypesConnectionPropertiesReachTheRealDriver() throws SQLException {
        Servers.requirePostgres();
        Flyway flyway = Flyway.configure()
                .dataSource("jdbc:integrity:postgresql://127.0.0.1:5432/test", "postgres", "")
                .load();
        Flyway plain = Flyway.configure().dataSource(POSTGRES_PLAIN_URL, "postgres", "").load();

        DriverDataSource dataSource = assertInstanceOf(DriverDataSource.class,
                flyway.getConfiguration().getDataSource());
        assertInstanceOf(IntegrityDriver.class, dataSource.getDriver());
        // PostgreSQL's Flyway type names the application for jdbc:postgresql: URLs; it does so for the inner URL too
        String applicationName = applicationName(dataSource);
        assertEquals(applicationName(plain.getConfiguration().getDataSource()), applicationName);
        assertNotEquals("PostgreSQL JDBC Driver", applicationName, "pgjdbc's own default");
    }

    private static String applicationName(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('application_name')")) {
            assertTrue(rows.next());
            return rows.getString(1);
        }
    }

    @Test
    void postgres_wrappedDataSource_givesTheSameReport() throws SQLException {
        Servers.requirePostgres();
        String schema = "ij_flyway_ds";
        dropSchema(schema);
        try {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl(POSTGRES_PLAIN_URL);
            postgres.setUser("postgres");
            DataSource dataSource = IntegrityDataSource.builder().name("migrations").wrap(postgres);

            ViolationReport report = migrateThenFail(config -> config.dataSource(dataSource).schemas(schema));

            assertPostgresDuplicate(report, schema);
            assertEquals("migrations", report.dataSource());
        } finally {
            dropSchema(schema);
        }
    }

    /**
     * Migrates V1 and V2 and checks that {@code info()} shows them applied; then adds V3, whose insert violates the
     * unique e-mail, and returns the report found in the exception {@code migrate()} throws.
     */
    private static ViolationReport migrateThenFail(UnaryOperator<FluentConfiguration> target) {
        Flyway shop = target.apply(Flyway.configure()).locations(SHOP).load();
        assertEquals(2, shop.migrate().migrationsExecuted);
        assertEquals(List.of("1:SUCCESS", "2:SUCCESS"), applied(shop));

        Flyway withDuplicate = target.apply(Flyway.configure()).locations(SHOP, DUPLICATE).load();
        FlywayException thrown = assertThrows(FlywayException.class, withDuplicate::migrate);

        assertTrue(thrown.getMessage().contains("integrity-jdbc: Duplicate value for unique constraint"),
                "Flyway's message shows the explanation: " + thrown.getMessage());
        System.out.println("Flyway's message:\n" + thrown.getMessage());
        assertNotEquals(List.of("1:SUCCESS", "2:SUCCESS", "3:SUCCESS"), applied(withDuplicate));
        return IntegrityViolations.find(thrown)
                .orElseThrow(() -> new AssertionError("no report in the cause chain of " + thrown, thrown));
    }

    private static List<String> applied(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(migration -> migration.getVersion() != null) // not PostgreSQL's schema creation marker
                .filter(migration -> migration.getState() != MigrationState.PENDING)
                .map(FlywayTest::versionAndState)
                .toList();
    }

    private static String versionAndState(MigrationInfo migration) {
        return migration.getVersion().getVersion() + ":" + migration.getState();
    }

    private static void assertH2Duplicate(ViolationReport report) {
        assertEquals(ViolationKind.UNIQUE, report.kind());
        assertEquals("UQ_IJ_FW_CUSTOMER_EMAIL", report.constraint().orElseThrow());
        assertEquals("IJ_FW_CUSTOMER", report.table().orElseThrow());
        assertEquals(List.of("EMAIL"), report.columns());
        assertEquals("'ada@example.com'", report.offendingValues().get("EMAIL"));
    }

    private static void assertPostgresDuplicate(ViolationReport report, String schema) {
        assertEquals(ViolationKind.UNIQUE, report.kind());
        assertEquals("uq_ij_fw_customer_email", report.constraint().orElseThrow());
        assertTrue(report.table().orElseThrow().endsWith("ij_fw_customer"), report.table().orElseThrow());
        assertEquals(List.of("email"), report.columns());
        assertEquals("'ada@example.com'", report.offendingValues().get("email"));
    }

    private static void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES_PLAIN_URL, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
