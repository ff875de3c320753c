package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.capture.CapturedStatement;
import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.diagnose.Dialect.ConstraintInfo;
import io.github.integrityjdbc.diagnose.SchemaCache.ColumnInfo;
import io.github.integrityjdbc.diagnose.SqlShape.ColumnValue;
import io.github.integrityjdbc.report.DebugLog;
import io.github.integrityjdbc.report.OptionalLibraries;
import io.github.integrityjdbc.report.ValueRenderer;
import io.github.integrityjdbc.report.ViolationLog;
import io.github.integrityjdbc.report.ViolationMeters;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The slow path, one per connection: turns a failed statement into what the application gets. Reached only from the
 * proxies' catch blocks. It never throws: when explaining fails, the original exception is returned unchanged and the
 * failure is logged at DEBUG.
 */
public final class Explainer {

    private static final DebugLog LOG = DebugLog.of(Explainer.class);
    private static final int MAX_SQL_IN_EXPLANATION = 1000;
    private static final int MAX_CHAIN = 16;

    private final Connection connection;
    private final IntegrityConfig config;
    private final String databaseKey;
    private final SeparateConnections separateConnections;
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

    public IntegrityConfig config() {
        return config;
    }

    /**
     * What to throw for {@code failure}: the enriched exception, the original with the explanation attached, or,
     * for anything that is not a violation or cannot be explained, the original unchanged.
     *
     * @param capture the failed statement's capture; null for a failure outside a statement (commit)
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
        try {
            Dialect dialect = dialect();
            SQLException violation = violationIn(failure, dialect);
            if (violation == null) {
                return failure;
            }
            Explained explained = build(failure, violation, capture, dialect, failedParameter, transactionWrites);
            publish(explained.report);
            if (config.mode() == IntegrityConfig.Mode.PRESERVE) {
                return EnrichedExceptions.preserve(failure, explained.report);
            }
            String suffix = "\nintegrity-jdbc: " + explained.report.explain();
            String original = failure.getMessage() == null ? "" : explained.mask(failure.getMessage());
            String perRow = violation.getMessage() == null ? "" : explained.mask(violation.getMessage());
            return EnrichedExceptions.wrap(failure, original + suffix, explained.report, violation, perRow + suffix);
        } catch (Throwable t) {
            LOG.debug("Could not explain {}; the application gets it unchanged", failure, t);
            return failure;
        }
    }

    // ****  which exception describes the violation  ****

    /**
     * The exception to read: the failure itself, or for a batch the per-row exception that drivers chain as next
     * exception or cause. Null when the failure is not a violation.
     */
    static SQLException violationIn(SQLException failure, Dialect dialect) {
        if (!(failure instanceof BatchUpdateException)) {
            return dialect.classify(failure) != null ? failure : null;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SQLException next = failure.getNextException(); next != null && seen.add(next)
                && seen.size() < MAX_CHAIN; next = next.getNextException()) {
            if (!(next instanceof BatchUpdateException) && dialect.classify(next) != null) {
                return next;
            }
        }
        for (Throwable cause = failure.getCause(); cause != null && seen.add(cause) && seen.size() < MAX_CHAIN;
             cause = cause.getCause()) {
            if (cause instanceof SQLException && !(cause instanceof BatchUpdateException)
                    && dialect.classify((SQLException) cause) != null) {
                return (SQLException) cause;
            }
        }
        return dialect.classify(failure) != null ? failure : null;
    }

    /** A data error (SQLState class 22, or a data exception type) rather than an integrity violation. */
    static boolean isDataError(SQLException violation, ViolationKind kind) {
        String state = violation.getSQLState();
        return kind.isDataError() || state != null && state.startsWith("22")
                || violation instanceof java.sql.SQLDataException || violation instanceof java.sql.DataTruncation;
    }

