package io.github.integrityjdbc.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a batch, by column: a column whose every row was bound with the same primitive setter keeps the values
 * unboxed (an {@code int} slot of 4 bytes, or 8 bytes for a long or double), any other keeps references (4 bytes a
 * value with compressed references). Rows are stored {@value #BLOCK_ROWS} to a block, so that a growing batch never
 * copies the rows it already has.
 *
 * <p>The first row sets the layout. A later row that does not fit it (a wider row, or a column bound otherwise than
 * before) turns the layout into a wider or more general one, and the rows so far are rewritten once: rare, and only
 * as costly as boxing them.
 */
final class BatchRows {

    static final int BLOCK_ROWS = 8;
    /** Cells kept for reuse after a batch; the blocks of a larger batch are dropped. */
    static final int KEPT_CELLS = 4096;

    private int width;
    /** Per column: the primitive kept as bits, or null for a column of references. */
    private Primitive[] kinds = new Primitive[0];
    /** Per column: its place within a row's references, a row's wide bits or a row's narrow bits. */
    private int[] offsets = new int[0];
    private int refWidth;
    private int bitWidth;
    private int intWidth;

    private Object[][] refBlocks = new Object[4][];
    private long[][] bitBlocks = new long[4][];
    private int[][] intBlocks = new int[4][];
    private int rows;

    /** Statement.addBatch(String) entries. */
    private List<String> sql;

    /** Adds the values {@code row} holds now, its first {@code count} parameters, as the next row. */
    void addRow(Capture row, int count) {
        if (rows == 0) {
            layout(row, count);
        } else if (!fits(row, count)) {
            relayout(row, count);
        }
        write(rows++, row, null, count);
    }

    void addSql(String entry) {
        if (sql == null) {
            sql = new ArrayList<>();
        }
        sql.add(entry);
    }

    int size() {
        return rows + (sql == null ? 0 : sql.size());
    }

    boolean hasRows() {
        return rows > 0;
    }

    String sql(int row) {
        return sql != null && row >= 0 && row < sql.size() ? sql.get(row) : null;
    }

    /** Forgets every row; gives back the room of a large batch, keeps a small one's blocks for the next batch. */
    void clear() {
        long cells = 0;
        for (int block = 0; block < refBlocks.length; block++) {
            cells += refBlocks[block] == null ? 0 : refBlocks[block].length;
            cells += bitBlocks[block] == null ? 0 : bitBlocks[block].length;
            cells += intBlocks[block] == null ? 0 : intBlocks[block].length;
        }
        if (cells > KEPT_CELLS) {
            refBlocks = new Object[4][];
            bitBlocks = new long[4][];
            intBlocks = new int[4][];
        } else {
            for (int block = 0; block * BLOCK_ROWS < rows; block++) {
                if (refBlocks[block] != null) {
                    Arrays.fill(refBlocks[block], null);
                }
            }
        }
        rows = 0;
        sql = null;
    }

    Object[] rowValues(int row) {
        if (row < 0 || row >= rows) {
            return new Object[0];
        }
        int end = width;
        while (end > 0 && cell(row, end - 1) == null) {
            end--;
        }
        Object[] values = new Object[end];
        for (int column = 0; column < end; column++) {
            values[column] = cell(row, column);
        }
        return values;
    }

    /** The value of parameter {@code index} (1-based) in row {@code row}, or null. */
    Object rowValue(int row, int index) {
        return row < 0 || row >= rows || index < 1 || index > width ? null : cell(row, index - 1);
    }

    private Object cell(int row, int column) {
        int block = row / BLOCK_ROWS;
        int inBlock = row % BLOCK_ROWS;
        Primitive kind = kinds[column];
        if (kind == null) {
            return refBlocks[block][inBlock * refWidth + offsets[column]];
        }
        return kind.box(kind.wide() ? bitBlocks[block][inBlock * bitWidth + offsets[column]]
                : intBlocks[block][inBlock * intWidth + offsets[column]]);
    }

    private boolean fits(Capture row, int count) {
        if (count > width) {
            return false;
        }
        for (int column = 0; column < width; column++) {
            Primitive kind = kinds[column];
            if (kind != null && (column >= count || row.valueAt(column) != kind)) {
                return false;
            }
        }
        return true;
    }

    /** The layout the first row asks for: its primitive columns as bits, the rest as references. */
    private void layout(Capture row, int count) {
        Primitive[] wanted = new Primitive[count];
        for (int column = 0; column < count; column++) {
            wanted[column] = row.valueAt(column) instanceof Primitive type ? type : null;
        }
        setLayout(wanted);
    }

    /** Widens the layout and turns every column this row does not fit into references; rewrites the rows so far. */
    private void relayout(Capture row, int count) {
        Primitive[] wanted = Arrays.copyOf(kinds, Math.max(width, count));
        for (int column = 0; column < wanted.length; column++) {
            if (wanted[column] != null && (column >= count || row.valueAt(column) != wanted[column])) {
                wanted[column] = null;
            }
        }
        Object[][] kept = new Object[rows][];
        for (int r = 0; r < rows; r++) {
            kept[r] = rowValues(r);
        }
        refBlocks = new Object[Math.max(4, refBlocks.length)][];
        bitBlocks = new long[refBlocks.length][];
        intBlocks = new int[refBlocks.length][];
        setLayout(wanted);
        for (int r = 0; r < kept.length; r++) {
            write(r, null, kept[r], kept[r].length);
        }
    }

    private void setLayout(Primitive[] wanted) {
        if (Arrays.equals(wanted, kinds)) {
            return;
        }
        width = wanted.length;
        kinds = wanted;
        offsets = new int[width];
        refWidth = 0;
        bitWidth = 0;
        intWidth = 0;
        for (int column = 0; column < width; column++) {
            Primitive kind = kinds[column];
            offsets[column] = kind == null ? refWidth++ : kind.wide() ? bitWidth++ : intWidth++;
        }
        Arrays.fill(refBlocks, null); // sized for another layout
        Arrays.fill(bitBlocks, null);
        Arrays.fill(intBlocks, null);
    }

    /**
     * Writes as row {@code row} the first {@code count} values of {@code live}, as the capture keeps them (references,
     * or primitive markers with their bits), or else of {@code kept}, plain boxed values.
     */
    private void write(int row, Capture live, Object[] kept, int count) {
        int block = row / BLOCK_ROWS;
        if (block == refBlocks.length) {
            refBlocks = Arrays.copyOf(refBlocks, block * 2);
            bitBlocks = Arrays.copyOf(bitBlocks, block * 2);
            intBlocks = Arrays.copyOf(intBlocks, block * 2);
        }
        if (refWidth > 0 && refBlocks[block] == null) {
            refBlocks[block] = new Object[BLOCK_ROWS * refWidth];
        }
        if (bitWidth > 0 && bitBlocks[block] == null) {
            bitBlocks[block] = new long[BLOCK_ROWS * bitWidth];
        }
        if (intWidth > 0 && intBlocks[block] == null) {
            intBlocks[block] = new int[BLOCK_ROWS * intWidth];
        }
        Object[] refs = refBlocks[block];
        long[] wide = bitBlocks[block];
        int[] narrow = intBlocks[block];
        int inBlock = row % BLOCK_ROWS;
        for (int column = 0; column < width; column++) {
            Object value = column >= count ? null : live != null ? live.valueAt(column) : kept[column];
            Primitive kind = kinds[column];
            if (kind == null) {
                refs[inBlock * refWidth + offsets[column]] =
                        value instanceof Primitive type ? type.box(live.bitsAt(column)) : value;
            } else {
                long cell = value instanceof Primitive ? live.bitsAt(column) : bitsOf(kind, value);
                if (kind.wide()) {
                    wide[inBlock * bitWidth + offsets[column]] = cell;
                } else {
                    narrow[inBlock * intWidth + offsets[column]] = (int) cell;
                }
            }
        }
    }

    /** The bits of a boxed value of a primitive column, when rows are rewritten. */
    private static long bitsOf(Primitive kind, Object boxed) {
        return switch (kind) {
            case DOUBLE -> Double.doubleToRawLongBits((Double) boxed);
            case FLOAT -> Float.floatToRawIntBits((Float) boxed);
            case BOOLEAN -> (Boolean) boxed ? 1 : 0;
            default -> ((Number) boxed).longValue();
        };
    }
}
