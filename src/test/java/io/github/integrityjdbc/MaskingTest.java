package io.github.integrityjdbc;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.integrityjdbc.testing.CapturedLog;
import io.github.integrityjdbc.testing.H2Database;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A value bound to a sensitive column never shows: not in the message, the report or the log. */
class MaskingTest {

    private static final String SECRET = "hunter2-new-secret";

    @Test
    void boundPassword_maskedInMessageReportAndLog() throws SQLException {
        try (CapturedLog log = new CapturedLog("io.github.integrityjdbc.violations");
             Connection connection = H2Database.openWithSchema(H2Database.uniqueName("mask"), new Properties())) {
            SQLException e = ReportingTest.fail(connection,
                    "INSERT INTO account (id, username, password) VALUES (?, ?, ?)", 2, "root", SECRET);

            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            assertEquals(List.of("2", "'root'", "****"), r.parameters());
            assertNoSecret(e.getMessage());
            assertNoSecret(r.explain());
            assertNoSecret(r.toString());
            List<ILoggingEvent> events = log.events();
            assertEquals(1, events.size());
            assertNoSecret(events.get(0).getFormattedMessage());
            assertNoSecret(CapturedLog.keyValues(events.get(0)).toString());
        }
    }

    @Test
    void passwordInTheKey_maskedWhereTheDriverRepeatsIt() throws SQLException {
        try (CapturedLog log = new CapturedLog("io.github.integrityjdbc.violations");
             Connection connection = H2Database.openWithSchema(H2Database.uniqueName("mask"), new Properties())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE api_client (id INT PRIMARY KEY, api_token VARCHAR(40) UNIQUE)");
                statement.execute("INSERT INTO api_client VALUES (1, 'tok-" + SECRET + "')");
            }
            String literal = "INSERT INTO api_client (id, api_token) VALUES (2, 'tok-" + SECRET + "')";
            SQLException e;
            try (Statement statement = connection.createStatement()) {
                e = assertThrows(SQLException.class, () -> statement.executeUpdate(literal));
            }
            assertTrue(e.getCause().getMessage().contains(SECRET), "H2 repeats the key and the SQL");
            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            assertEquals(ViolationKind.UNIQUE, r.kind());
            assertEquals(List.of("API_TOKEN"), r.columns());
            assertEquals(Map.of("API_TOKEN", "****"), r.offendingValues());
            assertEquals("INSERT INTO api_client (id, api_token) VALUES (2, '****')", r.sql());
            assertNoSecret(e.getMessage());
            assertTrue(e.getMessage().startsWith("Unique index or primary key violation"), e.getMessage());
            assertNoSecret(r.explain());
            assertNoSecret(log.events().get(0).getFormattedMessage());
            assertNoSecret(CapturedLog.keyValues(log.events().get(0)).toString());
        }
    }

    @Test
    void maskIsConfigurable() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("integrity.mask", "USERNAME");
        try (Connection connection = H2Database.openWithSchema(H2Database.uniqueName("mask"), properties)) {
            SQLException e = ReportingTest.fail(connection,
                    "INSERT INTO account (id, username, password) VALUES (?, ?, ?)", 2, "root", "visible-now");
            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            assertEquals(List.of("2", "****", "'visible-now'"), r.parameters());
            assertEquals(Map.of("USERNAME", "****"), r.offendingValues());
            assertFalse(e.getMessage().contains("'root'"), e.getMessage());
        }
    }

    /** A one-character secret is masked where it stands, not inside every word that holds its letter. */
    @Test
    void shortSecret_maskedWhereItStands_notInsideOtherWords() throws SQLException {
        try (Connection connection = H2Database.openWithSchema(H2Database.uniqueName("mask"), new Properties())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE vault (id INT PRIMARY KEY, secret VARCHAR(20) UNIQUE)");
                statement.execute("INSERT INTO vault VALUES (1, 'a')");
            }
            SQLException e = ReportingTest.fail(connection, "INSERT INTO vault (id, secret) VALUES (?, ?)", 2, "a");
            String original = e.getCause().getMessage();
            String expected = original.replace("/* 1 */ 'a' )", "/* 1 */ '****' )");
            assertTrue(e.getMessage().startsWith(expected + "\nintegrity-jdbc: "), e.getMessage());
            assertTrue(e.getMessage().startsWith("Unique index or primary key violation"), e.getMessage());
            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            assertEquals("INSERT INTO vault (id, secret) VALUES (?, ?)", r.sql());
            assertEquals(List.of("2", "****"), r.parameters());
            assertEquals(Optional.of("VAULT"), r.table());
        }
    }

    /** H2 lists the existing row of a duplicate primary key: that row's masked value is masked too. */
    @Test
    void existingRowsMaskedValue_masked() throws SQLException {
        try (CapturedLog log = new CapturedLog("io.github.integrityjdbc.violations");
             Connection connection = H2Database.openWithSchema(H2Database.uniqueName("mask"), new Properties())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE member (id INT PRIMARY KEY, name VARCHAR(20), api_token VARCHAR(40))");
                statement.execute("INSERT INTO member VALUES (1, 'alice', 'alice-secret-token')");
            }
            SQLException e = ReportingTest.fail(connection, "INSERT INTO member (id, name, api_token) VALUES (?, ?, ?)",
                    1, "bob", "bob-token");
            assertTrue(e.getCause().getMessage().contains("'alice-secret-token'"), "H2 lists the existing row");
            String expected = e.getCause().getMessage().replace("'alice-secret-token'", "'****'");
            assertTrue(e.getMessage().startsWith(expected + "\nintegrity-jdbc: "), e.getMessage());
            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            for (String text : List.of(e.getMessage(), r.toString(), log.events().get(0).getFormattedMessage(),
                    CapturedLog.keyValues(log.events().get(0)).toString())) {
                assertFalse(text.contains("alice-secret-token"), text);
                assertFalse(text.contains("bob-token"), text);
                assertTrue(text.contains("alice") || text.contains("ID=1"), text);
            }
        }
    }

    /** A secret that is part of another row's secret masks neither that row's partly nor anything else. */
    @Test
    void secretInsideAnotherValue_eachMaskedWhole() throws SQLException {
        try (Connection connection = H2Database.openWithSchema(H2Database.uniqueName("mask"), new Properties())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE login (id INT PRIMARY KEY, nick VARCHAR(20), password VARCHAR(20))");
                statement.execute("INSERT INTO login VALUES (1, 'pwned', 'pw-1')");
            }
            SQLException e = ReportingTest.fail(connection, "INSERT INTO login (id, nick, password) VALUES (?, ?, ?)",
                    1, "pw", "pw");
            String message = e.getMessage();
            assertTrue(message.contains("'pwned', '****')"), message);
            assertFalse(message.contains("-1'"), "no part of the other row's secret: " + message);
            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            assertEquals(List.of("1", "'pw'", "****"), r.parameters(), "the nick 'pw' is not a secret");
        }
    }

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(SECRET), "secret leaked in: " + text);
    }
}
