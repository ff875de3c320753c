package io.github.integrityjdbc.integration;

import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.H2Database;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Liquibase (4.33) over integrity-jdbc on H2: by a {@code jdbc:integrity:} URL, as its command line, Maven plugin and
 * {@code liquibase.command.url} give it, and by a wrapped DataSource, as Spring's {@code SpringLiquibase} (what
 * Spring Boot runs) takes it. A real changelog applies; a changeset whose insert violates a unique constraint fails
 * with Liquibase's exception, from whose cause chain {@code IntegrityViolations.find} reads the report.
 */
class LiquibaseTest {

    /** Liquibase logs each changeset at INFO through java.util.logging; held, so the level stays set. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    static {
        LIQUIBASE_LOG.setLevel(Level.WARNING);
    }

    private static final String SHOP = "liquibase/shop.xml";
    /** shop.xml and a changeset that inserts an e-mail already there. */
    private static final String SHOP_WITH_IMPORT = "liquibase/shop-with-import.xml";

    @Test
    void jdbcIntegrityUrl_appliesTheChangelogThenExplainsTheFailingChangeset() throws Exception {
        String url = "jdbc:integrity:h2:mem:" + H2Database.uniqueName("liquibase") + ";DB_CLOSE_DELAY=-1";

        update(url, SHOP);
        assertEquals(List.of("create-customer", "add-customers"), applied(url));

        LiquibaseException thrown = assertThrows(LiquibaseException.class, () -> update(url, SHOP_WITH_IMPORT));

        assertTrue(messages(thrown).contains("integrity-jdbc: Duplicate value for unique constraint"),
                "Liquibase's exception shows the explanation: " + messages(thrown));
        assertDuplicate(IntegrityViolations.find(thrown)
                .orElseThrow(() -> new AssertionError("no report in the cause chain of " + thrown, thrown)));
        assertEquals(List.of("create-customer", "add-customers"), applied(url));
    }

    @Test
    void wrappedDataSource_givesTheSameReport() throws Exception {
        String name = H2Database.uniqueName("liquibase");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        DataSource dataSource = IntegrityDataSource.builder().name("migrations").wrap(h2);

        springLiquibase(dataSource, SHOP).afterPropertiesSet();
        assertEquals(List.of("create-customer", "add-customers"), applied("jdbc:h2:mem:" + name));

        LiquibaseException thrown = assertThrows(LiquibaseException.class,
                () -> springLiquibase(dataSource, SHOP_WITH_IMPORT).afterPropertiesSet());

        ViolationReport report = IntegrityViolations.find(thrown)
                .orElseThrow(() -> new AssertionError("no report in the cause chain of " + thrown, thrown));
        assertDuplicate(report);
        assertEquals("migrations", report.dataSource());
    }

    /** What Liquibase's command line and Maven plugin run for {@code update --url=... --changelog-file=...}. */
    private static void update(String url, String changelog) throws Exception {
        new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.URL_ARG, url)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.USERNAME_ARG, "sa")
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.PASSWORD_ARG, "")
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                .execute();
    }

    private static SpringLiquibase springLiquibase(DataSource dataSource, String changelog) {
        SpringLiquibase liquibase = new SpringLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog("classpath:" + changelog);
        liquibase.setResourceLoader(new DefaultResourceLoader());
        return liquibase;
    }

    /** The ids of the changesets in Liquibase's DATABASECHANGELOG, in the order they ran. */
    private static List<String> applied(String url) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM databasechangelog ORDER BY orderexecuted")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static void assertDuplicate(ViolationReport report) {
        assertEquals(ViolationKind.UNIQUE, report.kind());
        assertEquals("UQ_IJ_LB_CUSTOMER_EMAIL", report.constraint().orElseThrow());
        assertEquals("IJ_LB_CUSTOMER", report.table().orElseThrow());
        assertEquals(List.of("EMAIL"), report.columns());
        assertEquals("'ada@example.com'", report.offendingValues().get("EMAIL"));
    }

    private static String messages(Throwable thrown) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
