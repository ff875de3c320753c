package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.diagnose.SchemaCache.ColumnInfo;
import io.github.integrityjdbc.diagnose.SqlShape.ColumnValue;
import io.github.integrityjdbc.report.DebugLog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one explanation runs its schema queries, and the queries the stages share (cached in {@link SchemaCache}: a
 * cached answer asks for no connection at all). On the application's connection only where that neither fails nor
 * changes its transaction: databases with statement-level rollback, or any database in autocommit mode. Otherwise
 * (PostgreSQL inside a transaction) on a separate connection (the same URL and properties for the URL route; a wrapped
 * DataSource's lookup connection), opened at the first cache miss and closed when the explanation is done; or
 * nowhere, when no such connection can be opened. A lookup that fails yields nothing, never an exception.
 */
final class SchemaLookups implements AutoCloseable {

    private static final DebugLog LOG = DebugLog.of(SchemaLookups.class);

    private final Connection connection;
    private final String databaseKey;
    private final Explainer.SeparateConnections separateConnections;
    final Dialect dialect;
    private Connection separate;
    private boolean unavailable;
    private String errorSchema;
    private String errorTable;

    SchemaLookups(Connection connection, String databaseKey, Explainer.SeparateConnections separateConnections,
                  Dialect dialect) {
        this.connection = connection;
        this.databaseKey = databaseKey;
        this.separateConnections = separateConnections;
        this.dialect = dialect;
    }

    /** The connection to query, or null when none may be used now. */
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
    static String defaultSchema(Connection lookup) throws SQLException {
        String schema = lookup.getSchema();
        return schema != null ? schema : lookup.getCatalog();
    }

    /** The constraint as the schema describes it, or null. */
    Dialect.ConstraintInfo constraint(String schema, String table, String constraint) {
        try {
            return SchemaCache.constraint(databaseKey, dialect, this::connection, schema, table, constraint);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not look up constraint {}", constraint, e);
            return null;
        }
    }

    /** The foreign key the statement violated, where the error names nothing; a failed lookup adds nothing. */
    ErrorFacts foreignKeyOfStatement(ErrorFacts facts, FailedStatement statement) {
        try {
            Connection lookup = connection();
            if (lookup == null) {
                return facts;
            }
            ErrorReading reading = new ErrorReading(facts);
            dialect.foreignKeyOfStatement(statement, lookup, reading);
            return reading.facts();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not find the statement's foreign key", e);
            return facts;
        }
    }

    /** A batch's failing row as the dialect proves it from the schema and the rows, or null. */
    Integer provenBatchRow(ErrorFacts facts, io.github.integrityjdbc.capture.CapturedStatement capture) {
        try {
            return dialect.provenBatchRow(facts, capture, this);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not find the batch's failing row", e);
            return null;
        }
    }

    /** The columns of a table in their order, from the schema (cached); empty when they cannot be looked up. */
    List<ColumnInfo> tableColumns(String schema, String table) {
        if (table == null) {
            return List.of();
        }
        try {
            String in = schema;
            if (in == null) {
                Connection lookup = connection();
                if (lookup == null) {
                    return List.of();
                }
                in = defaultSchema(lookup);
            }
            return SchemaCache.tableColumns(databaseKey, this::connection, in, table);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not read the columns of {}", table, e);
            return List.of();
        }
    }

    /**
     * The table the database's error names with its schema (PostgreSQL's does): a statement's unqualified table of
     * that name is taken to be in that schema, which needs no connection to find the default schema.
     */
    void tableNamedByError(String schema, String table) {
        errorSchema = schema;
        errorTable = table;
    }

    /** The columns of the statement's table. */
    List<ColumnInfo> tableColumns(SqlShape shape) {
        if (shape.table() == null) {
            return List.of();
        }
        String table = dialect.storedName(shape.table(), shape.tableQuoted());
        String schema = shape.schema() != null ? dialect.storedName(shape.schema(), false)
                : errorSchema != null && table.equals(errorTable) ? errorSchema : null;
        return tableColumns(schema, table);
    }

    /** The statement's written columns, with names from the schema for an INSERT without a column list. */
    List<ColumnValue> writtenColumns(SqlShape shape) {
        if (!shape.positionalInsert()) {
            return shape.assignments();
        }
        List<ColumnInfo> columns = tableColumns(shape);
        List<ColumnValue> named = new ArrayList<>();
        for (int i = 0; i < shape.assignments().size() && i < columns.size(); i++) {
            named.add(shape.assignments().get(i).named(columns.get(i).name(), true));
        }
        return named;
    }

    static List<String> names(List<ColumnInfo> columns) {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnInfo column : columns) {
            names.add(column.name());
        }
        return names;
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
