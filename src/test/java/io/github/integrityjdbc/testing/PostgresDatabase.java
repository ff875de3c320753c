package io.github.integrityjdbc.testing;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server of the machine (127.0.0.1:5432, trust authentication). A test that needs it calls
 * {@link #require()}: when the server is absent the test is skipped with a message saying so, except on CI
 * ({@code CI=true} or {@code -Dtest.requireDatabases=true}), where it fails.
 */
public final class PostgresDatabase {

    /** The real URL; prefix {@code jdbc:integrity:} for the proxy. */
    public static final String URL = System.getProperty("test.postgresUrl",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    /** {@link #URL} through the integrity driver. */
    public static final String INTEGRITY_URL = "jdbc:integrity:" + URL.substring("jdbc:".length());

    private PostgresDatabase() {
    }

    /** Skips (or on CI fails) the calling test when the server does not answer. */
    public static void require() {
        try (Connection connection = DriverManager.getConnection(URL)) {
            connection.isValid(5);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + ")";
            if (required()) {
                throw new AssertionError(message + "; required on CI", e);
            }
            Assumptions.abort(message + ": test skipped; CI=true makes it required");
        }
    }

    private static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("test.requireDatabases");
    }
}
