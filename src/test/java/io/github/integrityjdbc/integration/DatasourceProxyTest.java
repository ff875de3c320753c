package io.github.integrityjdbc.integration;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.IntegrityJdbcProxyFactory;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.CapturedLog;
import io.github.integrityjdbc.testing.H2Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * datasource-proxy through its own extension point: with {@link IntegrityJdbcProxyFactory} the application gets the
 * explained exception, the violation is logged and counted once, and datasource-proxy's listeners see the same
 * exception (with the report) and its own query information.
 */
class DatasourceProxyTest {

    @Test
    void proxyDataSourceBuilderWithTheFactory_explainsLogsCountsAndListenersSeeTheReport() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + H2Database.uniqueName("dsproxy") + ";DB_CLOSE_DELAY=-1");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<ExecutionInfo> afterQuery = new ArrayList<>();
        QueryExecutionListener listener = new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            }

            @Override
            public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
                if (execInfo.getThrowable() != null) {
                    afterQuery.add(execInfo);
                }
            }
        };
        DataSource dataSource = ProxyDataSourceBuilder.create(h2)
                .name("orders")
                .listener(listener)
                .jdbcProxyFactory(IntegrityJdbcProxyFactory.create(
                        IntegrityDataSource.builder().meterRegistry(registry)))
                .build();

        SQLException e;
        try (CapturedLog log = new CapturedLog("io.github.integrityjdbc.violations");
             Connection connection = dataSource.getConnection();
             Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(100),"
                    + " CONSTRAINT uq_customer_email UNIQUE (email))");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO customer (id, email) VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "ada@example.com");
                insert.executeUpdate();
                insert.setInt(1, 2);
                e = assertThrows(SQLException.class, insert::executeUpdate);
            }
            List<ILoggingEvent> events = log.events();
            assertEquals(1, events.size(), "one log event per violation");
            assertEquals("orders", CapturedLog.keyValues(events.get(0)).get("datasource"));
        }

        assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
        assertEquals("23505", e.getSQLState());
        ViolationReport report = IntegrityViolations.find(e).orElseThrow();
        assertEquals(ViolationKind.UNIQUE, report.kind());
        assertEquals("UQ_CUSTOMER_EMAIL", report.constraint().orElseThrow());
        assertEquals("orders", report.dataSource(), "the name given to datasource-proxy");
        assertEquals(List.of("2", "'ada@example.com'"), report.parameters());
        assertTrue(e.getMessage().contains("integrity-jdbc: Duplicate value for unique constraint UQ_CUSTOMER_EMAIL"),
                e.getMessage());

        assertEquals(1.0, registry.get("jdbc.integrity.violations")
                .tags("datasource", "orders", "constraint", "uq_customer_email", "kind", "unique").counter().count());

        assertEquals(1, afterQuery.size());
        ExecutionInfo failed = afterQuery.get(0);
        assertSame(e, failed.getThrowable(), "listeners see the exception the application gets");
        assertEquals("orders", failed.getDataSourceName());
        assertTrue(IntegrityViolations.find(failed.getThrowable()).isPresent());
    }

    @Test
    void badSetting_failsWhenTheFactoryIsCreated() {
        SQLException e = assertThrows(SQLException.class,
                () -> IntegrityJdbcProxyFactory.create(IntegrityDataSource.builder().mode("loud")));
        assertTrue(e.getMessage().contains("integrity.mode"), e.getMessage());
    }
}
