package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationReport;

/**
 * Commits a {@link ViolationEvent} for a report when a recording wants it. Called only when
 * {@link OptionalLibraries#JFR} is true, so that a runtime without module {@code jdk.jfr} never loads it.
 */
public final class ViolationEvents {

    private ViolationEvents() {
    }

    /** Records {@code report}; when no recording has the event enabled, returns after one check. */
    public static void record(ViolationReport report) {
        ViolationEvent event = new ViolationEvent(); // not allocated once compiled: it does not escape shouldCommit
        if (!event.shouldCommit()) {
            return;
        }
        event.kind = report.kind().name();
        event.constraint = report.constraint().orElse("");
        event.table = report.table().orElse("");
        event.columns = String.join(",", report.columns());
        event.sqlState = report.sqlState();
        event.vendorCode = report.vendorCode();
        event.dataSource = report.dataSource();
        event.database = report.database();
        event.batchRow = report.batchIndex().orElse(-1);
        event.sql = report.sql();
        event.commit();
    }
}
