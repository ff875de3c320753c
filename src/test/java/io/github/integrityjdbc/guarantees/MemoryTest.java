package io.github.integrityjdbc.guarantees;

import io.github.integrityjdbc.capture.Capture;
import io.github.integrityjdbc.capture.StatementCapture;
import io.github.integrityjdbc.testing.H2Database;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proxy holds what the raw driver holds, plus one reference per bound value: batches keep references, not
 * copies; a batch's room is given back; closed statements and connections leave nothing reachable.
 */
class MemoryTest {

    private static final int ROWS = 1_000_000;
    /**
     * The README's bound for a batch row of three parameters (a long, a String, an int): one reference per value in
     * an array that grows by doubling (so at most two), plus the box of a primitive long (16 to 24 bytes).
     */
    static final long MAX_EXTRA_BYTES_PER_ROW = 64;

    @Test
    void batchRowsKeepTheBoundObjects_notCopies() {
        StatementCapture capture = new StatementCapture("INSERT INTO t VALUES (?, ?)");
        byte[] document = new byte[1 << 20];
        String text = new String("a value");
        capture.bind(1, document);
        capture.bind(2, text);
        capture.addRow();
        assertSame(document, capture.rowValues(0)[0]);
        assertSame(text, capture.rowValues(0)[1]);
        assertSame(document, capture.values()[0]);
    }

    @Test
    void millionRowBatch_extraHeapBounded() throws Exception {
        String name = H2Database.uniqueName("bigbatch");
        String[] names = new String[1000];
        for (int i = 0; i < names.length; i++) {
            names[i] = "name-" + i;
        }
        try (Connection raw = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
             Connection proxied = DriverManager.getConnection("jdbc:integrity:h2:mem:" + name)) {
            try (Statement statement = raw.createStatement()) {
                statement.execute("CREATE TABLE big (id BIGINT PRIMARY KEY, name VARCHAR(20), n INT)");
            }
            String insert = "INSERT INTO big (id, name, n) VALUES (?, ?, ?)";
            try (PreparedStatement rawInsert = raw.prepareStatement(insert);
                 PreparedStatement proxyInsert = proxied.prepareStatement(insert)) {
                for (int warmUp = 0; warmUp < 3; warmUp++) { // compiled code in both, so both are measured alike
                    allocatedWhileAdding(rawInsert, ROWS / 10, names);
                    allocatedWhileAdding(proxyInsert, ROWS / 10, names);
                }
                long rawBytes = allocatedWhileAdding(rawInsert, ROWS, names);
                long proxyBytes = allocatedWhileAdding(proxyInsert, ROWS, names);
                long extraPerRow = (proxyBytes - rawBytes) / ROWS;
                System.out.printf("1,000,000-row batch: raw driver %d MB, through the proxy %d MB, extra %d bytes/row%n",
                        rawBytes >> 20, proxyBytes >> 20, extraPerRow);
                assertTrue(extraPerRow <= MAX_EXTRA_BYTES_PER_ROW, "extra bytes per row: " + extraPerRow);

                // what stays: one reference per value, at most twice the cells in use
                fill(proxyInsert, ROWS, names);
                long cells = rowCells(proxyInsert);
                assertTrue(cells <= 2L * 3 * ROWS, "cells: " + cells);
                proxyInsert.clearBatch();
                assertTrue(rowCells(proxyInsert) <= 4096, "a cleared batch gives its room back");

                // and the batch still runs as it would without the proxy
                fill(proxyInsert, 1000, names);
                assertEquals(1000, proxyInsert.executeBatch().length);
                assertTrue(rowCells(proxyInsert) <= 4096, "an executed batch gives its room back");
            }
        }
    }

