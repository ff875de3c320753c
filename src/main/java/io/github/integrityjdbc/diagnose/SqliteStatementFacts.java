package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.capture.CapturedStatement;
import io.github.integrityjdbc.capture.StatementCapture;
import io.github.integrityjdbc.diagnose.SqlShape.ColumnValue;
import io.github.integrityjdbc.diagnose.SqliteForeignKeys.ForeignKey;
import io.github.integrityjdbc.diagnose.SqliteForeignKeys.ParentCheck;
import io.github.integrityjdbc.report.ValueRenderer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What SQLite's errors leave out, proven from the statement and the schema: which foreign key a statement violated
 * (the error names none), and which row of a prepared batch failed (sqlite-jdbc throws a plain exception without
 * update counts; it stops at the failing row, and the rows before it stay applied). Anything not proven stays
 * unknown: two candidates give neither.
 */
final class SqliteStatementFacts {

    /** At most this many parent lookups to find a batch's failing row; past it the row stays unknown. */
    static final int MAX_ROW_LOOKUPS = 256;

    /** A value the capture holds for a column, or the mark that the statement gives the column none. */
    private static final Object NOT_GIVEN = new Object();

    private SqliteStatementFacts() {
    }

    /**
     * The foreign key {@code statement} violated. An INSERT can violate only its table's own keys; an UPDATE those
     * of its written columns, or keys of other tables that reference a column it writes; a DELETE only keys that
     * reference its table. Where several could, the one whose parent lacks the statement's values, if only one does.
     */
    static ForeignKey violatedKey(Connection connection, FailedStatement statement) throws SQLException {
        SqlShape shape = statement.shape();
        if (shape.table() == null || replaces(statement.sql())) {
            return null; // INSERT OR REPLACE deletes rows too: either side of a key may have failed
        }
        Function<String, Object> value = column -> valueOf(statement, column);
        switch (shape.operation()) {
            case INSERT:
                return onlyMissing(connection, SqliteForeignKeys.of(connection, shape.table()), value);
            case UPDATE: {
                List<ForeignKey> own = writtenKeys(SqliteForeignKeys.of(connection, shape.table()), statement, false);
                List<ForeignKey> referencing = writtenKeys(
                        SqliteForeignKeys.referencing(connection, shape.table()), statement, true);
                if (referencing.isEmpty()) {
                    return onlyMissing(connection, own, value);
                }
                return own.isEmpty() && referencing.size() == 1 ? referencing.get(0) : null;
            }
            case DELETE: {
                List<ForeignKey> referencing = SqliteForeignKeys.referencing(connection, shape.table());
                return referencing.size() == 1 ? referencing.get(0) : sameChild(referencing);
            }
            default:
                return null;
        }
    }

    /**
     * The failing row of a prepared INSERT batch: for NOT NULL, the first row that gives the column no value; for a
     * foreign key whose parent the batch does not write, the first row whose parent is missing, every row before it
     * proven to have its parent. Null when not proven (UNIQUE, PRIMARY KEY and CHECK: rows already applied cannot be
     * told from rows that were there before, so the counts alone could tell, and sqlite-jdbc gives none).
     */
    static Integer failingRow(ErrorFacts facts, CapturedStatement capture, SchemaLookups lookups)
            throws SQLException {
        SqlShape shape = SqlShape.of(capture.rowSql(0));
        if (!capture.hasRows() || shape.operation() != SqlShape.Operation.INSERT || shape.table() == null
                || replaces(capture.rowSql(0))) {
            return null;
        }
        List<ColumnValue> written = lookups.writtenColumns(shape);
        if (facts.kind() == ViolationKind.NOT_NULL && facts.columns().size() == 1
                && shape.table().equalsIgnoreCase(facts.table())) {
            return firstNull(written, facts.columns().get(0), capture);
        }
        Connection connection = lookups.connection();
        if (facts.kind() != ViolationKind.FOREIGN_KEY || connection == null) {
            return null;
        }
        List<ForeignKey> keys = SqliteForeignKeys.of(connection, shape.table());
        int lookupsLeft = MAX_ROW_LOOKUPS;
        for (int row = 0; row < capture.batchSize(); row++) {
            int r = row;
            for (ForeignKey key : keys) {
                if (key.parent().equalsIgnoreCase(shape.table()) || lookupsLeft-- == 0) {
                    return null; // a key of the table to itself: the rows applied before may be parents
                }
                ParentCheck check = check(connection, key, column -> rowValue(written, column, capture, r));
                if (check == ParentCheck.UNKNOWN) {
                    return null;
                }
                if (check == ParentCheck.MISSING) {
                    return row;
                }
            }
        }
        return null;
    }

