package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.capture.StatementCapture;
import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.diagnose.Dialect.ConstraintInfo;
import io.github.integrityjdbc.diagnose.SqlShape.ColumnValue;
import io.github.integrityjdbc.report.DebugLog;
import io.github.integrityjdbc.report.OptionalLibraries;
import io.github.integrityjdbc.report.ValueRenderer;
import io.github.integrityjdbc.report.ViolationLog;
import io.github.integrityjdbc.report.ViolationMeters;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DataTruncation;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private volatile Dialect dialect;
    private volatile String database;

    /**
     * @param connection the real connection, for schema lookups on the slow path
     * @param config the connection's settings
     * @param databaseKey identifies the database for the schema cache (the delegate URL; never shown)
     */
    public Explainer(Connection connection, IntegrityConfig config, String databaseKey) {
        this.connection = connection;
        this.config = config;
        this.databaseKey = databaseKey;
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
    public SQLException explain(SQLException failure, StatementCapture capture) {
        try {
            SQLException violation = violationIn(failure);
            if (violation == null) {
                return failure;
            }
            Explained explained = build(failure, violation, capture);
            publish(explained.report);
            if (config.mode() == IntegrityConfig.Mode.PRESERVE) {
                return ExplainedExceptions.preserve(failure, explained.report);
            }
            String original = failure.getMessage() == null ? "" : explained.mask(failure.getMessage());
            return ExplainedExceptions.wrap(failure,
                    original + "\nintegrity-jdbc: " + explained.report.explain(), explained.report);
        } catch (Throwable t) {
            LOG.debug("Could not explain {}; the application gets it unchanged", failure, t);
            return failure;
        }
    }

    // ****  which exception describes the violation  ****

    static boolean isViolation(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("23") || state.startsWith("22"))
                || e instanceof SQLIntegrityConstraintViolationException
                || e instanceof SQLDataException
                || e instanceof DataTruncation;
    }

    /**
     * The exception to read: the failure itself, or for a batch the per-row exception that drivers chain as next
     * exception or cause. Null when the failure is not a violation.
     */
    static SQLException violationIn(SQLException failure) {
        if (!(failure instanceof BatchUpdateException)) {
            return isViolation(failure) ? failure : null;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SQLException next = failure.getNextException(); next != null && seen.add(next)
                && seen.size() < MAX_CHAIN; next = next.getNextException()) {
            if (!(next instanceof BatchUpdateException) && isViolation(next)) {
                return next;
            }
        }
        for (Throwable cause = failure.getCause(); cause != null && seen.add(cause) && seen.size() < MAX_CHAIN;
             cause = cause.getCause()) {
            if (cause instanceof SQLException && !(cause instanceof BatchUpdateException)
                    && isViolation((SQLException) cause)) {
                return (SQLException) cause;
            }
        }
        return isViolation(failure) ? failure : null;
    }

    /** The 0-based failing row, where the update counts tell it. */
    static Integer failedRow(SQLException failure, StatementCapture capture) {
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

    private Explained build(SQLException failure, SQLException violation, StatementCapture capture) {
        Dialect dialect = dialect();
        String state = violation.getSQLState() != null ? violation.getSQLState() : failure.getSQLState();
        ErrorFacts facts = new ErrorFacts();
        facts.kind = Dialect.standardKind(state);
        dialect.read(violation, facts);

        Integer batchIndex = failedRow(failure, capture);
        int batchSize = capture == null ? 0 : capture.batchSize();
        String sql = null;
        Object[] values = new Object[0];
        if (capture != null) {
            if (batchIndex != null) {
                sql = capture.rowSql(batchIndex);
                values = capture.hasRows() ? capture.rowValues(batchIndex) : values;
            } else {
                sql = capture.sql();
                values = failure instanceof BatchUpdateException ? values : capture.values();
            }
        }
        SqlShape shape = SqlShape.of(sql);
        completeFromSchema(dialect, facts, shape);
        List<ColumnValue> written = writtenColumns(dialect, shape);

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
                .explanation(Explanations.explain(facts, offending, shape, dialect, shownSql, parameters,
                        batchIndex, batchSize, MAX_SQL_IN_EXPLANATION))
                .build();
        return explained;
    }

    /** Table and columns of a named constraint from the schema, and the statement's table where the error has none. */
    private void completeFromSchema(Dialect dialect, ErrorFacts facts, SqlShape shape) {
        if (facts.constraint != null && (facts.table == null || facts.columns.isEmpty())
                && dialect.canQueryAfterFailure()) {
            try {
                ConstraintInfo info = SchemaCache.constraint(databaseKey, dialect, connection, facts.schema,
                        facts.constraint);
                if (info != null) {
                    facts.schema = facts.schema == null ? info.schema() : facts.schema;
                    facts.table = facts.table == null ? info.table() : facts.table;
                    if (facts.columns.isEmpty()) {
                        facts.columns.addAll(info.columns());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                LOG.debug("Could not look up constraint {}", facts.constraint, e);
            }
        }
        boolean writes = shape.operation() == SqlShape.Operation.INSERT
                || shape.operation() == SqlShape.Operation.UPDATE;
        if (facts.table == null && writes && shape.table() != null && facts.kind != ViolationKind.FOREIGN_KEY) {
            facts.table = dialect.storedName(shape.table(), shape.tableQuoted());
        }
    }

    /** The statement's written columns, with names from the schema for an INSERT without a column list. */
    private List<ColumnValue> writtenColumns(Dialect dialect, SqlShape shape) {
        if (!shape.positionalInsert()) {
            return shape.assignments();
        }
        if (!dialect.canQueryAfterFailure()) {
            return List.of();
        }
        try {
            String schema = shape.schema() != null ? dialect.storedName(shape.schema(), false) : connection.getSchema();
            List<String> columns = SchemaCache.tableColumns(databaseKey, connection, schema,
                    dialect.storedName(shape.table(), shape.tableQuoted()));
            List<ColumnValue> named = new ArrayList<>();
            for (int i = 0; i < shape.assignments().size() && i < columns.size(); i++) {
                ColumnValue value = shape.assignments().get(i);
                named.add(new ColumnValue(columns.get(i), true, value.parameter(), value.literal()));
            }
            return named;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not read the columns of {}", shape.table(), e);
            return List.of();
        }
    }

    private Map<String, String> offendingValues(ErrorFacts facts, SqlShape shape, List<ColumnValue> written,
                                                Object[] values) {
        Map<String, String> offending = new LinkedHashMap<>();
        boolean parentSide = facts.kind == ViolationKind.FOREIGN_KEY && facts.referencedTable != null
                && shape.table() != null && facts.referencedTable.equalsIgnoreCase(shape.table())
                && !facts.referencedTable.equalsIgnoreCase(facts.table);
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
                value = value == null ? null : ValueRenderer.escape(cut(value));
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
        return source.literal() == null ? null : ValueRenderer.escape(cut(source.literal()));
    }

    private String cut(String text) {
        int max = config.maxValueLength();
        return text.length() > max ? text.substring(0, max) + "… (" + text.length() + " characters)" : text;
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
                product = null;
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
