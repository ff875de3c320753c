package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.capture.CapturedStatement;
import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.report.DebugLog;
import io.github.integrityjdbc.report.ViolationPublisher;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The cold path's entry, one per connection: turns a failed statement into what the application gets. Reached only
 * from the proxies' catch blocks. It runs the stages in order, each handing an immutable value to the next:
 * <ol>
 *   <li>{@link Violation}: is it a violation, of which kind (classified once);</li>
 *   <li>{@link Dialect#read}: what the database's error states, and where its message shows values
 *       ({@link ErrorFacts});</li>
 *   <li>{@link Attributor#fromSchema}: what the schema says of the named constraint;</li>
 *   <li>{@link StatementLocator}: the failed statement, its values and batch row ({@link FailedStatement});</li>
 *   <li>{@link Attributor#fromStatement}: the columns and values the statement gives ({@link Attribution});</li>
 *   <li>{@link ReportWriter}: the report and the message, values rendered and masked by position;</li>
 *   <li>{@link EnrichedExceptions}: the exception the application gets, of the driver's own type where it can;</li>
 *   <li>{@link ViolationPublisher}: the log line and the count, last, once that exception exists.</li>
 * </ol>
 * It never throws: when any stage fails, the application gets the original exception unchanged, nothing is logged
 * (but at DEBUG) and nothing is counted.
 */
public final class Explainer {

    private static final DebugLog LOG = DebugLog.of(Explainer.class);

    private final Connection connection;
    private final IntegrityConfig config;
    private final String databaseKey;
    private final SeparateConnections separateConnections;
    private final SqlShapes shapes = new SqlShapes();
    private volatile Dialect dialect;
    private volatile String database;

    /**
     * @param connection the real connection, for schema lookups on the slow path
     * @param config the connection's settings
     * @param databaseKey identifies the database for the schema cache (the delegate URL; never shown)
     */
    public Explainer(Connection connection, IntegrityConfig config, String databaseKey) {
        this(connection, config, databaseKey, (SeparateConnections) null);
    }

    /**
     * @param separateConnections opens a connection to the same database for schema lookups where the application's
     *                            connection must not be used (PostgreSQL inside a transaction); may be null
     */
    public Explainer(Connection connection, IntegrityConfig config, String databaseKey,
                     SeparateConnections separateConnections) {
        this.connection = connection;
        this.config = config;
        this.databaseKey = databaseKey;
        this.separateConnections = separateConnections;
    }

    /** Opens a new connection to the application's database, with the same URL and properties. */
    @FunctionalInterface
    public interface SeparateConnections {
        Connection open() throws SQLException;
    }

    /**
     * With a given dialect instead of the one the product name chooses: for tests (databases that cannot run here,
     * dialects that misbehave), with {@code connection} for lookups.
     */
    Explainer(Connection connection, IntegrityConfig config, String databaseKey, Dialect dialect, String database) {
        this(connection, config, databaseKey);
        this.dialect = dialect;
        this.database = database;
    }

    /**
     * What to throw for {@code failure}: the enriched exception, the original with the explanation attached, or,
     * for anything that is not a violation or cannot be explained, the original unchanged.
     *
     * @param capture the failed statement
     */
    public SQLException explain(SQLException failure, CapturedStatement capture) {
        return explain(failure, capture, 0, List.of());
    }

    /**
     * A failure of {@code commit()}, where deferred constraints are checked: explained with what the database
     * reports and, where one of them carries the reported key, the statement of the transaction that wrote the row.
     *
     * @param transactionWrites the transaction's most recent writing statements, oldest first
     */
    public SQLException explainCommit(SQLException failure, List<? extends CapturedStatement> transactionWrites) {
        return explain(failure, null, 0, transactionWrites);
    }

    /**
     * Like {@link #explain(SQLException, CapturedStatement)} for a value the driver rejected already when it was bound
     * (Derby and HSQLDB check ranges in setInt/setLong): the column is the one the SQL gives that parameter.
     *
     * @param parameterIndex the 1-based index of the rejected parameter, whose value the capture holds
     */
    public SQLException explainBind(SQLException failure, CapturedStatement capture, int parameterIndex) {
        return explain(failure, capture, parameterIndex, List.of());
    }

    private SQLException explain(SQLException failure, CapturedStatement capture, int failedParameter,
                                 List<? extends CapturedStatement> transactionWrites) {
        ReportWriter.Written written;
        SQLException explained;
        try {
            Dialect dialect = dialect();
            Violation violation = Violation.in(failure, dialect);
            if (violation == null) {
                return failure;
            }
            ErrorFacts read = read(violation, dialect);
            try (SchemaLookups lookups = new SchemaLookups(connection, databaseKey, separateConnections, dialect)) {
                String firstSql = capture == null ? null : capture.batchSize() > 0 ? capture.rowSql(0) : capture.sql();
                ErrorFacts named = Attributor.fromSchema(read, () -> shapes.of(firstSql), lookups);
                lookups.tableNamedByError(named.schema(), named.table());
                FailedStatement statement = StatementLocator.locate(violation, named, capture, transactionWrites,
                        lookups, shapes);
                Attribution attribution = Attributor.fromStatement(named, statement, failedParameter, config.masks(),
                        lookups);
                written = ReportWriter.write(violation, attribution, statement, dialect, database, config);
            }
            explained = config.mode() == IntegrityConfig.Mode.PRESERVE
                    ? EnrichedExceptions.preserve(failure, written.report())
                    : EnrichedExceptions.wrap(failure, written.message(), written.report(), violation.exception(),
                            written.rowMessage(), written.rowMessagePart());
        } catch (Throwable t) {
            LOG.debug("Could not explain {}; the application gets it unchanged", failure, t);
            return failure;
        }
        ViolationPublisher.publish(config, written.report());
        return explained;
    }

    /** The dialect's reading of the violation, placed in the message the application will see. */
    private static ErrorFacts read(Violation violation, Dialect dialect) {
        ErrorReading reading = new ErrorReading(violation.kind());
        dialect.read(violation.exception(), reading);
        return reading.facts(violation.exception().getMessage(), violation.failure().getMessage(), dialect);
    }

    private Dialect dialect() {
        Dialect chosen = dialect;
        if (chosen == null) {
            String product;
            try {
                product = connection.getMetaData().getDatabaseProductName();
            } catch (SQLException | RuntimeException e) {
                // metadata unreadable (connection broken or closed): go by the URL's subprotocol, ask again next time
                return Dialects.forProduct(databaseKey.startsWith("jdbc:") ? databaseKey.substring(5) : null);
            }
            database = product;
            chosen = Dialects.forProduct(product);
            dialect = chosen;
        }
        return chosen;
    }
}
