package io.github.integrityjdbc.capture;

import java.util.Arrays;

/**
 * What one statement was asked to run: its SQL text, its bound values by index and its batch rows. The statement
 * proxies extend it, so that the capture costs no object of its own; {@link StatementCapture} is the same on its own.
 *
 * <p>It stores references only: it never renders, reads a stream or a LOB, or calls JDBC. The first values live in
 * fields of the object itself, its inline slots: a generated prepared statement proxy has as many as its SQL has
 * parameters (1, 3, 5 or 7; see {@link #slotCount}), so that binding them allocates nothing. Values past the slots,
 * and a batch, go to an {@code Overflow} made when first needed. A primitive value is kept unboxed: its slot holds a
 * {@link Primitive} marker and the value's bits are kept in the one inline {@code long} (the first primitive bound to
 * a slot) or in the overflow's bits; {@link #values()} boxes it, on the cold path only. Not thread-safe, like the
 * statement it belongs to.
 *
 * <p>The mutators have names that no JDBC interface uses, since a proxy inherits them.
 */
public abstract class Capture implements CapturedStatement {

    private static final Object[] NO_VALUES = new Object[0];

    private String sql;
    /** Values past the inline slots, primitive bits not kept inline, the batch: made when first needed. */
    private Overflow overflow;

    /** What does not fit in the capture's own fields. */
    private static final class Overflow {
        /** Parameter {@code slotCount() + 1} onwards. */
        Object[] values = NO_VALUES;
        /** The bits of the primitive values not kept inline, by the parameter's index (0 being parameter 1). */
        long[] bits;
        /** Made by the first addBatch: most statements never batch. */
        BatchRows batch;
    }

    protected Capture(String sql) {
        this.sql = sql;
    }

    // ****  inline slots: the generated prepared statement proxies implement them with fields  ****

    /** The number of inline slots: values of parameters 1 to this many live in the object's own fields. */
    protected int slotCount() {
        return 0;
    }

    /** The content of inline slot {@code slot} (0 being parameter 1), which is below {@link #slotCount()}. */
    protected Object slot(int slot) {
        throw new IndexOutOfBoundsException(slot);
    }

    /** Stores {@code value} in inline slot {@code slot}; false, storing nothing, when there is no such slot. */
    protected boolean store(int slot, Object value) {
        return false;
    }

    /** The inline {@code long}: the bits of the one primitive value whose slot holds an inline marker. */
    protected long inlineBits() {
        return 0;
    }

    protected void inlineBits(long bits) {
        throw new IllegalStateException("no inline bits");
    }

    /** True when one of the inline slots holds an inline marker, so that the inline {@code long} is taken. */
    protected boolean inlineTaken() {
        return false;
    }

    /** True for a slot's content that keeps its bits in the inline {@code long}. */
    protected static boolean isInline(Object slotContent) {
        return slotContent instanceof Primitive.Inline;
    }

    /**
     * The number of inline slots a prepared statement of {@code sql} is given: 1, 3, 5 or 7 for that many {@code ?}
     * or fewer, none for none or more than 7. A {@code ?} in a literal or comment only makes the choice larger.
     */
    public static int slotsFor(String sql) {
        int parameters = placeholders(sql);
        return parameters == 0 || parameters > 7 ? 0 : parameters | 1;
    }

