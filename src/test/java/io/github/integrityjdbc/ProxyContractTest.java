package io.github.integrityjdbc;

import org.h2.jdbc.JdbcConnection;
import org.h2.jdbc.JdbcPreparedStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The proxies hand back proxies, follow the wrapper contract and are generated delegation. */
class ProxyContractTest {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:integrity:h2:mem:contract");
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))");
            statement.execute("INSERT INTO t VALUES (1, 'one')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void everyWayBackLeadsToTheProxies() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, name FROM t")) {
            assertSame(connection, statement.getConnection());
            assertSame(statement, rows.getStatement());
            assertTrue(rows.next());
            assertEquals("one", rows.getString("name"));
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM t WHERE id = ?")) {
            select.setInt(1, 1);
            try (ResultSet rows = select.executeQuery()) {
                assertSame(select, rows.getStatement());
                assertSame(connection, rows.getStatement().getConnection());
            }
            assertTrue(select.execute());
            try (ResultSet rows = select.getResultSet()) {
                assertSame(select, rows.getStatement());
            }
        }
        try (CallableStatement call = connection.prepareCall("SELECT name FROM t WHERE id = ?")) {
            call.setInt(1, 1);
            try (ResultSet rows = call.executeQuery()) {
                assertSame(call, rows.getStatement());
            }
            assertSame(connection, call.getConnection());
        }
        DatabaseMetaData metaData = connection.getMetaData();
        assertSame(connection, metaData.getConnection());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setInt(1, 2);
            insert.setString(2, "two");
            assertEquals(1, insert.executeUpdate());
            try (ResultSet keys = insert.getGeneratedKeys()) {
                assertSame(insert, keys.getStatement());
            }
        }
    }

    @Test
    void unwrap_jdbcInterfacesAnswerTheProxy_vendorTypesTheDelegate() throws SQLException {
        assertSame(connection, connection.unwrap(Connection.class));
        assertSame(connection, connection.unwrap(Wrapper.class));
        assertTrue(connection.isWrapperFor(Connection.class));
        JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
        assertInstanceOf(JdbcConnection.class, h2);
        assertNotSame(connection, h2);
        assertTrue(connection.isWrapperFor(JdbcConnection.class));
        assertFalse(connection.isWrapperFor(String.class));

        try (PreparedStatement statement = connection.prepareStatement("SELECT 1")) {
            assertSame(statement, statement.unwrap(PreparedStatement.class));
            assertSame(statement, statement.unwrap(Statement.class));
            assertInstanceOf(JdbcPreparedStatement.class, statement.unwrap(JdbcPreparedStatement.class));
        }
    }

    @Test
    void proxiesAreGeneratedClasses_notJdkProxies() throws SQLException {
        try (Statement statement = connection.createStatement();
             PreparedStatement prepared = connection.prepareStatement("SELECT 1");
             CallableStatement callable = connection.prepareCall("SELECT 1")) {
            for (Object proxy : new Object[] {connection, statement, prepared, callable, connection.getMetaData()}) {
                Class<?> type = proxy.getClass();
                assertFalse(Proxy.isProxyClass(type), type + " is a JDK proxy");
                assertTrue(Modifier.isFinal(type.getModifiers()), type + " is final");
                assertTrue(type.getName().startsWith("io.github.integrityjdbc.proxy."), type.getName());
            }
        }
    }

    @Test
    void everyInterfaceMethodIsImplementedByTheProxy_noInterfaceDefaultLeaks() throws SQLException {
        try (CallableStatement callable = connection.prepareCall("SELECT 1");
             ResultSet rows = connection.createStatement().executeQuery("SELECT 1")) {
            Object[][] cases = {
                {connection, Connection.class}, {callable, CallableStatement.class},
                {connection.getMetaData(), DatabaseMetaData.class}, {rows, ResultSet.class},
            };
            for (Object[] c : cases) {
                Class<?> proxyType = c[0].getClass();
                for (Method method : ((Class<?>) c[1]).getMethods()) {
                    if (Modifier.isStatic(method.getModifiers())) {
                        continue;
                    }
                    Method implementation = findImplementation(proxyType, method);
                    assertFalse(implementation.getDeclaringClass().isInterface(),
                            proxyType.getSimpleName() + " inherits " + method + " from an interface");
                }
            }
        }
    }

    private static Method findImplementation(Class<?> type, Method method) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                // look further up
            }
        }
        return method;
    }

    @Test
    void proxyClassIsGeneratedOncePerDelegateClass() throws SQLException {
        try (Connection other = DriverManager.getConnection("jdbc:integrity:h2:mem:contract2")) {
            assertSame(connection.getClass(), other.getClass());
            try (Statement a = connection.createStatement(); Statement b = other.createStatement()) {
                assertSame(a.getClass(), b.getClass());
            }
        }
    }

    @Test
    void plainDelegationWorks() throws SQLException {
        connection.setAutoCommit(false);
        assertFalse(connection.getAutoCommit());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            insert.setInt(1, 5);
            insert.setString(2, "five");
            insert.executeUpdate();
        }
        connection.rollback();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
        assertTrue(connection.isValid(1));
        assertEquals(connection.unwrap(org.h2.jdbc.JdbcConnection.class).toString(), connection.toString(),
                "the driver's own text, as without the proxy (issue 9)");
    }
}
