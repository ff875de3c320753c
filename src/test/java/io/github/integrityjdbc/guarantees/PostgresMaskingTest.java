package io.github.integrityjdbc.guarantees;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationReport;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL shows values in its detail ({@code Key (…)=(…)}, {@code Failing row contains (…)}): a masked column's
 * value is masked there, in the message and in the server error fields that {@code catch (PSQLException e)} reads,
 * while every other field stays the server's.
 */
class PostgresMaskingTest {

    private static final String SECRET = "tok-s3cr3t-existing";

    @BeforeAll
    static void createTable() throws SQLException {
        Servers.requirePostgres();
        try (Connection connection = DriverManager.getConnection(Servers.POSTGRES_PLAIN_URL);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS pgmask_member");
            statement.execute("CREATE TABLE pgmask_member (id INT PRIMARY KEY, nick TEXT NOT NULL,"
                    + " api_token TEXT CONSTRAINT pgmask_token_uq UNIQUE)");
            statement.execute("INSERT INTO pgmask_member VALUES (1, 'alice', '" + SECRET + "')");
        }
    }

    @AfterAll
    static void dropTable() throws SQLException {
        try (Connection connection = DriverManager.getConnection(Servers.POSTGRES_PLAIN_URL);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS pgmask_member");
        }
    }

    @Test
    void keyDetail_maskedInTheMessageAndInTheServerErrorFields() throws SQLException {
        PSQLException e = fail(2, "bob", SECRET);
        assertEquals("pgmask_token_uq", e.getServerErrorMessage().getConstraint());
        assertEquals("pgmask_member", e.getServerErrorMessage().getTable());
        assertEquals("Key (api_token)=(****) already exists.", e.getServerErrorMessage().getDetail());
        assertTrue(e.getMessage().contains("Detail: Key (api_token)=(****) already exists."), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(e.getCause().getMessage().contains(SECRET), "the original, the cause, keeps the server's text");
        ViolationReport report = IntegrityViolations.find(e).orElseThrow();
        assertEquals(List.of("api_token"), report.columns());
        assertFalse(report.toString().contains(SECRET), report.toString());
    }

    @Test
    void failingRow_onlyTheMaskedColumnsValueMasked() throws SQLException {
        PSQLException e = fail(3, null, "tok-new-row");
        assertEquals("Failing row contains (3, null, ****).", e.getServerErrorMessage().getDetail());
        assertTrue(e.getMessage().contains("Failing row contains (3, null, ****)."), e.getMessage());
        assertEquals("nick", e.getServerErrorMessage().getColumn());
        assertFalse(e.getMessage().contains("tok-new-row"), e.getMessage());
    }

    @Test
    void nothingMasked_theServerErrorFieldsAreTheOriginals() throws SQLException {
        PSQLException e = fail(1, "carol", "tok-other");
        assertTrue(e.getServerErrorMessage() == ((PSQLException) e.getCause()).getServerErrorMessage(),
                "no masked value in them: the server's own object");
        assertEquals("Key (id)=(1) already exists.", e.getServerErrorMessage().getDetail());
    }

    private static PSQLException fail(int id, String nick, String token) throws SQLException {
        try (Connection connection = DriverManager.getConnection(Servers.POSTGRES_URL);
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO pgmask_member (id, nick, api_token) VALUES (?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, nick);
            insert.setString(3, token);
            return assertThrows(PSQLException.class, insert::executeUpdate);
        }
    }
}
