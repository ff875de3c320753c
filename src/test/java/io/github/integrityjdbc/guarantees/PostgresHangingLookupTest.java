package io.github.integrityjdbc.guarantees;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real hang: another session holds an exclusive lock on PostgreSQL's constraint catalog, so the schema lookup
 * after a violation waits. The lookup's query timeout ends the wait; the application gets its explanation from what
 * the error says, within seconds, and its connection stays usable. (Database {@code postgres}, so that the lock does
 * not stall other tests working in {@code test}.)
 */
class PostgresHangingLookupTest {

    private static final String RAW_URL = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

    @Test
    void lookupBlockedByALock_timesOut_applicationGetsTheExplanationAndAUsableConnection() throws Exception {
        Servers.requirePostgres();
        try (Connection application = DriverManager.getConnection("jdbc:integrity:" + RAW_URL.substring(5));
             Connection locker = DriverManager.getConnection(RAW_URL)) {
            try (Statement statement = application.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS ij_hang");
                statement.execute("CREATE TABLE ij_hang (id INT CONSTRAINT pk_ij_hang PRIMARY KEY)");
                statement.execute("INSERT INTO ij_hang VALUES (1)");
            }
            try (PreparedStatement insert = application.prepareStatement("INSERT INTO ij_hang (id) VALUES (?)")) {
                insert.setInt(1, 2);
                insert.executeUpdate(); // plans and catalog caches warm: only the lookup needs the catalog now
                locker.setAutoCommit(false);
                try (Statement lock = locker.createStatement()) {
                    lock.execute("LOCK TABLE pg_catalog.pg_constraint IN ACCESS EXCLUSIVE MODE");
                }
                try {
                    insert.setInt(1, 1);
                    SQLException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                            () -> assertThrows(SQLException.class, insert::executeUpdate));
                    assertEquals("23505", e.getSQLState());
                    ViolationReport report = IntegrityViolations.find(e).orElseThrow();
                    assertEquals("pk_ij_hang", report.constraint().orElseThrow());
                    assertEquals("ij_hang", report.table().orElseThrow());
                    assertTrue(report.parameters().contains("1"), report.parameters().toString());
                } finally {
                    locker.rollback();
                }
            }
            try (Statement statement = application.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM ij_hang")) {
                assertTrue(rows.next());
                assertEquals(2, rows.getInt(1), "the connection is usable, nothing half-done");
            }
        } finally {
            try (Connection cleanup = DriverManager.getConnection(RAW_URL);
                 Statement statement = cleanup.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS ij_hang");
            }
        }
    }
}