    private static Integer firstNull(List<ColumnValue> written, String column, CapturedStatement capture) {
        ColumnValue source = Attributor.find(written, column);
        if (source == null) {
            return 0; // no row gives the column a value: the first fails
        }
        if (source.parameter() <= 0) {
            return "NULL".equalsIgnoreCase(source.literal()) ? 0 : null;
        }
        for (int row = 0; row < capture.batchSize(); row++) {
            Object value = capture.rowValue(row, source.parameter());
            if (value == null || value == StatementCapture.NULL) {
                return row; // SQLite binds NULL for a parameter left unbound, as for setNull
            }
        }
        return null;
    }

    /** The one key among {@code keys} whose parent lacks the values, when every other one is proven present. */
    private static ForeignKey onlyMissing(Connection connection, List<ForeignKey> keys,
                                          Function<String, Object> value) throws SQLException {
        if (keys.size() == 1) {
            return keys.get(0);
        }
        ForeignKey missing = null;
        for (ForeignKey key : keys) {
            ParentCheck check = check(connection, key, value);
            if (check == ParentCheck.UNKNOWN || check == ParentCheck.MISSING && missing != null) {
                return null;
            }
            missing = check == ParentCheck.MISSING ? key : missing;
        }
        return missing;
    }

    private static ParentCheck check(Connection connection, ForeignKey key, Function<String, Object> value)
            throws SQLException {
        List<Object> values = new ArrayList<>();
        for (String column : key.columns()) {
            Object v = value.apply(column);
            if (v == NOT_GIVEN) {
                return ParentCheck.UNKNOWN; // the column's default, or an expression
            }
            values.add(v);
        }
        return SqliteForeignKeys.parentHas(connection, key, values);
    }

    /** Keys with a column the statement writes: the child's columns, or with {@code parentSide} the parent's. */
    private static List<ForeignKey> writtenKeys(List<ForeignKey> keys, FailedStatement statement,
                                                boolean parentSide) {
        List<ForeignKey> written = new ArrayList<>();
        for (ForeignKey key : keys) {
            for (String column : parentSide ? key.parentColumns() : key.columns()) {
                if (Attributor.find(statement.written(), column) != null) {
                    written.add(key);
                    break;
                }
            }
        }
        return written;
    }

    /** Several keys reference the table, all from one child table: that table is known, not the key. */
    private static ForeignKey sameChild(List<ForeignKey> keys) {
        if (keys.isEmpty()) {
            return null;
        }
        for (ForeignKey key : keys) {
            if (!key.table().equalsIgnoreCase(keys.get(0).table())) {
                return null;
            }
        }
        return new ForeignKey(null, keys.get(0).table(), List.of(), keys.get(0).parent(), List.of());
    }

    private static Object valueOf(FailedStatement statement, String column) {
        ColumnValue source = Attributor.find(statement.written(), column);
        if (source == null || source.parameter() <= 0 && source.literal() == null) {
            return NOT_GIVEN;
        }
        if (source.parameter() <= 0) {
            return literal(source.literal());
        }
        return statement.valueOf(source);
    }

    private static Object rowValue(List<ColumnValue> written, String column, CapturedStatement capture, int row) {
        ColumnValue source = Attributor.find(written, column);
        if (source == null || source.parameter() <= 0 && source.literal() == null) {
            return NOT_GIVEN;
        }
        return source.parameter() <= 0 ? literal(source.literal()) : capture.rowValue(row, source.parameter());
    }

    /** A literal's value: null for NULL, NOT_GIVEN for what is not a plain string or number. */
    private static Object literal(String literal) {
        if ("NULL".equalsIgnoreCase(literal)) {
            return null;
        }
        Object value = ValueRenderer.literalValue(literal);
        return value == null ? NOT_GIVEN : value;
    }

    /** INSERT OR REPLACE, REPLACE INTO: a conflict deletes the old row, which may be a parent. */
    private static boolean replaces(String sql) {
        List<SqlText.Token> tokens = SqlText.tokenize(sql);
        return !tokens.isEmpty() && (tokens.get(0).isWord("REPLACE")
                || tokens.size() > 2 && tokens.get(1).isWord("OR") && tokens.get(2).isWord("REPLACE"));
    }
}
