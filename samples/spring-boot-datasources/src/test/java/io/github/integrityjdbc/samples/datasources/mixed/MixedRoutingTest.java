package io.github.integrityjdbc.samples.datasources.mixed;

import com.zaxxer.hikari.HikariDataSource;
import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.samples.datasources.KeyedRouting;
import io.github.integrityjdbc.samples.datasources.Shop;
import io.github.integrityjdbc.samples.datasources.Violations;
import io.github.integrityjdbc.samples.datasources.pools.PoolsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.Map;

import static io.github.integrityjdbc.samples.datasources.Violations.reportOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A routing DataSource over a wrapped bean and a pool of its own: the auto-configuration cannot leave it alone, so
 * it is wrapped; a connection of the wrapped bean is handed out as it is, so each violation is still explained once,
 * named by whichever DataSource explained it.
 */
class MixedRoutingTest {

    /** Beside {@link PoolsApplication}'s beans (a package of its own: the application does not scan it). */
    @Configuration(proxyBeanMethods = false)
    static class MixedRouting {
        @Bean
        KeyedRouting mixedDataSource(@Qualifier("customersDataSource") DataSource customers) {
            DataSource own = DataSourceBuilder.create().type(HikariDataSource.class).url("jdbc:h2:mem:mixed").build();
            return new KeyedRouting(Map.of("customers", customers, "own", own), own);
        }
    }

    @Test
    void routingOverAWrappedBeanAndAPoolOfItsOwn_isWrapped_andEachViolationIsExplainedOnce() {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(PoolsApplication.class,
                MixedRouting.class).properties("spring.config.name=pools").run();
             Violations violations = new Violations(application)) {
            DataSource mixed = application.getBean("mixedDataSource", DataSource.class);
            assertInstanceOf(IntegrityDataSource.class, mixed);

            ViolationReport throughBean = KeyedRouting.with("customers", () -> {
                Shop.insert(mixed, 1, "margaret@example.com", 40);
                return reportOf(() -> Shop.insert(mixed, 1, "hamilton@example.com", 40));
            });
            assertEquals("customersDataSource", throughBean.dataSource());
            ViolationReport throughOwn = KeyedRouting.with("own", () -> {
                Shop.createTable(mixed);
                Shop.insert(mixed, 1, "katherine@example.com", 50);
                return reportOf(() -> Shop.insert(mixed, 1, "johnson@example.com", 50));
            });
            assertEquals("mixedDataSource", throughOwn.dataSource());

            assertEquals(1.0, violations.count("customersDataSource"));
            assertEquals(1.0, violations.count("mixedDataSource"));
            assertEquals(2, violations.lines().size(), violations.lines().toString());
        }
    }
}
