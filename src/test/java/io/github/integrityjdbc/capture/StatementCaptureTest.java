package io.github.integrityjdbc.capture;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sizing shortcuts of the capture (values sized from the SQL, batch state made on demand) lose nothing. */
class StatementCaptureTest {

    @Test
    void valuesBeyondThePlaceholdersOfTheSqlAreKept() {
        StatementCapture capture = new StatementCapture("INSERT INTO t (a, b) VALUES (?, ?)");
        capture.bind(1, "a");
        capture.bind(2, "b");
        capture.bind(7, "g"); // the driver rejects it, but nothing is lost here
        assertArrayEquals(new Object[] {"a", "b", null, null, null, null, "g"}, capture.values());
    }

    @Test
    void sqlWithoutPlaceholdersOrWithoutSqlStillCapturesValues() {
        for (String sql : new String[] {null, "SELECT 1"}) {
            StatementCapture capture = new StatementCapture(sql);
            for (int index = 1; index <= 9; index++) {
                capture.bind(index, index);
            }
            assertArrayEquals(new Object[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, capture.values());
        }
    }

    @Test
    void aStatementThatNeverBatchedHasNoBatch() {
        StatementCapture capture = new StatementCapture("UPDATE t SET a = ?");
        capture.bind(1, "x");
        capture.clearBatch();
        assertEquals(0, capture.batchSize());
        assertFalse(capture.hasRows());
        assertArrayEquals(new Object[0], capture.rowValues(0));
        assertEquals("UPDATE t SET a = ?", capture.rowSql(0));
    }

    @Test
    void batchRowsAndBatchSqlAreKeptThenForgotten() {
        StatementCapture capture = new StatementCapture("INSERT INTO t (a, b) VALUES (?, ?)");
        for (int row = 0; row < 50; row++) {
            capture.bind(1, row);
            capture.bind(2, "v" + row);
            capture.addRow();
        }
        assertTrue(capture.hasRows());
        assertEquals(50, capture.batchSize());
        assertArrayEquals(new Object[] {37, "v37"}, capture.rowValues(37));
        capture.clearBatch();
        assertEquals(0, capture.batchSize());

        StatementCapture plain = new StatementCapture(null);
        plain.addSql("DELETE FROM t");
        plain.addSql("DELETE FROM u");
        assertEquals(2, plain.batchSize());
        assertEquals("DELETE FROM u", plain.rowSql(1));
        assertFalse(plain.hasRows());
    }

    @Test
    void aWiderRowLaterInALongBatchKeepsEveryEarlierRow() {
        StatementCapture capture = new StatementCapture("INSERT INTO t (a, b, c) VALUES (?, ?, ?)");
        for (int row = 0; row < 30; row++) {
            capture.bind(1, row);
            capture.bind(2, "b" + row);
            if (row == 20) {
                capture.bind(3, "c20"); // the first row with 3 values
            }
            capture.addRow();
            capture.clearParameters();
        }
        assertArrayEquals(new Object[] {0, "b0"}, capture.rowValues(0));
        assertArrayEquals(new Object[] {9, "b9"}, capture.rowValues(9));
        assertArrayEquals(new Object[] {19, "b19"}, capture.rowValues(19));
        assertArrayEquals(new Object[] {20, "b20", "c20"}, capture.rowValues(20));
        assertArrayEquals(new Object[] {29, "b29"}, capture.rowValues(29));
        assertArrayEquals(new Object[0], capture.rowValues(30));

        capture.clearBatch();
        for (int row = 0; row < 10; row++) {
            for (int index = 1; index <= 4; index++) {
                capture.bind(index, row * 10 + index);
            }
            capture.addRow();
        }
        assertEquals(10, capture.batchSize());
        assertArrayEquals(new Object[] {91, 92, 93, 94}, capture.rowValues(9));
        assertArrayEquals(new Object[] {1, 2, 3, 4}, capture.rowValues(0));
    }
}
