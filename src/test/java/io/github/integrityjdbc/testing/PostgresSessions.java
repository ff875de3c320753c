package io.github.integrityjdbc.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the PostgreSQL server saw of a session: to check that nothing else ran on the application's connection. */
public final class PostgresSessions {

    private PostgresSessions() {
    }

    /** The server process of {@code connection}'s session. */
    public static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The last statement the server ran for that session, asked on a connection of its own. */
    public static String lastQueryOf(int backend) throws SQLException {
        try (Connection observer = DriverManager.getConnection(Servers.POSTGRES_PLAIN_URL);
             PreparedStatement query = observer.prepareStatement("SELECT query FROM pg_stat_activity WHERE pid = ?")) {
            query.setInt(1, backend);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
