package io.github.integrityjdbc.capture;

import java.util.Arrays;

/**
 * What one statement was asked to run: its SQL text, its bound values by index and its batch rows. The statement
 * proxies extend it, so that the capture costs no object of its own; {@link StatementCapture} is the same on its own.
 *
 * <p>It stores references only: it never renders, reads a stream or a LOB, or calls JDBC. A primitive value is kept
 * unboxed: its slot holds a {@link Primitive} marker and {@code bits} the value; {@link #values()} boxes it, on the
 * cold path only. Not thread-safe, like the statement it belongs to.
 *
 * <p>The mutators have names that no JDBC interface uses, since a proxy inherits them.
 */
public abstract class Capture implements CapturedStatement {

    private static final Object[] NO_VALUES = new Object[0];

    private String sql;
    private Object[] values = NO_VALUES;
    /** The primitive values, by the same index as {@code values}; made by the first primitive bind. */
    private long[] bits;
    /** Made by the first addBatch: most statements never batch. */
    private BatchRows batch;

    protected Capture(String sql) {
        this.sql = sql;
    }

    @Override
    public final String sql() {
        return sql;
    }

    /** A plain statement's SQL, as it runs it. */
    public final void captureSql(String sql) {
        this.sql = sql;
    }

    /** Records the value bound to parameter {@code index} (1-based). Bad indexes are the driver's to reject. */
    public final void bind(int index, Object value) {
        if (index >= 1) {
            slots(index)[index - 1] = value;
        }
    }

    /** Records a stream or Reader bound with its declared length. */
    public final void bindStream(int index, Object stream, long length) {
        bind(index, new SizedStream(stream, length));
    }

    public final void bind(int index, int value) {
        bindBits(index, Primitive.INT, value);
    }

    public final void bind(int index, long value) {
        bindBits(index, Primitive.LONG, value);
    }

    public final void bind(int index, double value) {
        bindBits(index, Primitive.DOUBLE, Double.doubleToRawLongBits(value));
    }

    public final void bind(int index, float value) {
        bindBits(index, Primitive.FLOAT, Float.floatToRawIntBits(value));
    }

    public final void bind(int index, short value) {
        bindBits(index, Primitive.SHORT, value);
    }

    public final void bind(int index, byte value) {
        bindBits(index, Primitive.BYTE, value);
    }

    public final void bind(int index, boolean value) {
        bindBits(index, Primitive.BOOLEAN, value ? 1 : 0);
    }

    private void bindBits(int index, Primitive type, long value) {
        if (index < 1) {
            return;
        }
        slots(index)[index - 1] = type;
        if (bits == null || index > bits.length) {
            // The first primitive gets an array just long enough (a key is often parameter 1); a later one, all.
            bits = bits == null ? new long[index] : Arrays.copyOf(bits, Math.max(index, values.length));
        }
        bits[index - 1] = value;
    }

    private Object[] slots(int index) {
        if (index > values.length) {
            int size = values.length == 0 ? Math.max(index, placeholders(sql)) : Math.max(index, values.length * 2);
            values = Arrays.copyOf(values, size);
        }
        return values;
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

    /** PreparedStatement.clearParameters. */
    public final void forgetParameters() {
        Arrays.fill(values, null);
    }

    /** Index + 1 of the last bound slot. */
    private int bound() {
        int count = values.length;
        while (count > 0 && values[count - 1] == null) {
            count--;
        }
        return count;
    }

    @Override
    public final Object[] values() {
        Object[] copy = Arrays.copyOf(values, bound());
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] instanceof Primitive type) {
                copy[i] = type.box(bits[i]);
            }
        }
        return copy;
    }

    /** PreparedStatement.addBatch: the current values become a batch row. */
    public final void captureRow() {
        batch().addRow(values, bits, bound());
    }

    /** Statement.addBatch(sql). */
    public final void captureBatchSql(String sql) {
        batch().addSql(sql);
    }

    private BatchRows batch() {
        if (batch == null) {
            batch = new BatchRows();
        }
        return batch;
    }

    /**
     * Forgets every batch row, as the driver does after executeBatch or clearBatch. The room a large batch took is
     * given back too: a statement kept in a pool's statement cache must not hold it.
     */
    public final void forgetBatch() {
        if (batch != null) {
            batch.clear();
        }
    }

    @Override
    public final int batchSize() {
        return batch == null ? 0 : batch.size();
    }

    @Override
    public final Object[] rowValues(int row) {
        return batch == null ? NO_VALUES : batch.rowValues(row);
    }

    @Override
    public final Object rowValue(int row, int index) {
        return batch == null ? null : batch.rowValue(row, index);
    }

    @Override
    public final String rowSql(int row) {
        String entry = batch == null ? null : batch.sql(row);
        return entry != null ? entry : sql;
    }

    @Override
    public final boolean hasRows() {
        return batch != null && batch.hasRows();
    }
}
