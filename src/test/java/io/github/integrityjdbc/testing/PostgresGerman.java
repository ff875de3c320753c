package io.github.integrityjdbc.testing;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL speaking German: the connection's messages in German ({@code lc_messages}), where the server can take
 * that locale. It can only when the OS locale {@code de_DE.UTF-8} existed when the server started ({@code .ci/run}
 * generates it and restarts the server if needed). Where it cannot, the tests are skipped with a message saying so;
 * under CI (CI=true, or -Dservers.required=true) they fail instead.
 */
public final class PostgresGerman {

    public static final String LOCALE = "de_DE.UTF-8";
    /** The real driver, every message of the connection in German. */
    public static final String PLAIN_URL = Servers.POSTGRES_PLAIN_URL + "&options=-c%20lc_messages%3D" + LOCALE;
    /** The same through integrity-jdbc. */
    public static final String URL = "jdbc:integrity:" + PLAIN_URL.substring("jdbc:".length());

    private PostgresGerman() {
    }

    public static void require() {
        Servers.requirePostgres();
        try (Connection connection = DriverManager.getConnection(Servers.POSTGRES_PLAIN_URL);
             Statement statement = connection.createStatement()) {
            statement.execute("SET lc_messages = '" + LOCALE + "'");
            String division = divisionByZero(statement);
            if (division.contains("division by zero")) {
                skipOrFail("PostgreSQL takes " + LOCALE + " but answers in English (" + division
                        + "): its German message catalogue is not installed", null);
            }
        } catch (SQLException e) {
            skipOrFail("PostgreSQL cannot speak German (" + e.getMessage().lines().findFirst().orElse("")
                    + "): generate the OS locale " + LOCALE + " and restart the server, as .ci/run does", e);
        }
    }

    private static String divisionByZero(Statement statement) {
        try {
            statement.execute("SELECT 1 / 0");
            return "";
        } catch (SQLException e) {
            return String.valueOf(e.getMessage());
        }
    }

    private static void skipOrFail(String message, Throwable cause) {
        if ("true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("servers.required")) {
            throw new AssertionError(message + " (required under CI)", cause);
        }
        Assumptions.abort(message + ": skipping");
    }
}
