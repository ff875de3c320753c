package io.github.integrityjdbc;

import io.github.integrityjdbc.testing.Binding;
import io.github.integrityjdbc.testing.H2Database;
import org.h2.jdbc.JdbcBatchUpdateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * H2 cases the contract matrix ({@code vendors.H2MatrixTest}, which runs every violation kind on every database) does
 * not cover: a column left out of the INSERT, an INSERT without a column list, composite keys, batches and their
 * update counts, errors that are not violations, the connection after a violation.
 */
class H2ViolationsTest {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = H2Database.openWithSchema(H2Database.uniqueName("violations"), new Properties());
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void notNull_columnLeftOutOfTheInsert() throws SQLException {
        SQLException e = fail("INSERT INTO person (id, email, age) VALUES (?, ?, ?)", 3, "c@example.com", 20);

        ViolationReport r = report(e);
        assertEquals(ViolationKind.NOT_NULL, r.kind());
        assertEquals(List.of("NAME"), r.columns());
        assertEquals(Map.of(), r.offendingValues(), "no value was given, so none is reported");
        assertTrue(r.explain().contains("the statement gives NAME no value"), r.explain());
    }

    @Test
    void insertWithoutColumnList_mapsValuesByTheTableColumns() throws SQLException {
        SQLException e = fail("INSERT INTO person VALUES (?, ?, ?, ?, ?, ?)", 7, "a@example.com", "Carol", 20, "c",
                1);

        ViolationReport r = report(e);
        assertEquals(ViolationKind.UNIQUE, r.kind());
        assertEquals(Map.of("EMAIL", "'a@example.com'"), r.offendingValues());
    }

    @Test
    void batchOfFiveWhoseFourthRowIsDuplicate() throws SQLException {
        BatchUpdateException e;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)")) {
            for (int row = 0; row < 5; row++) {
                insert.setInt(1, 101 + row);
                insert.setString(2, row == 3 ? "a@example.com" : "p" + row + "@example.com");
                insert.setString(3, "P" + row);
                insert.setInt(4, 20 + row);
                insert.addBatch();
            }
            e = assertThrows(BatchUpdateException.class, insert::executeBatch);
        }

        assertInstanceOf(JdbcBatchUpdateException.class, e.getCause());
        assertEquals("23505", e.getSQLState());
        assertEquals(23505, e.getErrorCode());
        assertArrayEquals(new int[] {1, 1, 1, Statement.EXECUTE_FAILED, 1}, e.getUpdateCounts());
        assertArrayEquals(((BatchUpdateException) e.getCause()).getUpdateCounts(), e.getUpdateCounts());
        assertTrue(e.getMessage().startsWith(e.getCause().getMessage()));
        ViolationReport r = report(e);
        assertEquals(ViolationKind.UNIQUE, r.kind());
        assertEquals(Optional.of("UQ_PERSON_EMAIL"), r.constraint());
        assertEquals(Optional.of("PERSON"), r.table());
        assertEquals(List.of("EMAIL"), r.columns());
        assertEquals(OptionalInt.of(3), r.batchIndex());
        assertEquals(List.of("104", "'a@example.com'", "'P3'", "23"), r.parameters());
        assertEquals(Map.of("EMAIL", "'a@example.com'"), r.offendingValues());
    }

    @Test
    void compositeKeys_primaryAndUnique_valuesFromTheMessageWhenNotBound() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE line (order_id INT, line_no INT, sku INT, note VARCHAR(10),"
                    + " CONSTRAINT pk_line PRIMARY KEY (order_id, line_no), CONSTRAINT uq_line_sku UNIQUE (order_id, sku))");
            statement.execute("INSERT INTO line VALUES (1, 1, 7, 'a')");
        }
        SQLException pk = fail("INSERT INTO line (order_id, line_no, sku, note) VALUES (?, ?, ?, ?)", 1, 1, 8, "b");
        ViolationReport r = report(pk);
        assertEquals(ViolationKind.PRIMARY_KEY, r.kind());
        assertEquals(Optional.of("PK_LINE"), r.constraint());
        assertEquals(List.of("ORDER_ID", "LINE_NO"), r.columns());
        assertEquals(Map.of("ORDER_ID", "1", "LINE_NO", "1"), r.offendingValues());

        // SKU is an expression here, so its value can only come from H2's message
        SQLException unique = fail("INSERT INTO line (order_id, line_no, sku, note) VALUES (?, ?, ? + 1, ?)", 1, 2,
                6, "c");
        r = report(unique);
        assertEquals(ViolationKind.UNIQUE, r.kind());
        assertEquals(Optional.of("UQ_LINE_SKU"), r.constraint());
        assertEquals(List.of("ORDER_ID", "SKU"), r.columns());
        assertEquals(Map.of("ORDER_ID", "1", "SKU", "7"), r.offendingValues());
    }

    @Test
    void plainStatementBatch_namesTheFailingSql() throws SQLException {
        BatchUpdateException e;
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("INSERT INTO parent (id) VALUES (20)");
            statement.addBatch("INSERT INTO parent (id) VALUES (1)");
            statement.addBatch("INSERT INTO parent (id) VALUES (21)");
            e = assertThrows(BatchUpdateException.class, statement::executeBatch);
        }
        ViolationReport r = report(e);
        assertEquals(OptionalInt.of(1), r.batchIndex());
        assertEquals("INSERT INTO parent (id) VALUES (1)", r.sql());
        assertEquals(Map.of("ID", "1"), r.offendingValues());
    }

    @Test
    void otherErrorsPassThroughUnchanged() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> statement.executeQuery("SELEC nonsense"));
            assertEquals("org.h2.jdbc.JdbcSQLSyntaxErrorException", e.getClass().getName());
            assertEquals(Optional.empty(), IntegrityViolations.find(e));
        }
    }

    @Test
    void connectionStaysUsableAfterAViolation() throws SQLException {
        fail("INSERT INTO parent (id) VALUES (?)", 1);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM parent")) {
            rows.next();
            assertEquals(2, rows.getInt(1));
        }
    }

    // ----

    private SQLException fail(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Binding.bindAll(statement, values);
            return assertThrows(SQLException.class, statement::executeUpdate, "the statement should have failed");
        }
    }

    private static ViolationReport report(SQLException e) {
        return IntegrityViolations.find(e).orElseThrow(() -> new AssertionError("no report in " + e));
    }
}
