package io.github.integrityjdbc.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one statement was asked to run: its SQL text, its bound values by index and its batch rows. It stores
 * references only: it never renders, reads a stream or a LOB, or calls JDBC. Not thread-safe, like the statement
 * it belongs to.
 */
public final class StatementCapture implements CapturedStatement {

    /** Marks a parameter bound with {@code setNull}, as opposed to one never bound. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    private static final Object[] NO_VALUES = new Object[0];

    private String sql;
    private Object[] values = NO_VALUES;
    private int valueCount;
    private Batch batch; // created by the first addBatch: most statements never batch

    /** What addBatch collected, kept apart so that a statement that does not batch carries none of it. */
    private static final class Batch {
        // PreparedStatement batches: rows of `rowWidth` cells, BLOCK_ROWS rows to a block, so that a growing
        // batch never copies the rows it already has.
        Object[][] blocks = new Object[4][];
        int rowWidth;
        int rowCount;

        // Statement.addBatch(String) batches.
        List<String> sql;
    }

    private static final int BLOCK_ROWS = 8;
    /** Batch cells kept for reuse after a batch; the blocks of a larger batch are dropped. */
    private static final int KEPT_CELLS = 4096;

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
            int size = values.length == 0 ? Math.max(index, placeholders(sql)) : Math.max(index, values.length * 2);
            values = Arrays.copyOf(values, size);
        }
        values[index - 1] = value;
        if (index > valueCount) {
            valueCount = index;
        }
    }

    /**
     * The number of {@code ?} in the SQL (at least 4 when there are none): the likely parameter count, so that the
     * first bind sizes the values once. A {@code ?} in a literal or comment only makes the array a little larger.
     */
    private static int placeholders(String sql) {
        int count = 0;
        if (sql != null) {
            for (int i = sql.indexOf('?'); i >= 0; i = sql.indexOf('?', i + 1)) {
                count++;
            }
        }
        return count == 0 ? 4 : count;
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
        Batch batch = batch();
        if (valueCount > batch.rowWidth) {
            widenRows(batch, valueCount);
        }
        int width = batch.rowWidth;
        int block = batch.rowCount / BLOCK_ROWS;
        if (block == batch.blocks.length) {
            batch.blocks = Arrays.copyOf(batch.blocks, block * 2);
        }
        if (batch.blocks[block] == null) {
            batch.blocks[block] = new Object[BLOCK_ROWS * width];
        }
        Object[] cells = batch.blocks[block];
        int start = batch.rowCount % BLOCK_ROWS * width;
        System.arraycopy(values, 0, cells, start, valueCount);
        Arrays.fill(cells, start + valueCount, start + width, null);
        batch.rowCount++;
    }

    private Batch batch() {
        if (batch == null) {
            batch = new Batch();
        }
        return batch;
    }

    /** Rows get wider when a later row binds a higher index: the rows so far are copied, blocks not in use dropped. */
    private static void widenRows(Batch batch, int width) {
        int usedBlocks = (batch.rowCount + BLOCK_ROWS - 1) / BLOCK_ROWS;
        for (int block = 0; block < batch.blocks.length; block++) {
            Object[] narrow = batch.blocks[block];
            if (narrow == null || block >= usedBlocks) {
                batch.blocks[block] = null;
                continue;
            }
            Object[] wider = new Object[BLOCK_ROWS * width];
            int rows = Math.min(BLOCK_ROWS, batch.rowCount - block * BLOCK_ROWS);
            for (int row = 0; row < rows; row++) {
                System.arraycopy(narrow, row * batch.rowWidth, wider, row * width, batch.rowWidth);
            }
            batch.blocks[block] = wider;
        }
        batch.rowWidth = width;
    }

    /** Statement.addBatch(sql). */
    public void addSql(String sql) {
        Batch batch = batch();
        if (batch.sql == null) {
            batch.sql = new ArrayList<>();
        }
        batch.sql.add(sql);
    }

    /**
     * Forgets every batch row, as the driver does after executeBatch or clearBatch. The room a large batch took is
     * given back too: a statement kept in a pool's statement cache must not hold it.
     */
    public void clearBatch() {
        if (batch == null) {
            return;
        }
        if ((long) batch.blocks.length * BLOCK_ROWS * batch.rowWidth > KEPT_CELLS) {
            batch.blocks = new Object[4][];
        } else {
            for (int block = 0; block * BLOCK_ROWS < batch.rowCount; block++) {
                Arrays.fill(batch.blocks[block], null);
            }
        }
        batch.rowCount = 0;
        batch.sql = null;
    }

    /** Rows added with PreparedStatement.addBatch, or SQL texts added with Statement.addBatch(String). */
    public int batchSize() {
        return batch == null ? 0 : batch.rowCount + (batch.sql == null ? 0 : batch.sql.size());
    }

    /** The values of batch row {@code row} (0-based) of a prepared statement. */
    public Object[] rowValues(int row) {
        if (batch == null || row < 0 || row >= batch.rowCount) {
            return NO_VALUES;
        }
        Object[] cells = batch.blocks[row / BLOCK_ROWS];
        int start = row % BLOCK_ROWS * batch.rowWidth;
        int end = start + batch.rowWidth;
        while (end > start && cells[end - 1] == null) {
            end--;
        }
        return Arrays.copyOfRange(cells, start, end);
    }

    /** The value of parameter {@code index} (1-based) in batch row {@code row}, or null. */
    public Object rowValue(int row, int index) {
        if (batch == null || row < 0 || row >= batch.rowCount || index < 1 || index > batch.rowWidth) {
            return null;
        }
        return batch.blocks[row / BLOCK_ROWS][row % BLOCK_ROWS * batch.rowWidth + index - 1];
    }

    /** The SQL of batch entry {@code row}: the statement's SQL for a prepared batch, the entry for a plain one. */
    public String rowSql(int row) {
        if (batch != null && batch.sql != null && row >= 0 && row < batch.sql.size()) {
            return batch.sql.get(row);
        }
        return sql;
    }

    /** True when the batch consists of PreparedStatement rows. */
    public boolean hasRows() {
        return batch != null && batch.rowCount > 0;
    }
}
