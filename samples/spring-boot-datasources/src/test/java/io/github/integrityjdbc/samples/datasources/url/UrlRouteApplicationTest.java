package io.github.integrityjdbc.samples.datasources.url;

import com.zaxxer.hikari.HikariDataSource;
import io.github.integrityjdbc.IntegrityDriver;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.samples.datasources.Shop;
import io.github.integrityjdbc.samples.datasources.Violations;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;

import static io.github.integrityjdbc.samples.datasources.Violations.reportOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The URL route with the auto-configuration present: Spring Boot's own pool gets integrity-jdbc's driver from the
 * URL alone (on this Boot generation's EnvironmentPostProcessor), is not wrapped a second time, and each violation
 * is explained once: one report, one log line, one count.
 */
class UrlRouteApplicationTest {

    @Test
    void urlRoutePool_isNotWrappedAgain_andEachViolationIsExplainedOnce() {
        try (ConfigurableApplicationContext application = UrlRouteApplication.run();
             Violations violations = new Violations(application)) {
            DataSource dataSource = application.getBean(DataSource.class);
            HikariDataSource pool = assertInstanceOf(HikariDataSource.class, dataSource);
            assertEquals("jdbc:integrity:h2:mem:route", pool.getJdbcUrl());
            assertEquals(IntegrityDriver.class.getName(), pool.getDriverClassName());

            Shop.insert(dataSource, 1, "edsger@example.com", 72);
            ViolationReport report = reportOf(() -> Shop.insert(dataSource, 2, "edsger@example.com", 72));
            assertEquals("h2:mem:route", report.dataSource());
            assertEquals(ViolationKind.UNIQUE, report.kind());
            assertEquals(1, violations.lines().size(), violations.lines().toString());
            assertEquals(1.0, violations.count("h2:mem:route"));
        }
    }
}
