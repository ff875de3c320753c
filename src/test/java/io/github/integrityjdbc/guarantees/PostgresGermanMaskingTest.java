package io.github.integrityjdbc.guarantees;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.PostgresGerman;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL's detail in German shows values as in English, in other words: a masked column's value is masked there
 * by its position ({@code Schlüssel »(api_token)=(****)« existiert bereits.}), never cut, and every other character
 * stays the server's, in the message and in the server error fields.
 */
class PostgresGermanMaskingTest {

    private static final String SECRET = "tok-geheim-vorhanden";

    @BeforeAll
    static void createTables() throws SQLException {
        PostgresGerman.require();
        run("DROP TABLE IF EXISTS pgmaskde_child, pgmaskde_key, pgmaskde_member, pgmaskde_pair, pgmaskde_booking",
                "CREATE TABLE pgmaskde_member (id INT PRIMARY KEY, nick TEXT NOT NULL,"
                        + " api_token TEXT CONSTRAINT pgmaskde_token_uq UNIQUE)",
                "INSERT INTO pgmaskde_member VALUES (1, 'alice', '" + SECRET + "')",
                "CREATE TABLE pgmaskde_pair (id INT PRIMARY KEY, nick TEXT, api_token TEXT,"
                        + " CONSTRAINT pgmaskde_pair_uq UNIQUE (nick, api_token))",
                "INSERT INTO pgmaskde_pair VALUES (1, 'x, y', 'tok, mit komma')",
                "CREATE TABLE pgmaskde_key (api_token TEXT PRIMARY KEY)",
                "CREATE TABLE pgmaskde_child (id INT PRIMARY KEY, parent_token TEXT"
                        + " CONSTRAINT pgmaskde_child_fk REFERENCES pgmaskde_key (api_token))",
                "INSERT INTO pgmaskde_key VALUES ('" + SECRET + "')",
                "INSERT INTO pgmaskde_child VALUES (1, '" + SECRET + "')",
                "CREATE TABLE pgmaskde_booking (id INT PRIMARY KEY, secret_during INT4RANGE,"
                        + " CONSTRAINT pgmaskde_booking_ex EXCLUDE USING gist (secret_during WITH &&))",
                "INSERT INTO pgmaskde_booking VALUES (1, '[0,10)')");
    }

    @AfterAll
    static void dropTables() throws SQLException {
        run("DROP TABLE IF EXISTS pgmaskde_child, pgmaskde_key, pgmaskde_member, pgmaskde_pair, pgmaskde_booking");
    }

    @Test
    void uniqueKey_maskedByPosition() throws SQLException {
        PSQLException e = fail("INSERT INTO pgmaskde_member (id, nick, api_token) VALUES (3, 'bob', '" + SECRET + "')");
        assertMasked(e, "Schlüssel »(api_token)=(****)« existiert bereits.");
        ViolationReport report = IntegrityViolations.find(e).orElseThrow();
        assertEquals(Optional.of("pgmaskde_token_uq"), report.constraint());
        assertEquals(List.of("api_token"), report.columns());
        assertEquals(Map.of("api_token", "****"), report.offendingValues());
    }

    @Test
    void failingRow_onlyTheMaskedColumnsValueMasked() throws SQLException {
        PSQLException e = fail("INSERT INTO pgmaskde_member (id, nick, api_token) VALUES (3, NULL, 'tok-neu')");
        assertMasked(e, "Fehlgeschlagene Zeile enthält (3, null, ****).");
        assertEquals("nick", e.getServerErrorMessage().getColumn());
    }

    @Test
    void valuesWithCommas_theKeysValuesMaskedTogether() throws SQLException {
        PSQLException e = fail("INSERT INTO pgmaskde_pair (id, nick, api_token) VALUES (2, 'x, y', 'tok, mit komma')");
        assertMasked(e, "Schlüssel »(nick, api_token)=(****)« existiert bereits.");
        assertFalse(e.getMessage().contains("mit komma"), e.getMessage());
        ViolationReport report = IntegrityViolations.find(e).orElseThrow();
        assertEquals(List.of("nick", "api_token"), report.columns());
        assertEquals(Map.of("nick", "'x, y'", "api_token", "****"), report.offendingValues(),
                "from the statement; the message's values are not split where the commas are ambiguous");
    }

