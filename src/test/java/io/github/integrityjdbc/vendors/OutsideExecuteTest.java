package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.SameType;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Violations that do not fail in execute: values that Derby and HSQLDB reject already in the setter, and deferred
 * foreign keys that Derby and SQLite check only at commit.
 */
class OutsideExecuteTest {

    private static final String PERSON =
            "CREATE TABLE ij_person (id INT NOT NULL PRIMARY KEY, age INT, small SMALLINT)";
    private static final String INSERT = "INSERT INTO ij_person (id, age, small) VALUES (?, ?, ?)";

    // ****  rejected by the setter  ****

    @Test
    void derbySetLongOutOfRangeForIntIsExplainedAtBind() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:integrity:derby:memory:bind1;create=true")) {
            execute(c, PERSON);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setInt(1, 3);
                SQLException e = assertThrows(SQLException.class, () -> insert.setLong(2, 3000000000L));
                ViolationReport r = assertBindReport(e, "AGE", "3000000000");
                assertEquals(List.of("3", "3000000000"), r.parameters());
            }
        }
    }

    @Test
    void derbySetIntOutOfRangeForSmallintIsExplainedAtBind() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:integrity:derby:memory:bind2;create=true")) {
            execute(c, PERSON);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                SQLException e = assertThrows(SQLException.class, () -> insert.setInt(3, 100000));
                assertBindReport(e, "SMALL", "100000");
                // the statement is still usable with a value that fits
                insert.setInt(1, 4);
                insert.setInt(2, 40);
                insert.setInt(3, 100);
                assertEquals(1, insert.executeUpdate());
            }
        }
    }

    @Test
    void hsqldbSetLongOutOfRangeForIntIsExplainedAtBind() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:integrity:hsqldb:mem:bind1", "SA", "")) {
            execute(c, PERSON);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setInt(1, 3);
                SQLException e = assertThrows(SQLException.class, () -> insert.setLong(2, 3000000000L));
                assertBindReport(e, "AGE", "3000000000");
            }
        }
    }

    /** HSQLDB 2.7 does not check a SMALLINT range in setInt; it stores the value, and nothing is invented. */
    @Test
    void hsqldbSetIntIntoSmallintIsAcceptedAndStored() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:integrity:hsqldb:mem:bind2", "SA", "")) {
            execute(c, PERSON);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setInt(1, 3);
                insert.setInt(2, 30);
                insert.setInt(3, 100000);
                assertEquals(1, insert.executeUpdate());
            }
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT small FROM ij_person")) {
                assertTrue(rows.next());
                assertEquals(100000, rows.getInt(1));
            }
        }
    }

    /** A setter failure that is no violation (a parameter index out of bounds) reaches the application unchanged. */
    @Test
    void setterFailureThatIsNoViolationIsUnchanged() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:integrity:derby:memory:bind3;create=true")) {
            execute(c, PERSON);
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                SQLException e = assertThrows(SQLException.class, () -> insert.setInt(9, 1));
                assertFalse(IntegrityViolations.find(e).isPresent());
                assertNull(e.getCause() == null ? null : IntegrityViolations.find(e.getCause()).orElse(null));
                assertFalse(e.getMessage().contains("integrity-jdbc"), e.getMessage());
            }
        }
    }

    private static ViolationReport assertBindReport(SQLException e, String column, String value) {
        assertInstanceOf(SQLDataException.class, e);
        SQLException original = assertInstanceOf(SQLException.class, e.getCause(), "the original is the cause");
        assertEquals("22003", e.getSQLState());
        assertEquals(original.getErrorCode(), e.getErrorCode());
        ViolationReport r = IntegrityViolations.find(e).orElseThrow(() -> new AssertionError("no report", e));
        assertEquals(ViolationKind.OUT_OF_RANGE, r.kind());
        assertEquals(Optional.empty(), r.constraint());
        assertEquals(Optional.of("IJ_PERSON"), r.table());
        assertEquals(List.of(column), r.columns());
        assertEquals(Map.of(column, value), r.offendingValues());
        assertEquals(INSERT, r.sql());
        assertEquals(OptionalInt.empty(), r.batchIndex());
        assertTrue(e.getMessage().contains("integrity-jdbc: Value out of range for column IJ_PERSON." + column),
                e.getMessage());
        return r;
    }

    // ****  inside a transaction: the schema lookups leave it as the driver left it  ****

    @Test
    void derbyViolationInTransactionLeavesTheTransactionToTheApplication() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:integrity:derby:memory:tx;create=true")) {
            violationInTransaction(c);
        }
    }

    @Test
    void hsqldbViolationInTransactionLeavesTheTransactionToTheApplication() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:integrity:hsqldb:mem:tx", "SA", "")) {
            violationInTransaction(c);
        }
    }

    /** A violation explained from the catalog mid-transaction; the application's rollback still undoes all. */
    private static void violationInTransaction(Connection c) throws SQLException {
        execute(c, "CREATE TABLE ij_parent (id INT NOT NULL, CONSTRAINT pk_ij_parent PRIMARY KEY (id))");
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO ij_parent (id) VALUES (?)")) {
            insert.setInt(1, 50);
            insert.executeUpdate();
            insert.setInt(1, 50);
            SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
            ViolationReport r = IntegrityViolations.find(e).orElseThrow(() -> new AssertionError("no report", e));
            assertEquals(ViolationKind.PRIMARY_KEY, r.kind(), "the kind came from the catalog");
            assertEquals(List.of("ID"), r.columns(), "the columns came from the catalog");
        }
        assertFalse(c.getAutoCommit());
        c.rollback();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM ij_parent")) {
            assertTrue(rows.next());
            assertEquals(0, rows.getInt(1), "nothing committed behind the application's back");
        }
    }

    // ****  deferred constraints, at commit  ****

    @Test
    void derbyDeferredForeignKeyIsExplainedAtCommit() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:integrity:derby:memory:deferred;create=true")) {
            execute(c, "CREATE TABLE ij_parent (id INT NOT NULL PRIMARY KEY)");
            execute(c, "CREATE TABLE ij_child_deferred (id INT NOT NULL PRIMARY KEY, parent_id INT,"
                    + " CONSTRAINT fk_ij_child_deferred FOREIGN KEY (parent_id) REFERENCES ij_parent (id)"
                    + " DEFERRABLE INITIALLY DEFERRED)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO ij_child_deferred (id, parent_id) VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setInt(2, 999);
                assertEquals(1, insert.executeUpdate(), "deferred: the statement itself succeeds");
            }
            SQLException e = assertThrows(SQLException.class, c::commit);
            ViolationReport r = assertCommitReport(e, "23516");
            assertEquals(Optional.of("FK_IJ_CHILD_DEFERRED"), r.constraint());
            assertEquals(Optional.of("IJ_CHILD_DEFERRED"), r.table());
            assertEquals(List.of("PARENT_ID"), r.columns());
            assertTrue(r.explain().startsWith("No matching row in IJ_PARENT for foreign key FK_IJ_CHILD_DEFERRED on "
                    + "IJ_CHILD_DEFERRED(PARENT_ID)."), r.explain());
            c.rollback();
        }
    }

    @Test
    void sqliteDeferredForeignKeyIsExplainedAtCommit() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("foreign_keys", "true");
        try (Connection c = DriverManager.getConnection("jdbc:integrity:sqlite::memory:", properties)) {
            execute(c, "CREATE TABLE ij_parent (id INT NOT NULL PRIMARY KEY)");
            execute(c, "CREATE TABLE ij_child_deferred (id INT NOT NULL PRIMARY KEY, parent_id INT,"
                    + " CONSTRAINT fk_ij_child_deferred FOREIGN KEY (parent_id) REFERENCES ij_parent (id)"
                    + " DEFERRABLE INITIALLY DEFERRED)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO ij_child_deferred (id, parent_id) VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setInt(2, 999);
                assertEquals(1, insert.executeUpdate(), "deferred: the statement itself succeeds");
            }
            SQLException e = assertThrows(SQLException.class, c::commit);
            ViolationReport r = assertCommitReport(e, null);
            // SQLite names neither constraint nor table nor column for a foreign key: the report does not guess
            assertEquals(Optional.empty(), r.constraint());
            assertEquals(Optional.empty(), r.table());
            assertEquals(List.of(), r.columns());
            c.rollback();
        }
    }

    private static ViolationReport assertCommitReport(SQLException e, String sqlState) {
        SQLException original = assertInstanceOf(SQLException.class, e.getCause(), "the original is the cause");
        SameType.assertSameType(original, e);
        assertEquals(sqlState, e.getSQLState());
        assertEquals(original.getErrorCode(), e.getErrorCode());
        ViolationReport r = IntegrityViolations.find(e).orElseThrow(() -> new AssertionError("no report", e));
        assertSame(r, IntegrityViolations.find(e).orElseThrow());
        assertEquals(ViolationKind.FOREIGN_KEY, r.kind());
        assertNull(r.sql(), "no statement at commit");
        assertEquals(List.of(), r.parameters());
        assertEquals(Map.of(), r.offendingValues());
        assertEquals(OptionalInt.empty(), r.batchIndex());
        assertTrue(r.explain().endsWith("Reported at commit, outside any statement."), r.explain());
        return r;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
