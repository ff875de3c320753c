package io.github.integrityjdbc.integration;

import io.github.integrityjdbc.IntegrityDataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * A vendor interface that redeclares a method the proxy must keep (createStatement, with a narrower return type)
 * cannot be implemented by delegation: the proxy leaves it out rather than answer a cast it would then fail on
 * (AbstractMethodError), statements still come back proxied, and unwrap reaches the vendor's type.
 */
class VendorInterfaceClashTest {

    /** As some drivers declare: their connection type narrows what createStatement returns. */
    public interface NarrowingConnection extends Connection {
        @Override
        NarrowStatement createStatement() throws SQLException;
    }

    /** The narrowed statement type. */
    public interface NarrowStatement extends Statement {
    }

    @Test
    void covariantRedeclaration_statementsStillComeBackProxied() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:clash");
        Connection real = h2.getConnection();
        Connection vendor = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {NarrowingConnection.class}, (self, method, args) -> {
                    try {
                        if (method.getName().equals("unwrap") && ((Class<?>) args[0]).isInstance(self)) {
                            return self;
                        }
                        if (method.getName().equals("createStatement") && (args == null || args.length == 0)) {
                            Statement statement = real.createStatement();
                            return Proxy.newProxyInstance(getClass().getClassLoader(),
                                    new Class<?>[] {NarrowStatement.class},
                                    (s, m, a) -> m.invoke(statement, a));
                        }
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DataSource source = new DataSourceOf(vendor);

        try (Connection connection = IntegrityDataSource.wrap(source).getConnection();
             Statement statement = connection.createStatement()) {
            assertNotSame(vendor, connection);
            assertFalse(connection instanceof NarrowingConnection, "an interface the proxy cannot implement is left out");
            assertSame(vendor, connection.unwrap(NarrowingConnection.class));
            assertFalse(statement instanceof NarrowStatement && Proxy.isProxyClass(statement.getClass()),
                    "createStatement through the JDBC interface answers the integrity proxy");
            assertSame(connection, statement.getConnection());
            statement.execute("CREATE TABLE clash (id INT PRIMARY KEY)");
            assertEquals(1, statement.executeUpdate("INSERT INTO clash VALUES (1)"));
        }
    }

    /** A DataSource handing out one connection. */
    private record DataSourceOf(Connection connection) implements DataSource {
        @Override
        public Connection getConnection() {
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) {
            return connection;
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