    @Test
    void childMissingItsParent_theChildsValueMasked() throws SQLException {
        PSQLException e = fail("INSERT INTO pgmaskde_child (id, parent_token) VALUES (2, 'tok-fehlt')");
        assertMasked(e, "Schlüssel (parent_token)=(****) ist nicht in Tabelle »pgmaskde_key« vorhanden.");
        assertFalse(e.getMessage().contains("tok-fehlt"), e.getMessage());
        ViolationReport report = IntegrityViolations.find(e).orElseThrow();
        assertEquals(ViolationKind.FOREIGN_KEY, report.kind());
        assertEquals(List.of("parent_token"), report.columns());
    }

    @Test
    void parentStillReferenced_theParentsKeyMasked() throws SQLException {
        PSQLException e = fail("DELETE FROM pgmaskde_key WHERE api_token = '" + SECRET + "'");
        assertMasked(e, "Auf Schlüssel (api_token)=(****) wird noch aus Tabelle »pgmaskde_child« verwiesen.");
        ViolationReport report = IntegrityViolations.find(e).orElseThrow();
        assertEquals(Optional.of("pgmaskde_child"), report.table());
        assertEquals(List.of("parent_token"), report.columns());
        assertEquals(Map.of("parent_token", "****"), report.offendingValues());
    }

    @Test
    void exclusion_bothRowsValuesMasked() throws SQLException {
        PSQLException e = fail("INSERT INTO pgmaskde_booking (id, secret_during) VALUES (2, '[5,15)')");
        assertMasked(e, "Schlüssel (secret_during)=(****) kollidiert mit vorhandenem Schlüssel"
                + " (secret_during)=(****).");
        assertFalse(e.getMessage().contains("[0,10)"), "the existing row's value: " + e.getMessage());
    }

    @Test
    void batch_theEntrysSqlAndTheGermanDetailMasked() throws SQLException {
        SQLException e;
        try (Connection connection = DriverManager.getConnection(PostgresGerman.URL);
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO pgmaskde_member (id, nick, api_token) VALUES (?, ?, ?)")) {
            for (int row = 0; row < 3; row++) {
                insert.setInt(1, 10 + row);
                insert.setString(2, "n" + row);
                insert.setString(3, row == 1 ? SECRET : "tok-" + row);
                insert.addBatch();
            }
            e = assertThrows(SQLException.class, insert::executeBatch);
        }
        assertTrue(e.getCause().getMessage().contains(SECRET), "pgjdbc's message shows it twice");
        assertTrue(e.getMessage().contains("Schlüssel »(api_token)=(****)« existiert bereits."), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(e.getMessage().contains("'n1'"), "only the masked column's value is masked: " + e.getMessage());
        ViolationReport report = IntegrityViolations.find(e).orElseThrow();
        assertEquals(java.util.OptionalInt.of(1), report.batchIndex());
        assertEquals(List.of("11", "'n1'", "****"), report.parameters());
        assertFalse(report.toString().contains(SECRET), report.toString());
    }

    /** The detail as expected, in the fields and in the message, which is the server's but for the masked values. */
    private static void assertMasked(PSQLException e, String detail) {
        String original = e.getCause().getMessage();
        assertTrue(original.contains("Schlüssel") || original.contains("Zeile"), "in German: " + original);
        assertEquals(detail, e.getServerErrorMessage().getDetail());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        String server = original.substring(0, original.indexOf(e.getCause() instanceof PSQLException
                ? ((PSQLException) e.getCause()).getServerErrorMessage().getDetail() : ""));
        assertTrue(e.getMessage().startsWith(server + detail), "the rest is the server's text: " + e.getMessage());
    }

    private static PSQLException fail(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PostgresGerman.URL);
             Statement statement = connection.createStatement()) {
            return assertThrows(PSQLException.class, () -> statement.executeUpdate(sql));
        }
    }

    private static void run(String... sql) throws SQLException {
        // in English: also where the server cannot speak German and the tests were skipped
        try (Connection connection = DriverManager.getConnection(Servers.POSTGRES_PLAIN_URL);
             Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }
}
