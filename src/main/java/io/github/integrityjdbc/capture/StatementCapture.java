package io.github.integrityjdbc.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one statement was asked to run: its SQL text, its bound values by index and its batch rows. It stores
 * references only: it never renders, reads a stream or a LOB, or calls JDBC. Not thread-safe, like the statement
 * it belongs to.
 */
public final class StatementCapture {

    /** Marks a parameter bound with {@code setNull}, as opposed to one never bound. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    private static final Object[] NO_VALUES = new Object[0];
    /** Batch cells kept for reuse after a batch; a larger array is dropped. */
    private static final int KEPT_CELLS = 4096;

    private String sql;
    private Object[] values = NO_VALUES;
    private int valueCount;

    // PreparedStatement batches: rows of `width` cells, laid end to end in one array.
    private Object[] rowCells = NO_VALUES;
    private int rowWidth;
    private int rowCount;

    // Statement.addBatch(String) batches.
    private List<String> batchSql;

    public StatementCapture(String sql) {
        this.sql = sql;
    }

    /** The SQL of a prepared statement, or the last SQL a plain statement ran. */
    public String sql() {
        return sql;
    }

    public void sql(String sql) {
        this.sql = sql;
    }

    /** Records the value bound to parameter {@code index} (1-based). Bad indexes are the driver's to reject. */
    public void bind(int index, Object value) {
        if (index < 1) {
            return;
        }
        if (index > values.length) {
            values = Arrays.copyOf(values, Math.max(index, Math.max(4, values.length * 2)));
        }
        values[index - 1] = value;
        if (index > valueCount) {
            valueCount = index;
        }
    }

    public void clearParameters() {
        Arrays.fill(values, 0, valueCount, null);
        valueCount = 0;
    }

    /** The values bound now, index 0 being parameter 1; never-bound parameters are null. */
    public Object[] values() {
        return Arrays.copyOf(values, valueCount);
    }

    /** PreparedStatement.addBatch: the current values become a batch row. */
    public void addRow() {
        if (valueCount > rowWidth) {
            widenRows(valueCount);
        }
        int start = rowCount * rowWidth;
        if (start + rowWidth > rowCells.length) {
            rowCells = Arrays.copyOf(rowCells, Math.max(start + rowWidth, rowCells.length * 2));
        }
        System.arraycopy(values, 0, rowCells, start, valueCount);
        Arrays.fill(rowCells, start + valueCount, start + rowWidth, null);
        rowCount++;
    }

    private void widenRows(int width) {
        Object[] wider = new Object[Math.max(width * Math.max(rowCount, 1), width * 4)];
        for (int row = 0; row < rowCount; row++) {
            System.arraycopy(rowCells, row * rowWidth, wider, row * width, rowWidth);
        }
        rowCells = wider;
        rowWidth = width;
    }

    /** Statement.addBatch(sql). */
    public void addSql(String sql) {
        if (batchSql == null) {
            batchSql = new ArrayList<>();
        }
        batchSql.add(sql);
    }

    /**
     * Forgets every batch row, as the driver does after executeBatch or clearBatch. The room a large batch took is
     * given back too: a statement kept in a pool's statement cache must not hold it.
     */
    public void clearBatch() {
        if (rowCells.length > KEPT_CELLS) {
            rowCells = NO_VALUES;
        } else {
            Arrays.fill(rowCells, 0, rowCount * rowWidth, null);
        }
        rowCount = 0;
        batchSql = null;
    }

    /** Rows added with PreparedStatement.addBatch, or SQL texts added with Statement.addBatch(String). */
    public int batchSize() {
        return rowCount + (batchSql == null ? 0 : batchSql.size());
    }

    /** The values of batch row {@code row} (0-based) of a prepared statement. */
    public Object[] rowValues(int row) {
        if (row < 0 || row >= rowCount) {
            return NO_VALUES;
        }
        int end = rowWidth;
        while (end > 0 && rowCells[row * rowWidth + end - 1] == null) {
            end--;
        }
        return Arrays.copyOfRange(rowCells, row * rowWidth, row * rowWidth + end);
    }

    /** The value of parameter {@code index} (1-based) in batch row {@code row}, or null. */
    public Object rowValue(int row, int index) {
        if (row < 0 || row >= rowCount || index < 1 || index > rowWidth) {
            return null;
        }
        return rowCells[row * rowWidth + index - 1];
    }

    /** The SQL of batch entry {@code row}: the statement's SQL for a prepared batch, the entry for a plain one. */
    public String rowSql(int row) {
        if (batchSql != null && row >= 0 && row < batchSql.size()) {
            return batchSql.get(row);
        }
        return sql;
    }

    /** True when the batch consists of PreparedStatement rows. */
    public boolean hasRows() {
        return rowCount > 0;
    }
}
