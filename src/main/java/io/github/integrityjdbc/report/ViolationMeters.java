package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import java.util.Locale;

/**
 * The counter {@value #NAME}, tagged by kind, table, constraint and data source. Tag values are lower case, and
 * {@code unknown} where the database did not tell; SQL and values never become tags.
 */
public final class ViolationMeters {

    /** The meter name. */
    public static final String NAME = "jdbc.integrity.violations";

    private ViolationMeters() {
    }

    /** Counts {@code report} in {@code registry}, or in Micrometer's global registry when it is null. */
    public static void count(MeterRegistry registry, ViolationReport report) {
        Counter.builder(NAME)
                .description("Statements rejected by the database for an integrity violation or a data error")
                .tag("kind", report.kind().name().toLowerCase(Locale.ROOT))
                .tag("table", tag(report.table().orElse(null)))
                .tag("constraint", tag(report.constraint().orElse(null)))
                .tag("datasource", report.dataSource() == null ? "unknown" : report.dataSource())
                .register(registry == null ? Metrics.globalRegistry : registry)
                .increment();
    }

    private static String tag(String value) {
        return value == null || value.isEmpty() ? "unknown" : value.toLowerCase(Locale.ROOT);
    }
}
