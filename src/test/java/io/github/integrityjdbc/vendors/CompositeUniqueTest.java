package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A two-column unique constraint declared in the opposite order of the table's columns: the report lists the
 * columns in the constraint's order (Derby: SYS catalog, HSQLDB: INFORMATION_SCHEMA, SQLite: the message).
 */
class CompositeUniqueTest {

    private static final String TABLE = "CREATE TABLE ij_membership (id INT NOT NULL PRIMARY KEY,"
            + " group_id INT NOT NULL, user_id INT NOT NULL, CONSTRAINT uq_ij_membership UNIQUE (user_id, group_id))";

    @Test
    void derby() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:integrity:derby:memory:composite;create=true")) {
            ViolationReport r = duplicate(c);
            assertEquals(Optional.of("UQ_IJ_MEMBERSHIP"), r.constraint());
            assertEquals(Optional.of("IJ_MEMBERSHIP"), r.table());
            assertEquals(List.of("USER_ID", "GROUP_ID"), r.columns());
            assertEquals(Map.of("USER_ID", "200", "GROUP_ID", "100"), r.offendingValues());
        }
    }

    @Test
    void hsqldb() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:integrity:hsqldb:mem:composite", "SA", "")) {
            ViolationReport r = duplicate(c);
            assertEquals(Optional.of("UQ_IJ_MEMBERSHIP"), r.constraint());
            assertEquals(Optional.of("IJ_MEMBERSHIP"), r.table());
            assertEquals(List.of("USER_ID", "GROUP_ID"), r.columns());
            assertEquals(Map.of("USER_ID", "200", "GROUP_ID", "100"), r.offendingValues());
        }
    }

    @Test
    void sqlite() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:integrity:sqlite::memory:")) {
            ViolationReport r = duplicate(c);
            assertEquals(Optional.empty(), r.constraint(), "SQLite does not name unique constraints");
            assertEquals(Optional.of("ij_membership"), r.table());
            assertEquals(List.of("user_id", "group_id"), r.columns());
            assertEquals(Map.of("user_id", "200", "group_id", "100"), r.offendingValues());
        }
    }

    private static ViolationReport duplicate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(TABLE);
            s.execute("INSERT INTO ij_membership (id, group_id, user_id) VALUES (1, 100, 200)");
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO ij_membership (id, group_id, user_id) VALUES (?, ?, ?)")) {
            insert.setInt(1, 2);
            insert.setInt(2, 100);
            insert.setInt(3, 200);
            SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
            ViolationReport r = IntegrityViolations.find(e).orElseThrow(() -> new AssertionError("no report", e));
            assertEquals(ViolationKind.UNIQUE, r.kind());
            return r;
        }
    }
}
