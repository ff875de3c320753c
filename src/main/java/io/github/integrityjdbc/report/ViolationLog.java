package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One WARN event per violation on logger {@value #LOGGER_NAME}: a one-line message that leads with the data source
 * name, and the report's fields as key-value pairs (SLF4J 2 fluent API).
 */
public final class ViolationLog {

    /** The logger every violation is logged on. */
    public static final String LOGGER_NAME = "io.github.integrityjdbc.violations";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private ViolationLog() {
    }

    public static void log(ViolationReport report) {
        if (!LOG.isWarnEnabled()) {
            return;
        }
        LoggingEventBuilder event = LOG.atWarn()
                .setMessage(ValueRenderer.escape(report.dataSource() + " - " + report.explain()))
                .addKeyValue("datasource", oneLine(report.dataSource()))
                .addKeyValue("kind", report.kind().name())
                .addKeyValue("constraint", oneLine(report.constraint().orElse("")))
                .addKeyValue("table", oneLine(report.table().orElse("")))
                .addKeyValue("columns", oneLine(String.join(",", report.columns())))
                .addKeyValue("sqlState", oneLine(report.sqlState()))
                .addKeyValue("vendorCode", report.vendorCode())
                .addKeyValue("database", oneLine(report.database()))
                .addKeyValue("sql", oneLine(report.sql()))
                .addKeyValue("parameters", oneLine("[" + String.join(", ", report.parameters()) + "]"))
                .addKeyValue("offending", oneLine(report.offendingValues().toString()));
        if (report.batchIndex().isPresent()) {
            event = event.addKeyValue("batchIndex", report.batchIndex().getAsInt());
        }
        event.log();
    }

    /** Names too can hold control characters (quoted identifiers): every text value is kept on one line. */
    private static String oneLine(String text) {
        return text == null ? "" : ValueRenderer.escape(text);
    }
}
