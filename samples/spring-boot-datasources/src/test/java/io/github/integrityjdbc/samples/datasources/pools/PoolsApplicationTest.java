package io.github.integrityjdbc.samples.datasources.pools;

import com.zaxxer.hikari.HikariDataSource;
import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.samples.datasources.KeyedRouting;
import io.github.integrityjdbc.samples.datasources.Shop;
import io.github.integrityjdbc.samples.datasources.Violations;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.github.integrityjdbc.samples.datasources.Violations.reportOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auto-configuration in an application that builds its own DataSources ({@link PoolsApplication}): each bean is
 * wrapped and each violation is explained once, named by its bean name, in the report, the log and the counter;
 * Hikari's own settings, metrics and unwrap keep working; routing, scoped, excluded and switched-off cases.
 */
class PoolsApplicationTest {

    @Test
    void eachPool_isWrapped_andEachViolationIsNamedByItsBeanName() {
        try (ConfigurableApplicationContext application = PoolsApplication.run();
             Violations violations = new Violations(application)) {
            for (String bean : List.of("ordersDataSource", "customersDataSource")) {
                DataSource dataSource = application.getBean(bean, DataSource.class);
                assertInstanceOf(IntegrityDataSource.class, dataSource, bean);
                Shop.insert(dataSource, 1, "ada@example.com", 36);

                ViolationReport report = reportOf(() -> Shop.insert(dataSource, 2, "ada@example.com", 37));
                assertEquals(bean, report.dataSource());
                assertEquals(ViolationKind.UNIQUE, report.kind());
                assertEquals("IJ_BOOT_CUSTOMER_EMAIL_UQ", report.constraint().orElseThrow());
                assertEquals(1.0, violations.count(bean), bean);
            }
            List<String> lines = violations.lines();
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("ordersDataSource - "), lines.get(0));
            assertTrue(lines.get(1).startsWith("customersDataSource - "), lines.get(1));
        }
    }

    @Test
    void hikari_keepsItsBoundSettings_itsMetrics_andUnwrap() throws SQLException {
        try (ConfigurableApplicationContext application = PoolsApplication.run()) {
            MeterRegistry registry = application.getBean(MeterRegistry.class);
            for (String pool : List.of("orders", "customers")) {
                DataSource dataSource = application.getBean(pool + "DataSource", DataSource.class);
                assertTrue(dataSource.isWrapperFor(HikariDataSource.class));
                HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
                assertEquals(pool, hikari.getPoolName(), "bound from app.datasource." + pool + ".pool-name");
                int maximum = pool.equals("orders") ? 4 : 3;
                assertEquals(maximum, hikari.getMaximumPoolSize());
                assertSame(hikari, dataSource.unwrap(DataSource.class), "what DataSourceBuilder.derivedFrom unwraps");

                // Hikari's own meters (Boot hands the pool Micrometer's tracker) and Boot's pool metadata meters
                assertNotNull(registry.find("hikaricp.connections").tag("pool", pool).gauge(), pool);
                assertEquals(maximum, registry.get("hikaricp.connections.max").tag("pool", pool).gauge().value());
                assertEquals(maximum, registry.get("jdbc.connections.max").tag("name", pool).gauge().value());
            }
        }
    }

    @Test
    void derivedFrom_findsThePoolsSettings_asWithoutTheWrapper() {
        try (ConfigurableApplicationContext application = PoolsApplication.run()) {
            DataSource orders = application.getBean("ordersDataSource", DataSource.class);
            // what Flyway and Liquibase do for a migration user of their own
            SimpleDriverDataSource derived = DataSourceBuilder.derivedFrom(orders).type(SimpleDriverDataSource.class)
                    .build();
            assertEquals("jdbc:h2:mem:orders", derived.getUrl());
        }
    }

    @Test
    void routingToPoolsThatAreNotBeans_isWrapped_asTheRouter() throws SQLException {
        try (ConfigurableApplicationContext application = PoolsApplication.run();
             Violations violations = new Violations(application)) {
            DataSource regional = application.getBean("regionalDataSource", DataSource.class);
            assertInstanceOf(IntegrityDataSource.class, regional);
            // what Spring Boot's health contributor asks of a routing DataSource
            assertTrue(regional.isWrapperFor(AbstractRoutingDataSource.class));
            assertEquals(2, regional.unwrap(AbstractRoutingDataSource.class).getResolvedDataSources().size());

            ViolationReport report = KeyedRouting.with("us", () -> {
                Shop.insert(regional, 1, "grace@example.com", 45);
                return reportOf(() -> Shop.insert(regional, 1, "hopper@example.com", 46));
            });
            assertEquals("regionalDataSource", report.dataSource());
            assertEquals(ViolationKind.PRIMARY_KEY, report.kind());
            assertEquals(1.0, violations.count("regionalDataSource"));
            assertEquals(1, violations.lines().size(), violations.lines().toString());
        }
    }

    @Test
    void routingToWrappedBeans_isLeftAlone_andEachViolationIsExplainedOnceByItsTarget() {
        try (ConfigurableApplicationContext application = PoolsApplication.run();
             Violations violations = new Violations(application)) {
            DataSource tenants = application.getBean("tenantDataSource", DataSource.class);
            assertInstanceOf(KeyedRouting.class, tenants, "its targets explain already");

            ViolationReport report = KeyedRouting.with("customers", () -> {
                Shop.insert(tenants, 7, "linus@example.com", 50);
                return reportOf(() -> Shop.insert(tenants, 7, "linus.t@example.com", 51));
            });
            assertEquals("customersDataSource", report.dataSource());
            assertEquals(ViolationKind.PRIMARY_KEY, report.kind());
            assertEquals(1.0, violations.count("customersDataSource"));
            assertEquals(0.0, violations.count("tenantDataSource"));
            assertEquals(1, violations.lines().size(), violations.lines().toString());
        }
    }

    @Test
    void scopedProxy_isWrapped_notItsTarget() {
        try (ConfigurableApplicationContext application = PoolsApplication.run();
             Violations violations = new Violations(application)) {
            DataSource perThread = application.getBean("perThreadDataSource", DataSource.class);
            assertInstanceOf(IntegrityDataSource.class, perThread);
            ViolationReport report = CompletableFuture.supplyAsync(() -> {
                Shop.createTable(perThread); // a new thread, a new target
                return reportOf(() -> Shop.insert(perThread, 1, "ken@example.com", -1));
            }).join();
            assertEquals("perThreadDataSource", report.dataSource());
            assertEquals(ViolationKind.CHECK, report.kind());
            assertEquals(1.0, violations.count("perThreadDataSource"));
            assertEquals(0.0, violations.count("scopedTarget.perThreadDataSource"));
            assertEquals(1, violations.lines().size(), violations.lines().toString());
        }
    }

    @Test
    void excludedBean_isLeftAsItIs() {
        try (ConfigurableApplicationContext application = PoolsApplication.run(
                "--integrity.datasource.exclude=customersDataSource")) {
            assertInstanceOf(HikariDataSource.class, application.getBean("customersDataSource"));
            assertInstanceOf(IntegrityDataSource.class, application.getBean("ordersDataSource"));
            DataSource customers = application.getBean("customersDataSource", DataSource.class);
            Shop.insert(customers, 1, "alan@example.com", 41);
            DataIntegrityViolationException e = assertThrows(DataIntegrityViolationException.class,
                    () -> Shop.insert(customers, 1, "turing@example.com", 41));
            assertFalse(IntegrityViolations.find(e).isPresent());
        }
    }

    @Test
    void enabledFalse_leavesEveryBeanAsItIs_andHikarisMetricsAsTheyWere() {
        try (ConfigurableApplicationContext application = PoolsApplication.run("--integrity.datasource.enabled=false")) {
            Map<String, DataSource> beans = application.getBeansOfType(DataSource.class);
            assertEquals(List.of("ordersDataSource", "customersDataSource", "regionalDataSource", "tenantDataSource",
                    "scopedTarget.perThreadDataSource", "perThreadDataSource"), List.copyOf(beans.keySet()));
            assertInstanceOf(HikariDataSource.class, beans.get("ordersDataSource"));
            assertInstanceOf(HikariDataSource.class, beans.get("customersDataSource"));
            assertInstanceOf(KeyedRouting.class, beans.get("regionalDataSource"));
            assertFalse(beans.get("perThreadDataSource") instanceof IntegrityDataSource);
            assertTrue(beans.values().stream().noneMatch(IntegrityDataSource.class::isInstance));
            MeterRegistry registry = application.getBean(MeterRegistry.class);
            assertNotNull(registry.find("hikaricp.connections").tag("pool", "orders").gauge());
        }
    }

    @Test
    void springProperties_configureTheWrappedBeans() {
        try (ConfigurableApplicationContext application = PoolsApplication.run("--integrity.mask=email",
                "--integrity.log.rate=1/1h", "--integrity.mode=preserve");
             Violations violations = new Violations(application)) {
            DataSource customers = application.getBean("customersDataSource", DataSource.class);
            Shop.insert(customers, 1, "barbara@example.com", 30);
            DataIntegrityViolationException e = assertThrows(DataIntegrityViolationException.class,
                    () -> Shop.insert(customers, 2, "barbara@example.com", 31));
            assertEquals("org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException", e.getCause().getClass().getName(),
                    "integrity.mode=preserve: H2's own exception");
            ViolationReport first = IntegrityViolations.find(e).orElseThrow();
            assertEquals("****", first.offendingValues().get("EMAIL"), "integrity.mask=email");
            // the limiter's windows are per JVM, by data source, kind, table and constraint: a key no other test uses
            for (int id = 3; id <= 4; id++) {
                int row = id;
                assertEquals(ViolationKind.CHECK, reportOf(() -> Shop.insert(customers, row, row + "@example.com", -1))
                        .kind());
            }
            assertEquals(3.0, violations.count("customersDataSource"), "every violation counted");
            List<String> checks = violations.lines().stream()
                    .filter(line -> line.contains("IJ_BOOT_CUSTOMER_AGE_CK")).toList();
            assertEquals(1, checks.size(), "integrity.log.rate=1/1h: " + violations.lines());
        }
    }

    @Test
    void invalidSetting_failsTheStart_namingTheKey() {
        BeanCreationException e = assertThrows(BeanCreationException.class,
                () -> PoolsApplication.run("--integrity.mode=sometimes").close());
        Throwable cause = e;
        while (cause.getCause() != null && !cause.getMessage().contains("integrity.mode")) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("Invalid value 'sometimes' for integrity.mode"), e.toString());
    }

    @Test
    void closingTheApplication_closesThePools() throws SQLException {
        HikariDataSource orders;
        try (ConfigurableApplicationContext application = PoolsApplication.run()) {
            orders = application.getBean("ordersDataSource", DataSource.class).unwrap(HikariDataSource.class);
            assertFalse(orders.isClosed());
        }
        assertTrue(orders.isClosed(), "Spring calls the pool's close, not the wrapper's");
    }
}