    // ****  what the proxies record  ****

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
        if (index >= 1 && !store(index - 1, value)) {
            overflowValues(index)[index - 1 - slotCount()] = value;
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

    /**
     * A primitive: inline when its parameter has an inline slot and the inline {@code long} is free (or already its
     * own), otherwise in the overflow's bits.
     */
    private void bindBits(int index, Primitive type, long value) {
        if (index < 1) {
            return;
        }
        int slot = index - 1;
        if (slot < slotCount() && (isInline(slot(slot)) || !inlineTaken())) {
            inlineBits(value);
            store(slot, type.inline);
            return;
        }
        bind(index, (Object) type);
        Overflow more = overflow();
        if (more.bits == null || index > more.bits.length) {
            // The first such primitive gets an array just long enough; a later one, room for every parameter.
            more.bits = more.bits == null ? new long[index]
                    : Arrays.copyOf(more.bits, Math.max(index, slotCount() + more.values.length));
        }
        more.bits[slot] = value;
    }

    /** The overflow's values, long enough for parameter {@code index}, which is past the inline slots. */
    private Object[] overflowValues(int index) {
        Overflow more = overflow();
        int needed = index - slotCount();
        if (needed > more.values.length) {
            int size = more.values.length == 0 ? Math.max(needed, placeholders(sql) - slotCount())
                    : Math.max(needed, more.values.length * 2);
            more.values = Arrays.copyOf(more.values, size);
        }
        return more.values;
    }

    private Overflow overflow() {
        if (overflow == null) {
            overflow = new Overflow();
        }
        return overflow;
    }

    /**
     * The number of {@code ?} in the SQL: the likely parameter count, so that the first bind past the inline slots
     * sizes the overflow once. A {@code ?} in a literal or comment only makes it a little larger.
     */
    private static int placeholders(String sql) {
        int count = 0;
        if (sql != null) {
            for (int i = sql.indexOf('?'); i >= 0; i = sql.indexOf('?', i + 1)) {
                count++;
            }
        }
        return count;
    }

    /** PreparedStatement.clearParameters. */
    public final void forgetParameters() {
        for (int slot = 0; slot < slotCount(); slot++) {
            store(slot, null);
        }
        if (overflow != null) {
            Arrays.fill(overflow.values, null);
        }
    }

    /** Index + 1 of the last bound parameter. */
    private int bound() {
        int count = slotCount() + (overflow == null ? 0 : overflow.values.length);
        while (count > 0 && content(count - 1) == null) {
            count--;
        }
        return count;
    }

    /** What parameter {@code i + 1}'s place holds: a reference, a marker or null. */
    private Object content(int i) {
        int slots = slotCount();
        if (i < slots) {
            return slot(i);
        }
        Object[] more = overflow == null ? NO_VALUES : overflow.values;
        return i - slots < more.length ? more[i - slots] : null;
    }

    /** For a batch row: parameter {@code i + 1}'s reference, or its primitive's type (either marker as the type). */
    final Object valueAt(int i) {
        Object content = content(i);
        return content instanceof Primitive.Inline inline ? inline.type : content;
    }

    /** For a batch row: the bits of parameter {@code i + 1}, whose place holds a primitive's marker. */
    final long bitsAt(int i) {
        return isInline(content(i)) ? inlineBits() : overflow.bits[i];
    }

    @Override
    public final Object[] values() {
        Object[] copy = new Object[bound()];
        for (int i = 0; i < copy.length; i++) {
            Object value = valueAt(i);
            copy[i] = value instanceof Primitive type ? type.box(bitsAt(i)) : value;
        }
        return copy;
    }

    /** PreparedStatement.addBatch: the current values become a batch row. */
    public final void captureRow() {
        batch().addRow(this, bound());
    }

    /** Statement.addBatch(sql). */
    public final void captureBatchSql(String sql) {
        batch().addSql(sql);
    }

    private BatchRows batch() {
        Overflow more = overflow();
        if (more.batch == null) {
            more.batch = new BatchRows();
        }
        return more.batch;
    }

    private BatchRows batchOrNull() {
        return overflow == null ? null : overflow.batch;
    }

    /**
     * Forgets every batch row, as the driver does after executeBatch or clearBatch. The room a large batch took is
     * given back too: a statement kept in a pool's statement cache must not hold it.
     */
    public final void forgetBatch() {
        BatchRows batch = batchOrNull();
        if (batch != null) {
            batch.clear();
        }
    }

    @Override
    public final int batchSize() {
        BatchRows batch = batchOrNull();
        return batch == null ? 0 : batch.size();
    }

    @Override
    public final Object[] rowValues(int row) {
        BatchRows batch = batchOrNull();
        return batch == null ? NO_VALUES : batch.rowValues(row);
    }

    @Override
    public final Object rowValue(int row, int index) {
        BatchRows batch = batchOrNull();
        return batch == null ? null : batch.rowValue(row, index);
    }

    @Override
    public final String rowSql(int row) {
        BatchRows batch = batchOrNull();
        String entry = batch == null ? null : batch.sql(row);
        return entry != null ? entry : sql;
    }

    @Override
    public final boolean hasRows() {
        BatchRows batch = batchOrNull();
        return batch != null && batch.hasRows();
    }
}
