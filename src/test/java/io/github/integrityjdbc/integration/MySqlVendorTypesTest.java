package io.github.integrityjdbc.integration;

import com.mysql.cj.jdbc.JdbcConnection;
import com.mysql.cj.jdbc.JdbcPreparedStatement;
import com.mysql.cj.jdbc.JdbcStatement;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proxies generated at build time against MySQL Connector/J implement its public interfaces, as those for pgjdbc
 * do ({@link VendorTypesTest}): casts work, vendor calls reach the driver, and the statement still explains. Runs
 * against the MariaDB server, which Connector/J speaks to.
 */
class MySqlVendorTypesTest {

    @Test
    void connectorJConnectionAndStatements_castToItsInterfaces_andStillExplain() throws SQLException {
        Servers.requireMariaDb();
        try (Connection connection = DriverManager.getConnection(Servers.MYSQL_CJ_URL);
             Statement ddl = connection.createStatement()) {
            JdbcConnection mysql = (JdbcConnection) connection;
            assertFalse(mysql.getServerVersion().toString().isEmpty());
            assertSame(connection, connection.unwrap(JdbcConnection.class), "the proxy answers, and keeps explaining");
            assertTrue(ddl instanceof JdbcStatement);
            ddl.execute("DROP TABLE IF EXISTS mysql_vendor_types");
            ddl.execute("CREATE TABLE mysql_vendor_types (id INT PRIMARY KEY)");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO mysql_vendor_types (id) VALUES (?)")) {
                JdbcPreparedStatement vendor = (JdbcPreparedStatement) insert;
                assertEquals("INSERT INTO mysql_vendor_types (id) VALUES (?)", vendor.getPreparedSql());
                insert.setInt(1, 1);
                insert.executeUpdate();
                SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
                assertEquals(ViolationKind.PRIMARY_KEY, IntegrityViolations.find(e).orElseThrow().kind());
            } finally {
                ddl.execute("DROP TABLE IF EXISTS mysql_vendor_types");
            }
        }
    }
}
