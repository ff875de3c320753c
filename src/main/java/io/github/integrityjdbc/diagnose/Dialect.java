package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
     * @param facts pre-filled with the kind the SQLState gives; the dialect refines it and adds what it reads
     */
    void read(java.sql.SQLException violation, ErrorFacts facts);

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

    /** A constraint as the schema describes it. */
    record ConstraintInfo(String schema, String table, java.util.List<String> columns) {
    }
}
