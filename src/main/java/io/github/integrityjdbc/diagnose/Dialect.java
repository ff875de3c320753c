package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.sql.Connection;
import java.sql.DataTruncation;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * What one database needs to be explained: reading its errors, and finding a constraint's table and columns. One
 * class per database; adding a database is adding a class and a line in {@link Dialects}.
 */
interface Dialect {

    /**
     * Query timeout of every schema lookup a dialect runs, in seconds (JDBC's granularity). With at most two lookups
     * per explanation, and lookups paused after one times out (see {@link SchemaCache}), a hanging schema costs the
     * application at most a few seconds once, never a hang.
     */
    int LOOKUP_TIMEOUT_SECONDS = 2;

    /**
     * Reads the facts that the error itself states (structured fields, or the message). Runs no query.
     *
     * @param violation the exception that describes the violation (for a batch, the per-row one when there is one)
     * @param facts pre-filled with the kind the SQLState gives; the dialect refines it, adds what it reads, records
     *              where the message shows values, and calls {@link ErrorReading#recognised()} for a message it knows
     */
    void read(SQLException violation, ErrorReading facts);

    /**
     * Table and columns of the named constraint, from the schema; null when the database cannot tell. Called on the
     * slow path only, and only where {@link #canQueryAfterFailure()} holds; results are cached by the caller. Its
     * queries are prepared with {@link #prepareLookup}, so that they time out.
     */
    default ConstraintInfo describeConstraint(Connection connection, String schema, String constraint)
            throws SQLException {
        return null;
    }

    /**
     * As {@link #describeConstraint(Connection, String, String)}, for databases whose constraint (or index) names
     * are unique only within a table (MySQL, MariaDB); {@code table} is the statement's table when the error names
     * none, and may be null.
     */
    default ConstraintInfo describeConstraint(Connection connection, String schema, String table, String constraint)
            throws SQLException {
        return describeConstraint(connection, schema, constraint);
    }

    /**
     * Reads the parts of a batch failure's message around the per-row violation's message, which stands in it at
     * [from, to): where they quote SQL or show values. By default they are opaque.
     */
    default void readBatchMessage(String message, int from, int to, ErrorReading facts) {
        if (from > 0) {
            facts.opaque(0, from);
        }
        if (to < message.length()) {
            facts.opaque(to, message.length());
        }
    }

    /**
     * The 0-based failing entry of a batch where the database's message names it (pgjdbc: {@code Batch entry 3}),
     * or null.
     */
    default Integer batchEntry(SQLException batchFailure) {
        return null;
    }

    /**
     * Completes a foreign key violation whose error names neither constraint, table nor columns (SQLite) from the
     * failed statement and the schema, with bounded lookups on {@code lookup}. By default nothing.
     */
    default void foreignKeyOfStatement(FailedStatement statement, Connection lookup, ErrorReading facts)
            throws SQLException {
    }

    /**
     * The 0-based failing row of a batch that neither the update counts, the message nor the reported key tell,
     * where the schema and the rows prove it (SQLite); null by default.
     */
    default Integer provenBatchRow(ErrorFacts facts, io.github.integrityjdbc.capture.CapturedStatement capture,
                                   SchemaLookups lookups) throws SQLException {
        return null;
    }

    /**
     * True where a query on the application's connection right after a failure neither fails nor changes the
     * transaction (statement-level rollback). PostgreSQL, which aborts the transaction, answers false.
     */
    default boolean canQueryAfterFailure() {
        return true;
    }

    /** The name the database stores for an identifier written in SQL (H2: unquoted names in upper case). */
    default String storedName(String identifier, boolean quoted) {
        return identifier;
    }

    /**
     * The kind of violation {@code e} reports, or null when it is neither an integrity violation nor a data error.
     * Decided by SQLState first, then by vendor code, with the exception type only as a hint. The default knows the
     * SQL standard: class 23 and class 22, or a JDBC integrity / data exception type.
     */
    default ViolationKind classify(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("23") || state.startsWith("22"))
                || e instanceof SQLIntegrityConstraintViolationException
                || e instanceof SQLDataException
                || e instanceof DataTruncation) {
            return standardKind(state);
        }
        return null;
    }

    /** A schema lookup query, prepared with the {@link #LOOKUP_TIMEOUT_SECONDS} query timeout. */
    static PreparedStatement prepareLookup(Connection connection, String sql) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        try {
            query.setQueryTimeout(LOOKUP_TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            query.close();
            throw e;
        }
        return query;
    }

    /** The kind an SQLState gives in the SQL standard; the dialect may refine it. */
    static ViolationKind standardKind(String sqlState) {
        if (sqlState == null || sqlState.length() < 2) {
            return ViolationKind.OTHER;
        }
        switch (sqlState) {
            case "23505":
                return ViolationKind.UNIQUE;
            case "23503": // FK, child or parent side
            case "23504": // FK, parent side (HSQLDB, DB2)
            case "23506": // FK, child side (H2)
                return ViolationKind.FOREIGN_KEY;
            case "23502":
                return ViolationKind.NOT_NULL;
            case "23513":
            case "23514":
                return ViolationKind.CHECK;
            case "23P01":
                return ViolationKind.EXCLUSION;
            case "22001":
                return ViolationKind.VALUE_TOO_LONG;
            case "22003":
                return ViolationKind.OUT_OF_RANGE;
            default:
                return ViolationKind.OTHER;
        }
    }

    /**
     * False where a primary key violation reads like any unique violation (PostgreSQL), so that the schema must say
     * which it is.
     */
    default boolean namesPrimaryKeys() {
        return true;
    }

    /**
     * False where a foreign key error shows a key without saying, in words that do not depend on the server's
     * language, whether it is the child row's or the still referenced parent row's (PostgreSQL): the schema tells
     * ({@link ForeignKeySide}).
     */
    default boolean namesForeignKeySide() {
        return true;
    }

    /**
     * A constraint as the schema describes it.
     *
     * @param kind PRIMARY_KEY, UNIQUE, FOREIGN_KEY or CHECK where the schema tells the constraint's type (the error's
     *     SQLState may say only "unique", or only "deferred"); null when unknown
     * @param referencedTable for a foreign key, the parent table; null otherwise or when unknown
     * @param referencedColumns for a foreign key, the parent's columns in the order of {@code columns}
     */
    record ConstraintInfo(String schema, String table, java.util.List<String> columns, ViolationKind kind,
                          String referencedTable, java.util.List<String> referencedColumns) {

        ConstraintInfo(String schema, String table, java.util.List<String> columns) {
            this(schema, table, columns, null, null, java.util.List.of());
        }
    }
}
