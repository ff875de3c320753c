package io.github.integrityjdbc;

import io.github.integrityjdbc.testing.Binding;
import io.github.integrityjdbc.testing.H2Database;
import org.h2.jdbc.JdbcBatchUpdateException;
import org.h2.jdbc.JdbcSQLDataException;
import org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
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

/** Every violation of the driver-core issue, through jdbc:integrity:h2:mem:, asserted field by field. */
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
    void duplicatePrimaryKey_namesPrimaryKeyAndValue() throws SQLException {
        SQLException e = fail("INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 1, "new@example.com",
                "Carol", 20);

        assertOriginalKept(e, SQLIntegrityConstraintViolationException.class, "23505", 23505);
        ViolationReport r = report(e);
        assertEquals(ViolationKind.PRIMARY_KEY, r.kind());
        assertEquals(Optional.of("PK_PERSON"), r.constraint());
        assertEquals(Optional.of("PERSON"), r.table());
        assertEquals(List.of("ID"), r.columns());
        assertEquals(Map.of("ID", "1"), r.offendingValues());
        assertEquals(List.of("1", "'new@example.com'", "'Carol'", "20"), r.parameters());
        assertEquals("INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", r.sql());
        assertEquals(OptionalInt.empty(), r.batchIndex());
        assertEquals("H2", r.database());
    }

    @Test
    void duplicateUnderNamedUniqueConstraint() throws SQLException {
        SQLException e = fail("INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 3, "a@example.com",
                "Carol", 20);

        assertOriginalKept(e, SQLIntegrityConstraintViolationException.class, "23505", 23505);
        ViolationReport r = report(e);
        assertEquals(ViolationKind.UNIQUE, r.kind());
        assertEquals(Optional.of("UQ_PERSON_EMAIL"), r.constraint());
        assertEquals(Optional.of("PERSON"), r.table());
        assertEquals(List.of("EMAIL"), r.columns());
        assertEquals(Map.of("EMAIL", "'a@example.com'"), r.offendingValues());
        assertTrue(r.explain().startsWith(
                "Duplicate value for unique constraint UQ_PERSON_EMAIL on PERSON(EMAIL): EMAIL='a@example.com'."),
                r.explain());
    }

    @Test
    void updateToDuplicateUniqueValue() throws SQLException {
        SQLException e = fail("UPDATE person SET email = ? WHERE id = ?", "a@example.com", 2);

        assertOriginalKept(e, SQLIntegrityConstraintViolationException.class, "23505", 23505);
        ViolationReport r = report(e);
        assertEquals(ViolationKind.UNIQUE, r.kind());
        assertEquals(Optional.of("UQ_PERSON_EMAIL"), r.constraint());
        assertEquals(Optional.of("PERSON"), r.table());
        assertEquals(List.of("EMAIL"), r.columns());
        assertEquals(Map.of("EMAIL", "'a@example.com'"), r.offendingValues());
        assertEquals(List.of("'a@example.com'", "2"), r.parameters());
    }

    @Test
    void childRowWithMissingParent() throws SQLException {
        SQLException e = fail("INSERT INTO child (id, parent_id) VALUES (?, ?)", 11, 999);

        assertOriginalKept(e, SQLIntegrityConstraintViolationException.class, "23506", 23506);
        ViolationReport r = report(e);
        assertEquals(ViolationKind.FOREIGN_KEY, r.kind());
        assertEquals(Optional.of("FK_CHILD_PARENT"), r.constraint());
        assertEquals(Optional.of("CHILD"), r.table());
        assertEquals(List.of("PARENT_ID"), r.columns());
        assertEquals(Map.of("PARENT_ID", "999"), r.offendingValues());
        assertTrue(r.explain().startsWith("No matching row in PARENT for foreign key FK_CHILD_PARENT"), r.explain());
    }

    @Test
    void deleteOfReferencedParent_reportsReferencingTableAndStatementTable() throws SQLException {
        SQLException e = fail("DELETE FROM parent WHERE id = ?", 1);

        assertOriginalKept(e, SQLIntegrityConstraintViolationException.class, "23503", 23503);
        ViolationReport r = report(e);
        assertEquals(ViolationKind.FOREIGN_KEY, r.kind());
        assertEquals(Optional.of("FK_CHILD_PARENT"), r.constraint());
        assertEquals(Optional.of("CHILD"), r.table(), "the table that owns the constraint");
        assertEquals(List.of("PARENT_ID"), r.columns());
        assertEquals(Map.of("PARENT_ID", "1"), r.offendingValues());
        assertTrue(r.explain().contains("Statement (DELETE on PARENT)"), r.explain());
        assertTrue(r.explain().startsWith("Row of PARENT is still referenced by foreign key FK_CHILD_PARENT"),
                r.explain());
    }

    @Test
    void notNull_namesColumnAndStatementTable() throws SQLException {
        SQLException e = fail("INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 3, "c@example.com",
                null, 20);

        assertOriginalKept(e, SQLIntegrityConstraintViolationException.class, "23502", 23502);
        ViolationReport r = report(e);
        assertEquals(ViolationKind.NOT_NULL, r.kind());
        assertEquals(Optional.empty(), r.constraint(), "H2 names no constraint for NOT NULL");
        assertEquals(Optional.of("PERSON"), r.table());
        assertEquals(List.of("NAME"), r.columns());
        assertEquals(Map.of("NAME", "NULL"), r.offendingValues());
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
    void check_tableAndColumnsFromTheSchema() throws SQLException {
        SQLException e = fail("INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 3, "c@example.com",
                "Carol", -1);

        assertOriginalKept(e, SQLIntegrityConstraintViolationException.class, "23513", 23513);
        ViolationReport r = report(e);
        assertEquals(ViolationKind.CHECK, r.kind());
        assertEquals(Optional.of("CK_PERSON_AGE"), r.constraint());
        assertEquals(Optional.of("PERSON"), r.table());
        assertEquals(List.of("AGE"), r.columns());
        assertEquals(Map.of("AGE", "-1"), r.offendingValues());
    }

    @Test
    void valueTooLong() throws SQLException {
        SQLException e = fail("INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 3, "c@example.com",
                "ABCDEFGHIJKLMNOPQRST", 20);

        assertOriginalKept(e, SQLDataException.class, "22001", 22001);
        ViolationReport r = report(e);
        assertEquals(ViolationKind.VALUE_TOO_LONG, r.kind());
        assertEquals(Optional.empty(), r.constraint());
        assertEquals(Optional.of("PERSON"), r.table());
        assertEquals(List.of("NAME"), r.columns());
        assertEquals(Map.of("NAME", "'ABCDEFGHIJKLMNOPQRST'"), r.offendingValues());
        assertTrue(r.explain().contains("CHARACTER VARYING(10)"), r.explain());
    }

    @Test
    void numberOutOfRange_reportedByH2As22004() throws SQLException {
        SQLException e = fail("INSERT INTO person (id, email, name, age, small) VALUES (?, ?, ?, ?, ?)", 3,
                "c@example.com", "Carol", 20, 100000);

        assertOriginalKept(e, SQLDataException.class, "22004", 22004);
        ViolationReport r = report(e);
        assertEquals(ViolationKind.OUT_OF_RANGE, r.kind());
        assertEquals(Optional.empty(), r.constraint());
        assertEquals(Optional.of("PERSON"), r.table());
        assertEquals(List.of("SMALL"), r.columns());
        assertEquals(Map.of("SMALL", "100000"), r.offendingValues());
    }

    @Test
    void plainStatementWithLiterals_duplicatePrimaryKey() throws SQLException {
        String sql = "INSERT INTO parent (id) VALUES (2)";
        SQLException e;
        try (Statement statement = connection.createStatement()) {
            e = assertThrows(SQLException.class, () -> statement.executeUpdate(sql));
        }

        assertOriginalKept(e, SQLIntegrityConstraintViolationException.class, "23505", 23505);
        ViolationReport r = report(e);
        assertEquals(ViolationKind.PRIMARY_KEY, r.kind());
        assertEquals(Optional.of("PARENT"), r.table());
        assertEquals(List.of("ID"), r.columns());
        assertTrue(r.constraint().orElseThrow().startsWith("CONSTRAINT_"), "H2's generated name");
        assertEquals(Map.of("ID", "2"), r.offendingValues(), "the literal of the statement");
        assertEquals(List.of(), r.parameters());
        assertEquals(sql, r.sql());
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

    /** Same SQLState and vendor code as the original, which is the cause, and whose message leads. */
    private static void assertOriginalKept(SQLException e, Class<? extends SQLException> type, String state,
                                           int code) {
        assertInstanceOf(type, e);
        assertEquals(state, e.getSQLState());
        assertEquals(code, e.getErrorCode());
        Class<?> h2Type = type == SQLDataException.class ? JdbcSQLDataException.class
                : JdbcSQLIntegrityConstraintViolationException.class;
        assertInstanceOf(h2Type, e.getCause());
        SQLException original = (SQLException) e.getCause();
        assertEquals(state, original.getSQLState());
        assertEquals(code, original.getErrorCode());
        assertTrue(e.getMessage().startsWith(original.getMessage() + "\nintegrity-jdbc: "), e.getMessage());
        assertEquals(original.getStackTrace()[0], e.getStackTrace()[0]);
    }

    private static ViolationReport report(SQLException e) {
        return IntegrityViolations.find(e).orElseThrow(() -> new AssertionError("no report in " + e));
    }
}
