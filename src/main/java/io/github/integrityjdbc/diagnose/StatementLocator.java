package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.capture.CapturedStatement;
import io.github.integrityjdbc.diagnose.SqlShape.ColumnValue;
import io.github.integrityjdbc.report.ValueRenderer;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The locating stage: which statement, which values and which batch row the violation belongs to. Where the database
 * does not say, a row is chosen only when exactly one carries the key values the error reports: never a guess.
 */
final class StatementLocator {

    private static final Object[] NO_VALUES = new Object[0];

    private StatementLocator() {
    }

    /**
     * @param capture the failed statement; null for a failure of commit()
     * @param transactionWrites for a commit, the transaction's most recent writing statements, oldest first
     * @param shapes reads the located statement's SQL
     */
    static FailedStatement locate(Violation violation, ErrorFacts facts, CapturedStatement capture,
                                  List<? extends CapturedStatement> transactionWrites, SchemaLookups lookups,
                                  SqlShapes shapes) {
        if (capture == null) {
            CapturedStatement writer = writerOf(facts, transactionWrites, lookups);
            return writer == null
                    ? statement(null, NO_VALUES, null, 0, true, lookups, shapes)
                    : statement(writer.sql(), writer.values(), null, 0, true, lookups, shapes);
        }
        int batchSize = capture.batchSize();
        if (batchSize == 0) {
            return statement(capture.sql(), capture.values(), null, 0, false, lookups, shapes);
        }
        Integer row = failedRow(violation.failure(), capture);
        if (row == null) {
            row = matchRow(facts, capture, lookups);
        }
        if (row == null) {
            Integer entry = lookups.dialect.batchEntry(violation.failure());
            row = entry != null && entry >= 0 && entry < batchSize ? entry : null;
        }
        if (row == null) {
            row = lookups.provenBatchRow(facts, capture);
            row = row != null && row >= 0 && row < batchSize ? row : null;
        }
        if (row != null) {
            Object[] values = capture.hasRows() ? capture.rowValues(row) : NO_VALUES;
            return statement(capture.rowSql(row), values, row, batchSize, false, lookups, shapes);
        }
        // the failing row is unknown: a prepared batch still has its SQL; a batch of SQL texts has none
        return statement(capture.hasRows() ? capture.rowSql(0) : null, NO_VALUES, null, batchSize, false, lookups,
                shapes);
    }

    private static FailedStatement statement(String sql, Object[] values, Integer batchIndex, int batchSize,
                                             boolean atCommit, SchemaLookups lookups, SqlShapes shapes) {
        SqlShape shape = shapes.of(sql);
        List<String> tableColumns = shape.positionalInsert()
                ? SchemaLookups.names(lookups.tableColumns(shape)) : List.of();
        return new FailedStatement(sql, shape, values, lookups.writtenColumns(shape), tableColumns, batchIndex,
                batchSize, atCommit);
    }

    /** The 0-based failing row, where the update counts tell it. */
    static Integer failedRow(SQLException failure, CapturedStatement capture) {
        if (!(failure instanceof BatchUpdateException)) {
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

    /**
     * The batch row whose values are the key values the error reports, where exactly one row has them (drivers that
     * run a batch atomically report every count as failed).
     */
    private static Integer matchRow(ErrorFacts facts, CapturedStatement capture, SchemaLookups lookups) {
        if (facts.messageValues().isEmpty()) {
            return null;
        }
        List<ColumnValue> prepared = capture.hasRows() ? lookups.writtenColumns(SqlShape.of(capture.rowSql(0)))
                : null;
        Integer found = null;
        for (int row = 0; row < capture.batchSize(); row++) {
            int r = row;
            List<ColumnValue> rowColumns = prepared != null ? prepared
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
    private static CapturedStatement writerOf(ErrorFacts facts, List<? extends CapturedStatement> writes,
                                              SchemaLookups lookups) {
        if (facts.table() == null || facts.messageValues().isEmpty()) {
            return null;
        }
        for (int i = writes.size() - 1; i >= 0; i--) {
            CapturedStatement write = writes.get(i);
            SqlShape shape = SqlShape.of(write.sql());
            if (shape.table() == null || !lookups.dialect.storedName(shape.table(), shape.tableQuoted())
                    .equalsIgnoreCase(facts.table())) {
                continue;
            }
            Object[] values = write.values();
            if (carriesKey(facts, lookups.writtenColumns(shape),
                    parameter -> parameter <= values.length ? values[parameter - 1] : null)) {
                return write;
            }
        }
        return null;
    }

    /** True when the statement's columns carry every key value the error reports. */
    private static boolean carriesKey(ErrorFacts facts, List<ColumnValue> columns, IntFunction<Object> parameter) {
        for (Map.Entry<String, String> key : facts.messageValues().entrySet()) {
            ColumnValue source = Attributor.find(columns, key.getKey());
            String raw = source == null ? null : source.parameter() > 0
                    ? ValueRenderer.databaseText(parameter.apply(source.parameter()))
                    : ValueRenderer.unquote(source.literal());
            if (raw == null || !raw.equals(ValueRenderer.unquote(key.getValue()))) {
                return false;
            }
        }
        return true;
    }
}
