package io.github.integrityjdbc.integration;

import io.github.integrityjdbc.testing.H2Database;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 9, item 5: what the proxies answer by themselves is what the driver answers. {@code toString()} is the
 * driver's own text (pgjdbc's PreparedStatement text is the SQL with its bound values, which applications log), and a
 * closed object answers {@code getConnection()}/{@code getStatement()} as the driver does (pgjdbc and MariaDB throw).
 * Each case runs on the raw driver and through the proxy, side by side.
 */
class DriverParityTest {

    @Test
    void h2() throws SQLException {
        String name = H2Database.uniqueName("parity");
        assertParity("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "jdbc:integrity:h2:mem:" + name);
    }

    @Test
    void postgres() throws SQLException {
        Servers.requirePostgres();
        assertParity(Servers.POSTGRES_PLAIN_URL, Servers.POSTGRES_URL);
    }

    @Test
    void mariaDb() throws SQLException {
        Servers.requireMariaDb();
        assertParity(Servers.MARIADB_URL.replace("jdbc:integrity:", "jdbc:"), Servers.MARIADB_URL);
        try (Connection proxied = DriverManager.getConnection(Servers.MARIADB_URL)) {
            Statement statement = proxied.createStatement();
            statement.close();
            assertThrows(SQLException.class, statement::getConnection, "as MariaDB Connector/J does");
        }
    }

    @Test
    void postgresPreparedStatementText_isTheSqlWithItsValues_asWithTheRawDriver() throws SQLException {
        Servers.requirePostgres();
        try (Connection raw = DriverManager.getConnection(Servers.POSTGRES_PLAIN_URL);
             Connection proxied = DriverManager.getConnection(Servers.POSTGRES_URL);
             PreparedStatement rawSelect = raw.prepareStatement("SELECT ? || 'x', ?");
             PreparedStatement proxiedSelect = proxied.prepareStatement("SELECT ? || 'x', ?")) {
            for (PreparedStatement select : new PreparedStatement[] {rawSelect, proxiedSelect}) {
                select.setString(1, "ada");
                select.setInt(2, 42);
            }
            assertEquals("SELECT ('ada') || 'x', ('42'::int4)", rawSelect.toString());
            assertEquals(rawSelect.toString(), proxiedSelect.toString());
        }
    }

    private static void assertParity(String rawUrl, String proxiedUrl) throws SQLException {
        Connection raw = DriverManager.getConnection(rawUrl);
        Connection proxied = DriverManager.getConnection(proxiedUrl);
        assertNotSame(raw.getClass(), proxied.getClass());
        assertOwnText(proxied);

        Statement rawStatement = raw.createStatement();
        Statement proxiedStatement = proxied.createStatement();
        assertOwnText(proxiedStatement);
        ResultSet rawRows = rawStatement.executeQuery("SELECT 1");
        ResultSet proxiedRows = proxiedStatement.executeQuery("SELECT 1");
        assertOwnText(proxiedRows);
        rawRows.close();
        proxiedRows.close();
        assertEquals(outcome(rawRows::getStatement), outcome(proxiedRows::getStatement), "getStatement, closed");
        rawStatement.close();
        proxiedStatement.close();
        assertEquals(outcome(rawStatement::getConnection), outcome(proxiedStatement::getConnection),
                "getConnection of a closed Statement");

        PreparedStatement rawSelect = raw.prepareStatement("SELECT ?");
        PreparedStatement proxiedSelect = proxied.prepareStatement("SELECT ?");
        rawSelect.setInt(1, 7);
        proxiedSelect.setInt(1, 7);
        assertOwnText(proxiedSelect);
        rawSelect.close();
        proxiedSelect.close();
        assertEquals(outcome(rawSelect::getConnection), outcome(proxiedSelect::getConnection),
                "getConnection of a closed PreparedStatement");

        DatabaseMetaData rawMetaData = raw.getMetaData();
        DatabaseMetaData proxiedMetaData = proxied.getMetaData();
        assertOwnText(proxiedMetaData);
        raw.close();
        proxied.close();
        assertEquals(outcome(rawMetaData::getConnection), outcome(proxiedMetaData::getConnection),
                "DatabaseMetaData.getConnection, connection closed");
        assertEquals(outcome(raw::createStatement), outcome(proxied::createStatement), "createStatement, closed");
    }

    /** The proxy's text is its delegate's. */
    private static void assertOwnText(java.sql.Wrapper proxy) throws SQLException {
        Object delegate = proxy.unwrap(delegateClass(proxy));
        assertNotSame(proxy, delegate);
        assertEquals(delegate.toString(), proxy.toString());
    }

    /** The driver's own class behind a proxy: the one type the proxy does not answer itself. */
    private static Class<?> delegateClass(java.sql.Wrapper proxy) throws SQLException {
        for (Class<?> type = proxy.getClass().getSuperclass(); type != null; type = type.getSuperclass()) {
            for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                if (field.getName().equals("delegate")) {
                    try {
                        field.setAccessible(true);
                        return field.get(proxy).getClass();
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        throw new AssertionError("no delegate in " + proxy.getClass());
    }

    private interface Call {
        Object run() throws SQLException;
    }

    /** "throws SQLException" or "answers", for comparing the raw driver with the proxy. */
    private static String outcome(Call call) {
        try {
            call.run();
            return "answers";
        } catch (SQLException e) {
            return "throws SQLException";
        }
    }
}
