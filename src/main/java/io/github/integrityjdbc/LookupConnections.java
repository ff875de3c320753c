package io.github.integrityjdbc;

import io.github.integrityjdbc.diagnose.Explainer;
import io.github.integrityjdbc.report.OptionalLibraries;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a wrapped DataSource's explanations open the separate connection for schema lookups that the application's
 * own connection cannot run (PostgreSQL inside a transaction, where the failed statement has aborted it). Never from
 * the pool: asking a pool for a second connection could wait for one to be free, and would count in its metrics. A
 * new physical connection instead, opened only when a lookup misses the schema cache and closed when the explanation
 * is done, as the URL route does:
 * <ol>
 *   <li>from the lookup DataSource the application gave ({@link IntegrityDataSource.Builder#lookupDataSource}),</li>
 *   <li>else, where the wrapped DataSource is (or unwraps to) a HikariCP pool, the way that pool opens its own
 *       connections: its underlying DataSource, credentials, catalog and schema;</li>
 *   <li>else none: the explanation goes on with what the error and the statement say.</li>
 * </ol>
 * The wrapped DataSource is asked at each explanation, so a routing DataSource answers for the route of the failed
 * statement's thread.
 */
final class LookupConnections implements Explainer.SeparateConnections {

    private final DataSource wrapped;
    private final DataSource given;

    LookupConnections(DataSource wrapped, DataSource given) {
        this.wrapped = wrapped;
        this.given = given;
    }

    @Override
    public Connection open() throws SQLException {
        if (given != null) {
            return given.getConnection();
        }
        if (OptionalLibraries.HIKARI) {
            return HikariLookupConnections.open(wrapped);
        }
        return null;
    }
}
