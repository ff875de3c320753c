package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationReport;

import java.util.Locale;

/**
 * The names and values that {@link OpenTelemetrySignal} and {@link ObservationSignal} attach to the application's
 * current span or observation; in a class of its own that imports no optional library, so that either integration
 * loads without the other's library.
 */
final class SignalAttributes {

    /** The SQLState (database semantic conventions, stable). */
    static final String STATUS_CODE = "db.response.status_code";
    /** The SQLState too: the conventions let {@code error.type} match {@code db.response.status_code}. */
    static final String ERROR_TYPE = "error.type";
    /** The violation's kind as the counter's {@code kind} tag: {@code unique}, {@code foreign_key}, ... */
    static final String KIND = "db.integrity.kind";
    /** The constraint's name, lower case; absent when the database did not say. */
    static final String CONSTRAINT = "db.integrity.constraint";
    /** The table's name, lower case; absent when the database did not say. */
    static final String TABLE = "db.integrity.table";

    private SignalAttributes() {
    }

    static String kind(ViolationReport report) {
        return report.kind().name().toLowerCase(Locale.ROOT);
    }

    /** The SQLState, or null when the database gave none. */
    static String sqlState(ViolationReport report) {
        String sqlState = report.sqlState();
        return sqlState == null || sqlState.isEmpty() ? null : sqlState;
    }

    static String constraint(ViolationReport report) {
        return lowerCase(report.constraint().orElse(null));
    }

    static String table(ViolationReport report) {
        return lowerCase(report.table().orElse(null));
    }

    private static String lowerCase(String name) {
        return name == null || name.isEmpty() ? null : name.toLowerCase(Locale.ROOT);
    }
}
