package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.config.LogRate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One WARN event per violation on logger {@value #LOGGER_NAME}: a one-line message that leads with the data source
 * name, and the report's fields as key-value pairs (SLF4J 2 fluent API). Within {@code integrity.log.rate}
 * ({@link ViolationLogLimiter}); past it, one summary line per interval and kind of violation, with a
 * {@code suppressed} count and the last one's facts.
 */
public final class ViolationLog {

    /** The logger every violation is logged on. */
    public static final String LOGGER_NAME = "io.github.integrityjdbc.violations";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private ViolationLog() {
    }

    /** Logs {@code report}, or counts it as suppressed, as {@code config}'s {@code integrity.log.rate} allows. */
    public static void log(IntegrityConfig config, ViolationReport report) {
        if (!LOG.isWarnEnabled()) {
            return;
        }
        LogRate rate = config.logRate();
        if (rate.unlimited()) {
            event(report, report.dataSource() + " - " + report.explain()).log();
            return;
        }
        ViolationLogLimiter.Verdict verdict = ViolationLogLimiter.SHARED.admit(rate, report);
        if (verdict.summary()) {
            ViolationReport last = verdict.lastSuppressed();
            event(last, summary(verdict, rate)).addKeyValue("suppressed", verdict.suppressed()).log();
        }
        if (verdict.full()) {
            event(report, report.dataSource() + " - " + report.explain()).log();
        }
    }

    private static String summary(ViolationLogLimiter.Verdict verdict, LogRate rate) {
        ViolationReport last = verdict.lastSuppressed();
        String like = verdict.shared()
                ? "violations of kinds beyond the " + ViolationLogLimiter.MAX_KEYS + " tracked one by one"
                : "violations like it (" + last.kind() + last.table().map(t -> " on " + t).orElse("")
                        + last.constraint().map(c -> ", constraint " + c).orElse("") + ")";
        return last.dataSource() + " - " + verdict.suppressed() + " more " + like + " were not logged in full"
                + " (integrity.log.rate=" + rate.text() + "); the last: " + last.explain();
    }

    private static LoggingEventBuilder event(ViolationReport report, String message) {
        LoggingEventBuilder event = LOG.atWarn()
                .setMessage(ValueRenderer.escape(message))
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
        return event;
    }

    /** Names too can hold control characters (quoted identifiers): every text value is kept on one line. */
    private static String oneLine(String text) {
        return text == null ? "" : ValueRenderer.escape(text);
    }
}