    @Test
    void executedBatch_letsGoOfItsValues_whileTheStatementStaysOpen() throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:integrity:h2:mem:" + H2Database.uniqueName("release"))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE doc (id INT PRIMARY KEY, body VARBINARY(100))");
            }
            PreparedStatement insert = connection.prepareStatement("INSERT INTO doc (id, body) VALUES (?, ?)");
            List<WeakReference<Object>> values = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                byte[] body = {(byte) i}; // H2 copies bytes, so only the proxy could keep this array
                values.add(new WeakReference<>(body));
                insert.setInt(1, i);
                insert.setBytes(2, body);
                insert.addBatch();
            }
            insert.executeBatch();
            insert.clearParameters();
            assertCollected(values);
            insert.close();
        }
    }

    @Test
    void closedStatementsAndConnections_leaveNothingReachable() throws SQLException {
        List<WeakReference<Object>> watched = new ArrayList<>();
        String name = H2Database.uniqueName("closed");
        open(name, watched);
        assertCollected(watched);
    }

    /** Opens a connection, uses statements, result sets and metadata, closes everything, watching each object. */
    private static void open(String name, List<WeakReference<Object>> watched) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:integrity:h2:mem:" + name);
        watched.add(new WeakReference<>(connection));
        watched.add(new WeakReference<>(connection.unwrap(Connection.class)));
        Statement statement = connection.createStatement();
        watched.add(new WeakReference<>(statement));
        statement.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARBINARY(10))");
        PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)");
        watched.add(new WeakReference<>(insert));
        byte[] value = {1, 2, 3}; // H2 copies bytes (a String it would keep in its own value cache)
        watched.add(new WeakReference<>(value));
        insert.setInt(1, 1);
        insert.setBytes(2, value);
        insert.executeUpdate();
        insert.setInt(1, 1);
        SQLException violation = null;
        try {
            insert.executeUpdate();
        } catch (SQLException e) {
            violation = e;
        }
        watched.add(new WeakReference<>(violation));
        ResultSet rows = statement.executeQuery("SELECT * FROM t");
        watched.add(new WeakReference<>(rows));
        watched.add(new WeakReference<>(connection.getMetaData()));
        rows.close();
        insert.close();
        statement.close();
        connection.close();
    }

    private static void assertCollected(List<WeakReference<Object>> watched) {
        for (int attempt = 0; attempt < 20 && watched.stream().anyMatch(w -> w.get() != null); attempt++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (WeakReference<Object> w : watched) {
            assertNull(w.get(), () -> "still reachable: " + w.get());
        }
    }

    private static long allocatedWhileAdding(PreparedStatement insert, int rows, String[] names) throws SQLException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        fill(insert, rows, names);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        insert.clearBatch();
        return allocated;
    }

    private static void fill(PreparedStatement insert, int rows, String[] names) throws SQLException {
        for (int i = 0; i < rows; i++) {
            insert.setLong(1, 1_000_000L + i);
            insert.setString(2, names[i % names.length]);
            insert.setInt(3, 7);
            insert.addBatch();
        }
    }

    /**
     * The cells the proxy's batch holds (a retained-size estimate): its blocks' cells (references and primitive values)
     * and their directories. The proxy is its own capture ({@code capture.Capture}), whose overflow's {@code batch}
     * keeps them.
     */
    private static long rowCells(PreparedStatement proxy) throws ReflectiveOperationException {
        Field overflowField = Capture.class.getDeclaredField("overflow");
        overflowField.setAccessible(true);
        Object overflow = overflowField.get(proxy);
        if (overflow == null) {
            return 0;
        }
        Field batchField = overflow.getClass().getDeclaredField("batch");
        batchField.setAccessible(true);
        Object batch = batchField.get(overflow);
        if (batch == null) {
            return 0;
        }
        long cells = 0;
        for (String name : new String[] {"refBlocks", "bitBlocks", "intBlocks"}) {
            Field blocksField = batch.getClass().getDeclaredField(name);
            blocksField.setAccessible(true);
            Object[] blocks = (Object[]) blocksField.get(batch);
            cells += blocks.length;
            for (Object block : blocks) {
                cells += block == null ? 0 : java.lang.reflect.Array.getLength(block);
            }
        }
        return cells;
    }
}
