package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationReport;
import jdk.jfr.FlightRecorder;

/**
 * Commits a {@link ViolationEvent} for a report when a recording wants it. Called only when
 * {@link OptionalLibraries#JFR} is true, so that a runtime without module {@code jdk.jfr} never loads it. Until the
 * JVM has had a recording, the event class is not even loaded: {@link FlightRecorder#isInitialized()} is a volatile
 * read, and every recording (command line, {@code jcmd}, {@code Recording}, {@code RecordingStream}) initialises it.
 */
public final class ViolationEvents {

    private ViolationEvents() {
    }

    /** Records {@code report}; when no recording has the event enabled, returns after one or two checks. */
    public static void record(ViolationReport report) {
        if (!FlightRecorder.isInitialized()) {
            return;
        }
        ViolationEvent event = new ViolationEvent(); // once compiled, not allocated when shouldCommit is false
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