    /** The 0-based failing row, where the update counts tell it. */
    static Integer failedRow(SQLException failure, CapturedStatement capture) {
        if (capture == null || !(failure instanceof BatchUpdateException)) {
            return null;
        }
        long[] counts = ((BatchUpdateException) failure).getLargeUpdateCounts();
        if (counts == null) {
            return null;
        }
        int firstFailed = -1;
        boolean allFailed = counts.length > 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.EXECUTE_FAILED) {
                firstFailed = firstFailed < 0 ? i : firstFailed;
            } else {
                allFailed = false;
            }
        }
        if (firstFailed >= 0 && (!allFailed || counts.length == 1)) {
            return firstFailed; // the driver went on past the failing row
        }
        if (firstFailed < 0 && counts.length < capture.batchSize()) {
            return counts.length; // the driver stopped at the failing row
        }
        return null; // atomic batch: the counts cannot tell
    }

    // ****  building the report  ****

    private Explained build(SQLException failure, SQLException violation, CapturedStatement capture, Dialect dialect,
                            int failedParameter, List<? extends CapturedStatement> transactionWrites) {
        String state = violation.getSQLState() != null ? violation.getSQLState() : failure.getSQLState();
        ErrorFacts facts = new ErrorFacts();
        ViolationKind kind = dialect.classify(violation);
        facts.kind = kind != null ? kind : dialect.classify(failure);
        dialect.read(violation, facts);

        int batchSize = capture == null ? 0 : capture.batchSize();
        boolean batch = batchSize > 0;
        String sql = capture == null ? null : batch ? capture.rowSql(0) : capture.sql();
        SqlShape shape = SqlShape.of(sql);
        Object[] values = capture == null || batch ? new Object[0] : capture.values();
        Integer batchIndex = null;
        List<ColumnValue> written;
        try (Lookups lookups = new Lookups(dialect)) {
            completeFromSchema(dialect, facts, shape, lookups);
            if (facts.duplicateEntry != null && facts.columns.size() == 1) {
                facts.messageValues.putIfAbsent(facts.columns.get(0), SqlText.literal(facts.duplicateEntry));
            }
            CapturedStatement writer = capture == null ? writerOf(dialect, facts, transactionWrites, lookups) : null;
            if (writer != null) {
                sql = writer.sql();
                shape = SqlShape.of(sql);
                values = writer.values();
            }
            written = writtenColumns(dialect, shape, lookups);
            if (batch) {
                batchIndex = failedRow(failure, capture);
                if (batchIndex == null) {
                    batchIndex = matchRow(facts, written, capture);
                }
                if (batchIndex == null) {
                    Integer entry = dialect.batchEntry(failure);
                    batchIndex = entry != null && entry >= 0 && entry < batchSize ? entry : null;
                }
                if (batchIndex != null) {
                    sql = capture.rowSql(batchIndex);
                    values = capture.hasRows() ? capture.rowValues(batchIndex) : values;
                    if (!capture.hasRows()) {
                        shape = SqlShape.of(sql);
                        written = writtenColumns(dialect, shape, lookups);
                    }
                } else if (!capture.hasRows()) {
                    sql = null; // a batch of SQL texts whose failing entry is unknown
                    shape = SqlShape.of(null);
                    written = List.of();
                }
            }
            if (facts.columns.isEmpty() && failedParameter > 0) {
                columnOfParameter(dialect, facts, shape, written, failedParameter);
            }
            if (facts.columns.isEmpty() && (facts.kind == ViolationKind.VALUE_TOO_LONG
                    || facts.kind == ViolationKind.OUT_OF_RANGE)) {
                dataErrorColumn(dialect, facts, shape, written, values, lookups);
            }
        }
        if (facts.columns.isEmpty() && facts.unattributedValue != null) {
            columnOfValue(dialect, facts, shape, written, values);
        }

        Explained explained = new Explained();
        boolean[] maskedParameter = new boolean[values.length];
        List<ColumnValue> all = new ArrayList<>(written);
        all.addAll(shape.conditions());
        for (ColumnValue cv : all) {
            if (config.isMasked(cv.column())) {
                if (cv.parameter() > 0 && cv.parameter() <= values.length) {
                    maskedParameter[cv.parameter() - 1] = true;
                    explained.secret(values[cv.parameter() - 1]);
                }
                explained.secret(unquote(cv.literal()));
            }
        }
        facts.messageValues.forEach((column, value) -> {
            if (config.isMasked(column)) {
                explained.secret(unquote(value));
            }
        });

        List<String> parameters = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            parameters.add(maskedParameter[i] ? ValueRenderer.MASK
                    : ValueRenderer.render(values[i], config.maxValueLength()));
        }
        Map<String, String> offending = offendingValues(facts, shape, written, values);
        String shownSql = sql == null ? null : explained.mask(sql);

        explained.report = new ViolationReport.Builder()
                .kind(facts.kind)
                .constraint(facts.constraint)
                .table(facts.table)
                .columns(facts.columns)
                .sql(shownSql)
                .parameters(parameters)
                .offendingValues(offending)
                .batchIndex(batchIndex)
                .sqlState(state)
                .vendorCode(violation.getErrorCode())
                .database(database)
                .dataSource(config.name())
                .explanation(Explanations.explain(facts, isDataError(violation, facts.kind), capture == null, offending, shape, dialect, shownSql, parameters,
                        batchIndex, batchSize, MAX_SQL_IN_EXPLANATION))
                .build();
        return explained;
    }

    /**
     * Where the slow path may run its schema queries. On the application's connection only where that neither fails
     * nor changes its transaction: databases with statement-level rollback, or any database in autocommit mode.
     * Otherwise (PostgreSQL inside a transaction) on a separate connection opened with the same URL and properties,
     * closed when the explanation is done; or nowhere, when no such connection can be opened.
     */
    private final class Lookups implements AutoCloseable {
        private final Dialect dialect;
        private Connection separate;
        private boolean unavailable;

        Lookups(Dialect dialect) {
            this.dialect = dialect;
        }

        Connection connection() throws SQLException {
            if (SchemaCache.paused(databaseKey)) {
                return null; // a recent lookup on this database failed or was slow
            }
            if (dialect.canQueryAfterFailure() || connection.getAutoCommit()) {
                return connection;
            }
            if (separate == null && !unavailable) {
                unavailable = true;
                if (separateConnections != null) {
                    separate = separateConnections.open();
                    unavailable = separate == null;
                }
            }
            return separate;
        }

        /** The schema (or, for MySQL, the database) unqualified names resolve in. */
        String defaultSchema(Connection lookup) throws SQLException {
            String schema = lookup.getSchema();
            return schema != null ? schema : lookup.getCatalog();
        }

        @Override
        public void close() {
            if (separate != null) {
                try {
                    separate.close();
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("Could not close the lookup connection", e);
                }
            }
        }
    }

    /** Table and columns of a named constraint from the schema, and the statement's table where the error has none. */
    private void completeFromSchema(Dialect dialect, ErrorFacts facts, SqlShape shape, Lookups lookups) {
        String statementTable = shape.table() == null ? null : dialect.storedName(shape.table(), shape.tableQuoted());
        boolean primaryKeyUnknown = facts.kind == ViolationKind.UNIQUE && !dialect.namesPrimaryKeys();
        if (facts.constraint != null && (facts.table == null || facts.columns.isEmpty() || primaryKeyUnknown)) {
            try {
                Connection lookup = lookups.connection();
                if (lookup != null) {
                    String table = facts.table != null ? facts.table : statementTable;
                    String schema = facts.schema != null ? facts.schema
                            : shape.schema() != null ? dialect.storedName(shape.schema(), false) : null;
                    ConstraintInfo info = SchemaCache.constraint(databaseKey, dialect, lookup, schema, table,
                            facts.constraint);
                    if (info != null) {
                        facts.schema = facts.schema == null ? info.schema() : facts.schema;
                        facts.table = facts.table == null ? info.table() : facts.table;
                        if (facts.columns.isEmpty()) {
                            facts.columns.addAll(info.columns());
                        }
                        if (info.kind() != null && (facts.kind == ViolationKind.OTHER
                                || facts.kind == ViolationKind.UNIQUE && info.kind() == ViolationKind.PRIMARY_KEY)) {
                            facts.kind = info.kind(); // the SQLState said only "unique" or "deferred"
                        }
                        if (facts.referencedTable == null && info.referencedTable() != null) {
                            facts.referencedTable = info.referencedTable();
                            facts.referencedColumns.addAll(info.referencedColumns());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Could not look up constraint {}", facts.constraint, e);
            }
        }
        boolean writes = shape.operation() == SqlShape.Operation.INSERT
                || shape.operation() == SqlShape.Operation.UPDATE;
        if (facts.table == null && writes && statementTable != null && facts.kind != ViolationKind.FOREIGN_KEY) {
            facts.table = statementTable;
        }
    }

    /** A value rejected at bind time: its column is the one the statement gives the parameter. */
    private static void columnOfParameter(Dialect dialect, ErrorFacts facts, SqlShape shape,
                                          List<ColumnValue> written, int parameter) {
        List<ColumnValue> all = new ArrayList<>(written);
        all.addAll(shape.conditions());
        for (ColumnValue cv : all) {
            if (cv.parameter() == parameter && cv.column() != null) {
                facts.columns.add(dialect.storedName(cv.column(), cv.quoted()));
                if (facts.table == null && shape.table() != null) {
                    facts.table = dialect.storedName(shape.table(), shape.tableQuoted());
                }
                return;
            }
        }
    }

    /**
     * A data error that names no column (PostgreSQL: "value too long for type character varying(10)"): the one
     * written column whose value does not fit its declared size or type. Left unknown when none or several do.
     */
    private void dataErrorColumn(Dialect dialect, ErrorFacts facts, SqlShape shape, List<ColumnValue> written,
                                 Object[] values, Lookups lookups) {
        List<ColumnInfo> columns = tableColumns(dialect, shape, lookups);
        String found = null;
        for (ColumnValue cv : written) {
            ColumnInfo column = info(columns, cv.column());
            if (column == null) {
                continue;
            }
            Object value = cv.parameter() > 0 ? (cv.parameter() <= values.length ? values[cv.parameter() - 1] : null)
                    : literalValue(cv.literal());
            if (DataFit.doesNotFit(facts, column, value)) {
                if (found != null) {
                    return; // two candidates: do not guess
                }
                found = column.name();
            }
        }
        if (found != null) {
            facts.columns.add(found);
            if (facts.table == null) {
                facts.table = dialect.storedName(shape.table(), shape.tableQuoted());
            }
        }
    }

    /** A data error that shows the value but not the column: the one written column given exactly that value. */
    private static void columnOfValue(Dialect dialect, ErrorFacts facts, SqlShape shape, List<ColumnValue> written,
                                      Object[] values) {
        ColumnValue match = null;
        for (ColumnValue cv : written) {
            Object value = cv.parameter() > 0 && cv.parameter() <= values.length ? values[cv.parameter() - 1]
                    : unquote(cv.literal());
            if (cv.column() != null && value != null && facts.unattributedValue.equals(value.toString())) {
                if (match != null) {
                    return; // two columns were given that value: do not guess
                }
                match = cv;
            }
        }
        if (match != null) {
            facts.columns.add(dialect.storedName(match.column(), match.quoted()));
            if (facts.table == null && shape.table() != null) {
                facts.table = dialect.storedName(shape.table(), shape.tableQuoted());
            }
        }
    }

    private static ColumnInfo info(List<ColumnInfo> columns, String name) {
        for (ColumnInfo column : columns) {
            if (name != null && column.name().equalsIgnoreCase(name)) {
                return column;
            }
        }
        return null;
    }

    /** The statement's written columns, with names from the schema for an INSERT without a column list. */
    private List<ColumnValue> writtenColumns(Dialect dialect, SqlShape shape, Lookups lookups) {
        if (!shape.positionalInsert()) {
            return shape.assignments();
        }
        List<ColumnInfo> columns = tableColumns(dialect, shape, lookups);
        List<ColumnValue> named = new ArrayList<>();
        for (int i = 0; i < shape.assignments().size() && i < columns.size(); i++) {
            ColumnValue value = shape.assignments().get(i);
            named.add(new ColumnValue(columns.get(i).name(), true, value.parameter(), value.literal()));
        }
        return named;
    }

    /** The columns of the statement's table, from the schema (cached); empty when they cannot be looked up. */
    private List<ColumnInfo> tableColumns(Dialect dialect, SqlShape shape, Lookups lookups) {
        if (shape.table() == null) {
            return List.of();
        }
        try {
            Connection lookup = lookups.connection();
            if (lookup == null) {
                return List.of();
            }
            String schema = shape.schema() != null ? dialect.storedName(shape.schema(), false)
                    : lookups.defaultSchema(lookup);
            return SchemaCache.tableColumns(databaseKey, lookup, schema,
                    dialect.storedName(shape.table(), shape.tableQuoted()));
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not read the columns of {}", shape.table(), e);
            return List.of();
        }
    }

    /**
     * The batch row whose values are the key values the error reports, where exactly one row has them (drivers that
     * run a batch atomically report every count as failed).
     */
    private static Integer matchRow(ErrorFacts facts, List<ColumnValue> written, CapturedStatement capture) {
        if (facts.messageValues.isEmpty()) {
            return null;
        }
        Integer found = null;
        for (int row = 0; row < capture.batchSize(); row++) {
            int r = row;
            List<ColumnValue> rowColumns = capture.hasRows() ? written
                    : SqlShape.of(capture.rowSql(row)).assignments();
            if (carriesKey(facts, rowColumns, parameter -> capture.rowValue(r, parameter))) {
                if (found != null) {
                    return null; // several rows carry the key: do not guess
                }
                found = row;
            }
        }
        return found;
    }

    /** The most recent write of the transaction to the reported table that carries the reported key, or null. */
    private CapturedStatement writerOf(Dialect dialect, ErrorFacts facts, List<? extends CapturedStatement> writes,
                                      Lookups lookups) {
        if (facts.table == null || facts.messageValues.isEmpty()) {
            return null;
        }
        for (int i = writes.size() - 1; i >= 0; i--) {
            CapturedStatement write = writes.get(i);
            SqlShape shape = SqlShape.of(write.sql());
            if (shape.table() == null
                    || !dialect.storedName(shape.table(), shape.tableQuoted()).equalsIgnoreCase(facts.table)) {
                continue;
            }
            Object[] values = write.values();
            if (carriesKey(facts, writtenColumns(dialect, shape, lookups),
                    parameter -> parameter <= values.length ? values[parameter - 1] : null)) {
                return write;
            }
        }
        return null;
    }

    /** True when the statement's columns carry every key value the error reports. */
    private static boolean carriesKey(ErrorFacts facts, List<ColumnValue> columns, IntFunction<Object> parameter) {
        for (Map.Entry<String, String> key : facts.messageValues.entrySet()) {
            ColumnValue source = find(columns, key.getKey());
            String raw = source == null ? null : source.parameter() > 0
                    ? rawText(parameter.apply(source.parameter())) : unquote(source.literal());
            if (raw == null || !raw.equals(unquote(key.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static String rawText(Object value) {
        if (value instanceof CharSequence || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof java.math.BigDecimal) {
            return ((java.math.BigDecimal) value).toPlainString();
        }
        return value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }

    /** A literal of the SQL text as a value: a string without its quotes, a number, or null. */
    private static Object literalValue(String literal) {
        if (literal == null) {
            return null;
        }
        if (literal.startsWith("'")) {
            return unquote(literal);
        }
        try {
            return new java.math.BigDecimal(literal);
        } catch (NumberFormatException e) {
            return null;
        }
    }


    private Map<String, String> offendingValues(ErrorFacts facts, SqlShape shape, List<ColumnValue> written,
                                                Object[] values) {
        Map<String, String> offending = new LinkedHashMap<>();
        boolean parentSide = facts.parentSide(shape);
        for (int i = 0; i < facts.columns.size(); i++) {
            String column = facts.columns.get(i);
            ColumnValue source;
            if (parentSide && i < facts.referencedColumns.size()) {
                // a parent row still referenced: its key value is in the statement's WHERE (or SET)
                String referenced = facts.referencedColumns.get(i);
                source = find(shape.conditions(), referenced);
                source = source == null ? find(written, referenced) : source;
            } else {
                source = find(written, column);
            }
            String value = render(source, values);
            if (value == null) {
                value = facts.messageValues.get(column);
                value = value == null ? null : ValueRenderer.renderLiteral(value, config.maxValueLength());
            }
            if (value != null) {
                offending.put(column, config.isMasked(column) ? ValueRenderer.MASK : value);
            }
        }
        return offending;
    }

    private static ColumnValue find(List<ColumnValue> columns, String name) {
        for (ColumnValue cv : columns) {
            if (cv.column() != null && cv.column().equalsIgnoreCase(name)) {
                return cv;
            }
        }
        return null;
    }

    private String render(ColumnValue source, Object[] values) {
        if (source == null) {
            return null;
        }
        if (source.parameter() > 0) {
            return source.parameter() <= values.length
                    ? ValueRenderer.render(values[source.parameter() - 1], config.maxValueLength()) : null;
        }
        return source.literal() == null ? null
                : ValueRenderer.renderLiteral(source.literal(), config.maxValueLength());
    }

    private static String unquote(String literal) {
        if (literal != null && literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")) {
            return literal.substring(1, literal.length() - 1).replace("''", "'");
        }
        return literal;
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

    private void publish(ViolationReport report) {
        if (config.log() && OptionalLibraries.SLF4J) {
            try {
                ViolationLog.log(report);
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Could not log a violation", e);
            }
        }
        if (config.metrics() && OptionalLibraries.MICROMETER) {
            try {
                ViolationMeters.count(config.registry(), report);
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Could not count a violation", e);
            }
        }
    }

    /** A report in the making, with the raw texts of masked values that must not appear anywhere. */
    private static final class Explained {
        private final List<String> secrets = new ArrayList<>();
        private ViolationReport report;

        void secret(Object value) {
            if (value instanceof CharSequence || value instanceof Number || value instanceof Character) {
                String text = value.toString();
                if (!text.isEmpty()) {
                    secrets.add(text);
                }
            }
        }

        /** The text with every occurrence of a masked value replaced by ****. */
        String mask(String text) {
            String masked = text;
            for (String secret : secrets) {
                masked = masked.replace(secret, ValueRenderer.MASK);
            }
            return masked;
        }
    }
}
