package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * pgjdbc's batch message on the real driver: the entry it names is read by pgjdbc's template (the entry's inlined
 * values hold {@code ), (}, which is not a rewritten multi-row INSERT; a number of four digits is grouped); and the
 * same message in a language pgjdbc translates it to (its own bundles' text) yields no entry and is opaque.
 */
class PostgresBatchMessageTest {

    private final PostgresDialect dialect = new PostgresDialect();

    @BeforeAll
    static void createTable() throws SQLException {
        Servers.requirePostgres();
        run("DROP TABLE IF EXISTS pgbatchmsg_item", "CREATE TABLE pgbatchmsg_item (id INT PRIMARY KEY, label TEXT)",
                "INSERT INTO pgbatchmsg_item VALUES (3, 'x'), (1234, 'y')");
    }

    @AfterAll
    static void dropTable() throws SQLException {
        run("DROP TABLE IF EXISTS pgbatchmsg_item");
    }

    @Test
    void theEntryPgjdbcNames() throws SQLException {
        assertEquals(3, dialect.batchEntry(batchFailure("", 3, 5)));
    }

    @Test
    void anEntryOfFourDigits() throws SQLException {
        assertEquals(1234, dialect.batchEntry(batchFailure("", 1234, 1300)));
    }

    @Test
    void aRewrittenInsert_noEntry() throws SQLException {
        BatchUpdateException e = batchFailure("&reWriteBatchedInserts=true", 3, 5);
        assertTrue(e.getMessage().contains("),("), "rewritten: " + e.getMessage());
        assertNull(dialect.batchEntry(e));
    }

    @Test
    void translatedByPgjdbc_noEntryAndOpaque() throws SQLException {
        BatchUpdateException real = batchFailure("", 3, 5);
        SQLException row = real.getNextException();
        String sql = "INSERT INTO pgbatchmsg_item (id, label) VALUES (('3'::int4), ('geheim'))";
        for (String language : new String[] {"ru", "ja", "ko"}) {
            String template = ResourceBundle.getBundle("org.postgresql.translation.messages",
                    Locale.forLanguageTag(language), row.getClass().getClassLoader())
                    .getString(PgjdbcBatchMessage.TEMPLATE);
            String message = MessageFormat.format(template, 3, sql, row.getMessage());
            BatchUpdateException translated = new BatchUpdateException(message, real.getSQLState(),
                    real.getUpdateCounts());
            translated.setNextException(row);
            assertNull(dialect.batchEntry(translated), message);
            int from = message.indexOf(row.getMessage());
            int to = from + row.getMessage().length();
            ErrorFacts.MessageSpans spans = spans(row.getMessage(), message);
            assertEquals(List.of(), spans.sql(), message);
            assertEquals(List.of(new ErrorFacts.Span(0, from), new ErrorFacts.Span(to, message.length())),
                    spans.opaque(), "the SQL and the text after the server's message cannot be placed: " + message);
        }
    }

    @Test
    void inEnglish_theSqlQuotedAndTheRestKnown() throws SQLException {
        BatchUpdateException e = batchFailure("", 3, 5);
        String message = e.getMessage();
        ErrorFacts.MessageSpans spans = spans(e.getNextException().getMessage(), message);
        int sqlStart = "Batch entry 3 ".length();
        assertEquals(List.of(new ErrorFacts.Span(sqlStart, message.indexOf(" was aborted: "))), spans.sql(), message);
        assertEquals(List.of(), spans.opaque(), message);
    }

    /** Where the batch failure's message shows values, the per-row message being read and recognised. */
    private ErrorFacts.MessageSpans spans(String rowMessage, String message) {
        ErrorReading reading = new ErrorReading(ViolationKind.UNIQUE);
        reading.recognised();
        return reading.facts(rowMessage, message, dialect).message();
    }

    /** The real failure of a batch of {@code size} rows whose row {@code failing} repeats an existing key. */
    private static BatchUpdateException batchFailure(String urlOptions, int failing, int size) throws SQLException {
        try (Connection connection = DriverManager.getConnection(Servers.POSTGRES_PLAIN_URL + urlOptions);
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO pgbatchmsg_item (id, label) VALUES (?, ?)")) {
            for (int row = 0; row < size; row++) {
                insert.setInt(1, row == failing ? failing : 10_000 + row);
                insert.setString(2, "v" + row);
                insert.addBatch();
            }
            return assertThrows(BatchUpdateException.class, insert::executeBatch);
        }
    }

    private static void run(String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(Servers.POSTGRES_PLAIN_URL);
             Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }
}
