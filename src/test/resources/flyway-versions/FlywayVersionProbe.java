import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationReport;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;

import java.util.function.UnaryOperator;

/**
 * Run by FlywayVersionsIT in a fresh JVM whose class path is one Flyway version's flyway-core, the packaged driver jar
 * and H2. Uses only Flyway API that every version from 8 on has. For a plain H2 URL, a jdbc:integrity: URL and a
 * wrapped DataSource, it migrates V1 and V2 (args[0]), then V3 (args[1]), which violates a unique constraint, and
 * prints one line for each step: "migrated N", "refused: <Flyway's message>", or the report found in Flyway's
 * exception. Anything else thrown (a plugin that broke Flyway) ends the JVM with its stack trace.
 */
public class FlywayVersionProbe {

    private static String shop;
    private static String duplicate;

    public static void main(String[] args) throws Exception {
        shop = "filesystem:" + args[0];
        duplicate = "filesystem:" + args[1];
        run("plain-url", config -> config.dataSource("jdbc:h2:mem:plain;DB_CLOSE_DELAY=-1", "sa", ""));
        run("integrity-url", config -> config.dataSource("jdbc:integrity:h2:mem:url;DB_CLOSE_DELAY=-1", "sa", ""));
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:wrapped;DB_CLOSE_DELAY=-1");
        javax.sql.DataSource wrapped = IntegrityDataSource.wrap(h2);
        run("wrapped-datasource", config -> config.dataSource(wrapped));
    }

    private static void run(String route, UnaryOperator<FluentConfiguration> target) {
        System.out.println(route + " V1,V2: " + migrate(target, shop));
        System.out.println(route + " V3: " + migrate(target, shop, duplicate));
    }

    private static String migrate(UnaryOperator<FluentConfiguration> target, String... locations) {
        try { // dataSource(url, ...) already asks Flyway's database types about the URL
            return "migrated " + target.apply(Flyway.configure()).locations(locations).load().migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            return IntegrityViolations.find(e).map(FlywayVersionProbe::describe)
                    .orElse("refused: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String describe(ViolationReport report) {
        return "report kind=" + report.kind() + " constraint=" + report.constraint().orElse("?") + " table="
                + report.table().orElse("?") + " columns=" + report.columns();
    }
}
