package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.capture.StatementCapture;
import io.github.integrityjdbc.config.IntegrityConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * For databases that cannot run here (Oracle, SQL Server, Db2): their documented errors, built as plain
 * {@code java.sql} exceptions, read by a dialect directly or explained by an {@link Explainer} whose lookup connection
 * is an in-memory H2 database (the dialect is given, not chosen from the connection).
 */
final class DocumentedErrors {

    private DocumentedErrors() {
    }

    /** What the dialect reads from {@code e}: classify, then read, as the Explainer does. */
    static ErrorFacts read(Dialect dialect, SQLException e) {
        ErrorReading reading = new ErrorReading(dialect.classify(e));
        dialect.read(e, reading);
        return reading.facts(e.getMessage(), e.getMessage(), dialect);
    }

    /** A statement as the proxy captures it: its SQL and its bound values. */
    static StatementCapture capture(String sql, Object... values) {
        StatementCapture capture = new StatementCapture(sql);
        for (int i = 0; i < values.length; i++) {
            capture.bind(i + 1, values[i] == null ? StatementCapture.NULL : values[i]);
        }
        return capture;
    }

    /** Explains {@code e} for {@code capture} with {@code dialect}; checks the original is kept; returns the report. */
    static ViolationReport explain(Dialect dialect, String product, SQLException e, StatementCapture capture,
                                   Properties settings) throws SQLException {
        try (Connection lookup = DriverManager.getConnection("jdbc:h2:mem:documented")) {
            Explainer explainer = new Explainer(lookup, IntegrityConfig.from(settings, null, "documented"),
                    "jdbc:h2:mem:documented", dialect, product);
            SQLException explained = explainer.explain(e, capture);
            assertSame(e, explained.getCause(), "the original is the cause");
            assertEquals(e.getSQLState(), explained.getSQLState(), "same SQLState");
            assertEquals(e.getErrorCode(), explained.getErrorCode(), "same vendor code");
            lastMessage = explained.getMessage();
            return IntegrityViolations.find(explained).orElseThrow(() -> new AssertionError("no report", explained));
        }
    }

    static ViolationReport explain(Dialect dialect, String product, SQLException e, StatementCapture capture)
            throws SQLException {
        return explain(dialect, product, e, capture, new Properties());
    }

    /** The message of the exception the last {@link #explain} returned. */
    static String lastMessage;
}
