package io.github.integrityjdbc.integration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.IntegrityDriver;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.proxy.ConnectionProxy;
import io.github.integrityjdbc.testing.H2Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HikariCP over the proxy: by URL (with and without driverClassName) and over a wrapped DataSource. */
class HikariTest {

    private static HikariConfig pool(String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        return config;
    }

    @Test
    void jdbcUrlWithoutDriverClassName_explainsViolations() throws SQLException {
        HikariConfig config = pool("url-only");
        config.setJdbcUrl("jdbc:integrity:h2:mem:" + H2Database.uniqueName("hikari"));
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertExplainsDuplicate(pool);
        }
    }

    @Test
    void jdbcUrlWithDriverClassName_explainsViolations() throws SQLException {
        HikariConfig config = pool("driver-class");
        config.setDriverClassName(IntegrityDriver.class.getName());
        config.setJdbcUrl("jdbc:integrity:h2:mem:" + H2Database.uniqueName("hikari"));
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertExplainsDuplicate(pool);
        }
    }

    @Test
    void poolOverAWrappedDataSource_explainsViolations() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + H2Database.uniqueName("hikari") + ";DB_CLOSE_DELAY=-1");
        HikariConfig config = pool("over-wrapped");
        config.setDataSource(IntegrityDataSource.builder().name("orders").wrap(h2));
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertEquals("orders", assertExplainsDuplicate(pool).dataSource());
            assertTrue(pool.isWrapperFor(IntegrityDataSource.class));
            assertSame(h2, pool.unwrap(JdbcDataSource.class));
        }
    }

    @Test
    void wrappedPool_explainsViolationsAndUnwrapsToThePool() throws SQLException {
        HikariConfig config = pool("wrapped-pool");
        config.setJdbcUrl("jdbc:h2:mem:" + H2Database.uniqueName("hikari"));
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DataSource dataSource = IntegrityDataSource.wrap(pool);
            assertExplainsDuplicate(dataSource);
            assertSame(pool, dataSource.unwrap(HikariDataSource.class));
            assertTrue(dataSource.isWrapperFor(HikariDataSource.class));
        }
    }

    /**
     * A pool whose URL is a {@code jdbc:integrity:} URL, wrapped as well (what a Spring Boot auto-configuration or a
     * routing DataSource over wrapped targets does): its connections already explain, so the wrapper hands them out
     * as they are. Explained once: one explanation in the message, counted once, under the URL route's settings.
     */
    @Test
    void wrappedPoolOfIntegrityUrl_explainedOnce() throws SQLException {
        HikariConfig config = pool("url-and-wrapped");
        config.setJdbcUrl("jdbc:integrity:h2:mem:" + H2Database.uniqueName("hikari") + "?integrity.name=by-url");
        SimpleMeterRegistry outer = new SimpleMeterRegistry();
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DataSource twice = IntegrityDataSource.builder().name("by-wrapper").meterRegistry(outer)
                    .wrap(IntegrityDataSource.wrap(pool));
            try (Connection connection = twice.getConnection()) {
                assertTrue(connection.isWrapperFor(ConnectionProxy.class));
                assertFalse(connection instanceof ConnectionProxy, "Hikari's own connection, not another proxy");
            }
            ViolationReport report = assertExplainsDuplicate(twice);
            assertEquals("by-url", report.dataSource(), "the exception the application gets is the URL route's");
            assertTrue(outer.getMeters().isEmpty(), "counted by the URL route only: " + outer.getMeters());
        }
    }

    /** Hikari keeps a connection after a constraint violation (not a broken connection), as without the proxy. */
    private static ViolationReport assertExplainsDuplicate(DataSource dataSource) throws SQLException {
        long session;
        SQLException e;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            session = sessionId(connection);
            statement.execute("CREATE TABLE pooled (id INT, CONSTRAINT pk_pooled PRIMARY KEY (id))");
            statement.execute("INSERT INTO pooled VALUES (1)");
            e = assertThrows(SQLException.class, () -> statement.execute("INSERT INTO pooled VALUES (1)"));
        }
        assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
        assertEquals("23505", e.getSQLState());
        ViolationReport report = IntegrityViolations.find(e).orElseThrow();
        assertEquals(ViolationKind.PRIMARY_KEY, report.kind());
        assertEquals("PK_POOLED", report.constraint().orElseThrow());
        try (Connection again = dataSource.getConnection()) {
            assertEquals(session, sessionId(again), "the pool kept the connection after the violation");
        }
        return report;
    }

    private static long sessionId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT SESSION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void validation_replacesAConnectionTheDatabaseClosed() throws Exception {
        String name = H2Database.uniqueName("hikari");
        HikariConfig config = pool("validation");
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(2);
        config.setJdbcUrl("jdbc:integrity:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (HikariDataSource pool = new HikariDataSource(config);
             Connection killer = java.sql.DriverManager.getConnection("jdbc:h2:mem:" + name)) {
            long doomed;
            try (Connection connection = pool.getConnection()) {
                doomed = sessionId(connection);
            }
            try (Statement statement = killer.createStatement()) {
                statement.execute("CALL ABORT_SESSION(" + doomed + ")");
            }
            Thread.sleep(600); // past Hikari's 500 ms window in which a returned connection is not validated
            try (Connection connection = pool.getConnection()) {
                assertTrue(connection.isValid(1));
                assertNotEquals(doomed, sessionId(connection), "Hikari validated and replaced the closed one");
            }
        }
    }

    @Test
    void unwrapAndShutdown_behaveAsWithoutTheProxy() throws SQLException {
        HikariConfig config = pool("shutdown");
        config.setJdbcUrl("jdbc:integrity:h2:mem:" + H2Database.uniqueName("hikari"));
        JdbcConnection physical;
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection connection = pool.getConnection()) {
                assertTrue(connection.isWrapperFor(JdbcConnection.class));
                physical = connection.unwrap(JdbcConnection.class);
                assertFalse(physical.isClosed());
            }
        }
        assertTrue(physical.isClosed(), "closing the pool closed the physical connection through the proxy");
    }
}
