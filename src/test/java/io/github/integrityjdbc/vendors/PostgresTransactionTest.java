package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.integrityjdbc.testing.PostgresSessions.backendPid;
import static io.github.integrityjdbc.testing.PostgresSessions.lastQueryOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL aborts a transaction on its first error: every later query fails with 25P02 until rollback. The
 * explanation must be complete there too, without running anything on the application's connection.
 */
class PostgresTransactionTest {

    private Connection connection;

    @BeforeEach
    void setUp() throws SQLException {
        Servers.requirePostgres();
        connection = DriverManager.getConnection(Servers.POSTGRES_URL);
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS ij_tx_child, ij_tx_parent, ij_tx_booking");
            statement.execute("CREATE TABLE ij_tx_parent (id INT CONSTRAINT pk_ij_tx_parent PRIMARY KEY,"
                    + " code VARCHAR(5), age INT CONSTRAINT ck_ij_tx_parent_age CHECK (age >= 0))");
            statement.execute("CREATE TABLE ij_tx_child (id INT PRIMARY KEY, parent_id INT,"
                    + " CONSTRAINT fk_ij_tx_child_parent FOREIGN KEY (parent_id) REFERENCES ij_tx_parent (id)"
                    + " DEFERRABLE INITIALLY DEFERRED)");
            statement.execute("CREATE TABLE ij_tx_booking (id INT PRIMARY KEY, during int4range,"
                    + " CONSTRAINT ex_ij_tx_booking EXCLUDE USING gist (during WITH &&))");
            statement.execute("INSERT INTO ij_tx_parent VALUES (1, 'a', 30)");
            statement.execute("INSERT INTO ij_tx_booking VALUES (1, int4range(0, 10))");
        }
    }

    @AfterEach
    void tearDown() throws SQLException {
        if (connection == null) {
            return;
        }
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS ij_tx_child, ij_tx_parent, ij_tx_booking");
        }
        connection.close();
    }

    @Test
    void violationInsideTransaction_explainedInFull_transactionLeftAsTheDriverLeftIt() throws SQLException {
        int backend = backendPid(connection);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ij_tx_parent VALUES (?, ?, ?)")) {
            insert.setInt(1, 2);
            insert.setString(2, "b");
            insert.setInt(3, 5);
            insert.executeUpdate();
            insert.setInt(1, 3);
            insert.setString(2, "c");
            insert.setInt(3, -1);
            SQLException e = assertThrows(SQLException.class, insert::executeUpdate);

            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            assertEquals(ViolationKind.CHECK, r.kind());
            assertEquals(Optional.of("ck_ij_tx_parent_age"), r.constraint());
            assertEquals(Optional.of("ij_tx_parent"), r.table());
            assertEquals(List.of("age"), r.columns(), "looked up on a separate connection");
            assertEquals(Map.of("age", "-1"), r.offendingValues());
        }
        assertEquals("INSERT INTO ij_tx_parent VALUES ($1, $2, $3)", lastQueryOf(backend),
                "nothing else ran on the application's connection");
        try (Statement statement = connection.createStatement()) {
            SQLException aborted = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT 1"));
            assertEquals("25P02", aborted.getSQLState(), "the transaction is still aborted, as the driver left it");
        }
        connection.rollback();
        assertEquals(0, count("SELECT count(*) FROM ij_tx_parent WHERE id IN (2, 3)"), "the rollback undid the insert");
    }

    @Test
    void primaryKeyAndDataErrorInsideTransaction_useTheSchemaThroughASeparateConnection() throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ij_tx_parent (id, code) VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setString(2, "x");
            SQLException duplicate = assertThrows(SQLException.class, insert::executeUpdate);
            ViolationReport r = IntegrityViolations.find(duplicate).orElseThrow();
            assertEquals(ViolationKind.PRIMARY_KEY, r.kind(), "only pg_constraint tells a primary key");
            assertEquals(Map.of("id", "1"), r.offendingValues());
        }
        connection.rollback();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ij_tx_parent (id, code) VALUES (?, ?)")) {
            insert.setInt(1, 7);
            insert.setString(2, "much too long");
            SQLException tooLong = assertThrows(SQLException.class, insert::executeUpdate);
            ViolationReport r = IntegrityViolations.find(tooLong).orElseThrow();
            assertEquals(ViolationKind.VALUE_TOO_LONG, r.kind());
            assertEquals(List.of("code"), r.columns(), "the one column whose value exceeds its size");
            assertEquals(Map.of("code", "'much too long'"), r.offendingValues());
            assertTrue(r.explain().contains("character varying(5)"), r.explain());
        }
    }

    @Test
    void deferredForeignKey_explainedAtCommit_withTheStatementThatWroteTheRow() throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ij_tx_child VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setInt(2, 999);
            insert.executeUpdate();
        }
        try (PreparedStatement fine = connection.prepareStatement("INSERT INTO ij_tx_child (id, parent_id) VALUES (?, ?)");
             Statement other = connection.createStatement()) {
            fine.setInt(1, 2);
            fine.setInt(2, 1);
            fine.executeUpdate();
            other.executeUpdate("UPDATE ij_tx_parent SET code = 'z' WHERE id = 1");
        }
        SQLException e = assertThrows(SQLException.class, connection::commit);
        assertEquals("23503", e.getSQLState());
        ViolationReport r = IntegrityViolations.find(e).orElseThrow();
        assertEquals(ViolationKind.FOREIGN_KEY, r.kind());
        assertEquals(Optional.of("fk_ij_tx_child_parent"), r.constraint());
        assertEquals(Optional.of("ij_tx_child"), r.table());
        assertEquals(List.of("parent_id"), r.columns());
        assertEquals(Map.of("parent_id", "999"), r.offendingValues());
        assertEquals("INSERT INTO ij_tx_child VALUES (?, ?)", r.sql(), "the write that carries parent_id 999");
        assertEquals(List.of("1", "999"), r.parameters());
        assertTrue(r.explain().contains("Reported at commit; the row was written by the statement"), r.explain());
    }

    @Test
    void commitAfterAnExplainedFailure_forgetsTheTransactionsWrites() throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ij_tx_child VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setInt(2, 999);
            insert.executeUpdate();
        }
        connection.rollback();
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO ij_tx_child VALUES (5, 998)");
        }
        SQLException e = assertThrows(SQLException.class, connection::commit);
        ViolationReport r = IntegrityViolations.find(e).orElseThrow();
        assertEquals(Map.of("parent_id", "998"), r.offendingValues());
        assertEquals("INSERT INTO ij_tx_child VALUES (5, 998)", r.sql(), "only this transaction's write");
    }

    @Test
    void exclusionConstraint() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ij_tx_booking (id, during) VALUES (?, int4range(?, ?))")) {
            insert.setInt(1, 2);
            insert.setInt(2, 5);
            insert.setInt(3, 15);
            SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            assertEquals(ViolationKind.EXCLUSION, r.kind());
            assertEquals(Optional.of("ex_ij_tx_booking"), r.constraint());
            assertEquals(Optional.of("ij_tx_booking"), r.table());
            assertEquals(List.of("during"), r.columns());
            assertEquals(Map.of("during", "'[5,15)'"), r.offendingValues(), "the value as the database reports it");
        }
    }

    @Test
    void rewrittenBatch_rowFoundByMatchingTheReportedKey() throws SQLException {
        try (Connection rewriting = DriverManager.getConnection(Servers.POSTGRES_URL + "&reWriteBatchedInserts=true");
             PreparedStatement insert = rewriting.prepareStatement("INSERT INTO ij_tx_parent (id, code) VALUES (?, ?)")) {
            for (int id : new int[] {10, 11, 12, 1, 13}) {
                insert.setInt(1, id);
                insert.setString(2, "r" + id);
                insert.addBatch();
            }
            BatchUpdateException e = assertThrows(BatchUpdateException.class, insert::executeBatch);
            assertTrue(e.getCause().getMessage().contains("Batch entry 0"), "pgjdbc names the rewritten statement");
            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            assertEquals(OptionalInt.of(3), r.batchIndex());
            assertEquals(List.of("1", "'r1'"), r.parameters());
        }
    }



    private int count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
