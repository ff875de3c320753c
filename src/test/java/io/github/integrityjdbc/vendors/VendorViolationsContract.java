package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.Binding;
import io.github.integrityjdbc.testing.SameType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The same eleven violations on every database, on the reference schema (tables prefixed {@code ij_} so that they
 * cannot clash on a shared server), asserting the same report fields. A subclass opens a connection through
 * {@code jdbc:integrity:}, gives the DDL in its database's dialect, and states what its database can tell in
 * {@link #expected(ViolationCase)}: usually {@link #standard(ViolationCase)} in the database's identifier case, with
 * the facts it cannot tell left null.
 */
abstract class VendorViolationsContract {

    /** Tables of the reference schema, children first (the order they are dropped in). */
    static final List<String> TABLES = List.of("ij_child", "ij_parent", "ij_person");

    protected Connection connection;

    /** A connection through jdbc:integrity: to a database where the ij_ tables may be created. */
    protected abstract Connection open() throws SQLException;

    /** What this database's report says for {@code c}. */
    protected abstract Expected expected(ViolationCase c);

    /**
     * The reference DDL; subclasses change only what their dialect needs. Named constraints everywhere, so that a
     * database that reports names can be checked against them.
     */
    protected List<String> schema() {
        return List.of(
                "CREATE TABLE ij_parent (id INT NOT NULL, CONSTRAINT pk_ij_parent PRIMARY KEY (id))",
                "CREATE TABLE ij_child (id INT NOT NULL, parent_id INT, CONSTRAINT pk_ij_child PRIMARY KEY (id),"
                        + " CONSTRAINT fk_ij_child_parent FOREIGN KEY (parent_id) REFERENCES ij_parent (id))",
                "CREATE TABLE ij_person (id INT NOT NULL, email VARCHAR(100), name VARCHAR(10) NOT NULL, age INT,"
                        + " small SMALLINT, CONSTRAINT pk_ij_person PRIMARY KEY (id),"
                        + " CONSTRAINT uq_ij_person_email UNIQUE (email), CONSTRAINT ck_ij_person_age CHECK (age >= 0))",
                "INSERT INTO ij_parent (id) VALUES (1)",
                "INSERT INTO ij_parent (id) VALUES (2)",
                "INSERT INTO ij_child (id, parent_id) VALUES (10, 1)",
                "INSERT INTO ij_person (id, email, name, age) VALUES (1, 'a@example.com', 'Alice', 30)",
                "INSERT INTO ij_person (id, email, name) VALUES (2, 'b@example.com', 'Bob')");
    }

    /** Drops a table if it exists; the default works where DROP TABLE IF EXISTS does. */
    protected void drop(Statement statement, String table) throws SQLException {
        statement.execute("DROP TABLE IF EXISTS " + table);
    }

    /** The facts a database that names everything reports, in lower case. */
    protected static Expected standard(ViolationCase c) {
        switch (c) {
            case DUPLICATE_PRIMARY_KEY:
                return Expected.of(ViolationKind.PRIMARY_KEY, "pk_ij_person", "ij_person", List.of("id"),
                        Map.of("id", "1"));
            case DUPLICATE_NAMED_UNIQUE:
            case UPDATE_TO_DUPLICATE:
            case LITERAL_STATEMENT_DUPLICATE:
                return Expected.of(ViolationKind.UNIQUE, "uq_ij_person_email", "ij_person", List.of("email"),
                        Map.of("email", "'a@example.com'"));
            case MISSING_PARENT:
                return Expected.of(ViolationKind.FOREIGN_KEY, "fk_ij_child_parent", "ij_child", List.of("parent_id"),
                        Map.of("parent_id", "999"));
            case DELETE_REFERENCED_PARENT:
                return Expected.of(ViolationKind.FOREIGN_KEY, "fk_ij_child_parent", "ij_child", List.of("parent_id"),
                        Map.of("parent_id", "1"));
            case NOT_NULL:
                return Expected.of(ViolationKind.NOT_NULL, null, "ij_person", List.of("name"), Map.of("name", "NULL"));
            case CHECK:
                return Expected.of(ViolationKind.CHECK, "ck_ij_person_age", "ij_person", List.of("age"),
                        Map.of("age", "-1"));
            case VALUE_TOO_LONG:
                return Expected.of(ViolationKind.VALUE_TOO_LONG, null, "ij_person", List.of("name"),
                        Map.of("name", "'ABCDEFGHIJKLMNOPQRST'"));
            case OUT_OF_RANGE:
                return Expected.of(ViolationKind.OUT_OF_RANGE, null, "ij_person", List.of("small"),
                        Map.of("small", "100000"));
            case BATCH_FOURTH_ROW_DUPLICATE:
                return Expected.of(ViolationKind.UNIQUE, "uq_ij_person_email", "ij_person", List.of("email"),
                        Map.of("email", "'a@example.com'")).batchIndex(3);
            default:
                throw new IllegalArgumentException(c.name());
        }
    }

    @BeforeEach
    void createSchema() throws SQLException {
        connection = open();
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                drop(statement, table);
            }
            for (String sql : schema()) {
                statement.execute(sql);
            }
        }
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (connection == null) {
            return;
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    drop(statement, table);
                }
            }
        } finally {
            connection.close();
        }
    }

    // ****  the cases  ****

    @Test
    void duplicatePrimaryKey() throws SQLException {
        check(ViolationCase.DUPLICATE_PRIMARY_KEY, "INSERT INTO ij_person (id, email, name, age) VALUES (?, ?, ?, ?)",
                1, "new@example.com", "Carol", 20);
    }

    @Test
    void duplicateNamedUnique() throws SQLException {
        check(ViolationCase.DUPLICATE_NAMED_UNIQUE, "INSERT INTO ij_person (id, email, name, age) VALUES (?, ?, ?, ?)",
                3, "a@example.com", "Carol", 20);
    }

    @Test
    void updateToDuplicate() throws SQLException {
        check(ViolationCase.UPDATE_TO_DUPLICATE, "UPDATE ij_person SET email = ? WHERE id = ?", "a@example.com", 2);
    }

    @Test
    void missingParent() throws SQLException {
        check(ViolationCase.MISSING_PARENT, "INSERT INTO ij_child (id, parent_id) VALUES (?, ?)", 11, 999);
    }

    @Test
    void deleteReferencedParent() throws SQLException {
        check(ViolationCase.DELETE_REFERENCED_PARENT, "DELETE FROM ij_parent WHERE id = ?", 1);
    }

    @Test
    void notNull() throws SQLException {
        check(ViolationCase.NOT_NULL, "INSERT INTO ij_person (id, email, name, age) VALUES (?, ?, ?, ?)",
                3, "c@example.com", null, 20);
    }

    @Test
    void checkConstraint() throws SQLException {
        check(ViolationCase.CHECK, "INSERT INTO ij_person (id, email, name, age) VALUES (?, ?, ?, ?)",
                3, "c@example.com", "Carol", -1);
    }

    @Test
    void valueTooLong() throws SQLException {
        check(ViolationCase.VALUE_TOO_LONG, "INSERT INTO ij_person (id, email, name, age) VALUES (?, ?, ?, ?)",
                3, "c@example.com", "ABCDEFGHIJKLMNOPQRST", 20);
    }

    @Test
    void outOfRange() throws SQLException {
        check(ViolationCase.OUT_OF_RANGE, "INSERT INTO ij_person (id, email, name, age, small) VALUES (?, ?, ?, ?, ?)",
                3, "c@example.com", "Carol", 20, 100000);
    }

    @Test
    void batchWhoseFourthRowIsDuplicate() throws SQLException {
        Expected expected = expected(ViolationCase.BATCH_FOURTH_ROW_DUPLICATE);
        SQLException e;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ij_person (id, email, name, age) VALUES (?, ?, ?, ?)")) {
            for (int row = 0; row < 5; row++) {
                insert.setInt(1, 101 + row);
                insert.setString(2, row == 3 ? "a@example.com" : "p" + row + "@example.com");
                insert.setString(3, "P" + row);
                insert.setInt(4, 20 + row);
                insert.addBatch();
            }
            e = assertThrows(SQLException.class, insert::executeBatch);
        }
        ViolationReport r = assertReport(expected, e);
        if (e.getCause() instanceof BatchUpdateException) {
            BatchUpdateException original = (BatchUpdateException) e.getCause();
            assertEquals(java.util.Arrays.toString(original.getUpdateCounts()),
                    java.util.Arrays.toString(((BatchUpdateException) e).getUpdateCounts()), "same update counts");
        }
        if (expected.batchIndex() != null) {
            assertEquals(List.of("104", "'a@example.com'", "'P3'", "23"), r.parameters(), "the failing row's values");
        }
    }

    @Test
    void literalStatementDuplicate() throws SQLException {
        Expected expected = expected(ViolationCase.LITERAL_STATEMENT_DUPLICATE);
        try (Statement statement = connection.createStatement()) {
            String sql = "INSERT INTO ij_person (id, email, name, age) VALUES (3, 'a@example.com', 'Carol', 20)";
            SQLException e = assertThrows(SQLException.class, () -> statement.executeUpdate(sql));
            ViolationReport r = assertReport(expected, e);
            assertEquals(sql, r.sql());
            assertEquals(List.of(), r.parameters());
        }
    }

    // ****  checks  ****

    private void check(ViolationCase c, String sql, Object... values) throws SQLException {
        Expected expected = expected(c);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            // Derby and HSQLDB may reject a value already when it is bound: binding is part of what is checked
            Executable run = () -> {
                Binding.bindAll(statement, values);
                statement.executeUpdate();
            };
            if (!expected.raises()) {
                assertDoesNotThrow(run, c + " should have been accepted");
                return;
            }
            SQLException e = assertThrows(SQLException.class, run, c + " should have been rejected");
            ViolationReport r = assertReport(expected, e);
            assertEquals(sql, r.sql());
            List<String> parameters = new ArrayList<>();
            for (Object value : values) {
                parameters.add(value == null ? "NULL" : value instanceof String ? "'" + value + "'" : String.valueOf(value));
            }
            assertEquals(parameters, r.parameters(), "parameters as bound, in order");
            assertNotNull(r.database(), "the database's product name");
        }
    }

    /** Every field of the report, including those that must be empty; and the original kept as cause. */
    protected ViolationReport assertReport(Expected expected, SQLException e) {
        ViolationReport r = IntegrityViolations.find(e)
                .orElseThrow(() -> new AssertionError("no report in " + e, e));
        Throwable cause = e.getCause();
        assertNotNull(cause, "the original is the cause");
        if (cause instanceof SQLException) {
            assertEquals(((SQLException) cause).getSQLState(), e.getSQLState(), "same SQLState");
            assertEquals(((SQLException) cause).getErrorCode(), e.getErrorCode(), "same vendor code");
            SameType.assertSameType((SQLException) cause, e);
            // no masked column in this schema: the database's text leads, unchanged, then the explanation
            assertTrue(e.getMessage().startsWith(cause.getMessage() + "\nintegrity-jdbc: " + r.explain()),
                    e.getMessage());
            assertEquals(cause.getStackTrace()[0], e.getStackTrace()[0], "the original's stack trace");
        } else {
            fail("the cause is not the original SQLException: " + cause);
        }
        assertEquals(expected.kind(), r.kind(), "kind: " + r.explain());
        assertEquals(Optional.ofNullable(expected.constraint()), r.constraint(), "constraint: " + r.explain());
        assertEquals(Optional.ofNullable(expected.table()), r.table(), "table: " + r.explain());
        assertEquals(expected.columns(), r.columns(), "columns: " + r.explain());
        assertEquals(expected.offending(), r.offendingValues(), "offending values: " + r.explain());
        assertEquals(expected.batchIndex() == null ? OptionalInt.empty() : OptionalInt.of(expected.batchIndex()),
                r.batchIndex(), "batch row: " + r.explain());
        assertSame(r, IntegrityViolations.find(e).orElseThrow());
        return r;
    }
}
