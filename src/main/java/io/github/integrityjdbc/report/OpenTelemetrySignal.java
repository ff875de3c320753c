package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationReport;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;

/**
 * The violation as attributes of the span current on the application's thread, through the OpenTelemetry API alone
 * (whatever SDK or agent the application runs provides the span). Loaded only when
 * {@link OptionalLibraries#OPENTELEMETRY} is true.
 *
 * <p>Recorded when a span is current and recording: the attributes of {@link SignalAttributes}. Never a value,
 * never SQL. Neither the span's status nor an exception event is set: the span is not ours (the application's, or
 * the OpenTelemetry JDBC instrumentation's, which records the exception it sees), the application may handle the
 * violation, and exceptions as span events are deprecated in favour of a log record, which the violation's WARN line
 * already is (README, "Signals").
 */
final class OpenTelemetrySignal {

    private static final AttributeKey<String> STATUS_CODE = AttributeKey.stringKey(SignalAttributes.STATUS_CODE);
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey(SignalAttributes.ERROR_TYPE);
    private static final AttributeKey<String> KIND = AttributeKey.stringKey(SignalAttributes.KIND);
    private static final AttributeKey<String> CONSTRAINT = AttributeKey.stringKey(SignalAttributes.CONSTRAINT);
    private static final AttributeKey<String> TABLE = AttributeKey.stringKey(SignalAttributes.TABLE);

    private OpenTelemetrySignal() {
    }

    /** Adds the report's attributes to the current span; nothing when none is current or it is not recording. */
    static void record(ViolationReport report) {
        Span span = Span.current();
        if (!span.getSpanContext().isValid() || !span.isRecording()) {
            return;
        }
        String sqlState = SignalAttributes.sqlState(report);
        if (sqlState != null) {
            span.setAttribute(STATUS_CODE, sqlState);
            span.setAttribute(ERROR_TYPE, sqlState);
        }
        span.setAttribute(KIND, SignalAttributes.kind(report));
        String constraint = SignalAttributes.constraint(report);
        if (constraint != null) {
            span.setAttribute(CONSTRAINT, constraint);
        }
        String table = SignalAttributes.table(report);
        if (table != null) {
            span.setAttribute(TABLE, table);
        }
    }
}
