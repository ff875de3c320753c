package io.github.integrityjdbc.guarantees;

import io.github.integrityjdbc.testing.H2Database;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No extra round trip on success: through the proxy, the database runs the same statements, the same number of
 * times, as without it. H2's query statistics list every statement the database executed, whoever sent it.
 */
class HappyPathTest {

    private static final String INSERT = "INSERT INTO item (id, code) VALUES (?, ?)";
    private static final String SELECT = "SELECT code FROM item WHERE id = ?";
    private static final String UPDATE = "UPDATE item SET code = ? WHERE id = ?";

    @Test
    void successfulStatements_theDatabaseRunsWhatItRunsWithoutTheProxy() throws SQLException {
        String direct = H2Database.uniqueName("direct");
        String proxied = H2Database.uniqueName("proxied");
        try (Connection directObserver = observe(direct);
             Connection proxiedObserver = observe(proxied)) {
            try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + direct)) {
                work(connection);
            }
            try (Connection connection = DriverManager.getConnection("jdbc:integrity:h2:mem:" + proxied)) {
                work(connection);
            }
            List<String> withoutProxy = statementsRun(directObserver);
            assertTrue(withoutProxy.containsAll(List.of(INSERT + " x50", SELECT + " x50", UPDATE + " x50", "COMMIT x1")),
                    withoutProxy.toString());
            assertEquals(withoutProxy, statementsRun(proxiedObserver), "same statements, same number of times");

            // the observation does see the slow path's lookups: a CHECK violation looks up its table
            try (Statement statement = proxiedObserver.createStatement()) {
                statement.execute("ALTER TABLE item ADD CONSTRAINT ck_code CHECK (code <> 'x')");
            }
            try (Connection connection = DriverManager.getConnection("jdbc:integrity:h2:mem:" + proxied);
                 PreparedStatement update = connection.prepareStatement(UPDATE)) {
                update.setString(1, "x");
                update.setInt(2, 1);
                assertThrows(SQLException.class, update::executeUpdate);
            }
            assertTrue(statementsRun(proxiedObserver).stream().anyMatch(sql -> sql.contains("INFORMATION_SCHEMA")),
                    "the lookup after a violation shows: " + statementsRun(proxiedObserver));
        }
    }

    /** A connection that keeps the database open and has it record every statement. */
    private static Connection observe(String name) throws SQLException {
        Connection observer = DriverManager.getConnection("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Statement statement = observer.createStatement()) {
            statement.execute("CREATE TABLE item (id INT PRIMARY KEY, code VARCHAR(10) CONSTRAINT uq_code UNIQUE)");
            statement.execute("SET QUERY_STATISTICS TRUE");
        }
        return observer;
    }

    private static void work(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
             PreparedStatement select = connection.prepareStatement(SELECT);
             PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (int i = 0; i < 50; i++) {
                insert.setInt(1, i);
                insert.setString(2, "c" + i);
                insert.addBatch();
            }
            insert.executeBatch();
            for (int i = 0; i < 50; i++) {
                select.setInt(1, i);
                try (ResultSet rows = select.executeQuery()) {
                    assertTrue(rows.next());
                }
                update.setString(1, "d" + i);
                update.setInt(2, i);
                update.executeUpdate();
            }
            connection.getMetaData().getDatabaseProductName();
        }
        connection.commit();
    }

    /** The statements the database ran, other than the observer's own query. */
    private static List<String> statementsRun(Connection observer) throws SQLException {
        List<String> run = new ArrayList<>();
        try (Statement statement = observer.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT"
                     + " FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (rows.next()) {
                String sql = rows.getString(1);
                if (!sql.contains("QUERY_STATISTICS")) {
                    run.add(sql + " x" + rows.getInt(2));
                }
            }
        }
        run.sort(null);
        return run;
    }
}
