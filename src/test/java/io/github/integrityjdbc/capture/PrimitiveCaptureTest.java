package io.github.integrityjdbc.capture;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Primitive values are kept unboxed, in the current row and in batch rows, and read back as the boxes the
 * application's values would have been; a batch column that changes type, or a wider row, loses nothing.
 */
class PrimitiveCaptureTest {

    private static void bindEveryType(Capture capture, int row) {
        capture.bind(1, row);
        capture.bind(2, 10_000_000_000L + row);
        capture.bind(3, row + 0.5);
        capture.bind(4, row + 0.25f);
        capture.bind(5, (short) -row);
        capture.bind(6, (byte) row);
        capture.bind(7, row % 2 == 0);
        capture.bind(8, "text" + row);
    }

    private static Object[] expected(int row) {
        return new Object[] {row, 10_000_000_000L + row, row + 0.5, row + 0.25f, (short) -row, (byte) row,
            row % 2 == 0, "text" + row};
    }

    @Test
    void everyPrimitiveType_readBackAsItsBox_inTheCurrentRowAndInBatchRows() {
        StatementCapture capture = new StatementCapture("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (int row = 0; row < 20; row++) {
            bindEveryType(capture, row);
            capture.addRow();
        }
        assertArrayEquals(expected(19), capture.values());
        for (int row = 0; row < 20; row++) {
            assertArrayEquals(expected(row), capture.rowValues(row), "row " + row);
            assertEquals(10_000_000_000L + row, capture.rowValue(row, 2));
        }
        assertNull(capture.rowValue(3, 9));
    }

    @Test
    void aColumnThatChangesType_orAWiderRow_keepsEveryEarlierRow() {
        StatementCapture capture = new StatementCapture("INSERT INTO t VALUES (?, ?, ?)");
        String shared = new String("kept by reference");
        for (int row = 0; row < 30; row++) {
            if (row == 11) {
                capture.bind(1, "eleven"); // column 1 was an int column
            } else if (row == 17) {
                capture.bind(1, StatementCapture.NULL);
            } else {
                capture.bind(1, -row);
            }
            capture.bind(2, shared);
            if (row >= 25) {
                capture.bind(3, (long) row); // a third column appears
            }
            capture.addRow();
        }
        for (int row = 0; row < 30; row++) {
            Object first = row == 11 ? "eleven" : row == 17 ? StatementCapture.NULL : (Object) (-row);
            Object[] values = row >= 25 ? new Object[] {first, shared, (long) row} : new Object[] {first, shared};
            assertArrayEquals(values, capture.rowValues(row), "row " + row);
            assertSame(shared, capture.rowValue(row, 2));
        }
        capture.clearBatch();
        assertEquals(0, capture.batchSize());
        capture.clearParameters();
        capture.bind(1, 5);
        capture.addRow();
        assertArrayEquals(new Object[] {5}, capture.rowValues(0), "a new batch after a cleared one");
    }

    @Test
    void aValueBoundOverAPrimitive_replacesIt() {
        StatementCapture capture = new StatementCapture("UPDATE t SET a = ? WHERE id = ?");
        capture.bind(2, 7);
        capture.bind(2, "seven");
        capture.bind(1, 3.5);
        assertArrayEquals(new Object[] {3.5, "seven"}, capture.values());
        capture.clearParameters();
        assertArrayEquals(new Object[0], capture.values());
    }
}
