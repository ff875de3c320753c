package io.github.integrityjdbc;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegrityDataSourceTest {

    @Test
    void badSystemPropertyValueAtTheFirstConnection_failsAndHandsThePoolsConnectionBack() throws SQLException {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:badsysvalue;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1000);
        int loginTimeout = java.sql.DriverManager.getLoginTimeout(); // HikariCP sets it JVM-wide: restored below
        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config)) {
            DataSource dataSource = IntegrityDataSource.wrap(pool); // settings checked here, before the property
            System.setProperty("integrity.mode", "loud");
            try {
                SQLException e = assertThrows(SQLException.class, dataSource::getConnection);
                assertTrue(e.getMessage().contains("integrity.mode"), e.getMessage());
                assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "the connection went back");
            } finally {
                System.clearProperty("integrity.mode");
            }
            try (Connection connection = dataSource.getConnection()) {
                assertTrue(connection.isValid(1), "the pool's only connection is free again");
            }
        } finally {
            java.sql.DriverManager.setLoginTimeout(loginTimeout);
        }
    }

    @Test
    void wrappedDataSource_explainsAndCountsInTheGivenRegistry() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:wrapped;DB_CLOSE_DELAY=-1");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DataSource dataSource = IntegrityDataSource.builder().name("orders").meterRegistry(registry).wrap(h2);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT CONSTRAINT pk_t PRIMARY KEY)");
            statement.execute("INSERT INTO t VALUES (1)");
            SQLException e = assertThrows(SQLException.class, () -> statement.execute("INSERT INTO t VALUES (1)"));
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
            ViolationReport report = IntegrityViolations.find(e).orElseThrow();
            assertEquals("orders", report.dataSource());
            assertEquals(ViolationKind.PRIMARY_KEY, report.kind());
        }
        assertEquals(1.0, registry.get("jdbc.integrity.violations").tags("datasource", "orders", "constraint", "pk_t")
                .counter().count());
        assertSame(h2, dataSource.unwrap(JdbcDataSource.class));
        // DataSource too is the wrapped one (what Spring Boot's DataSourceBuilder.derivedFrom looks for); only
        // IntegrityDataSource is the wrapper
        assertSame(h2, dataSource.unwrap(DataSource.class));
        assertSame(dataSource, dataSource.unwrap(IntegrityDataSource.class));
        assertTrue(dataSource.isWrapperFor(JdbcDataSource.class));
        assertTrue(dataSource.isWrapperFor(IntegrityDataSource.class));
    }

    @Test
    void badSetting_failsAtWrapTime() {
        JdbcDataSource h2 = new JdbcDataSource();
        SQLException e = assertThrows(SQLException.class,
                () -> IntegrityDataSource.builder().maxValueLength(0).wrap(h2));
        assertTrue(e.getMessage().contains("integrity.maxValueLength"), e.getMessage());
    }
}
