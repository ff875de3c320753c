package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationReport;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The violation as key values of the Micrometer Observation current on the application's thread. Loaded only when
 * {@link OptionalLibraries#OBSERVATION} is true.
 *
 * <p>No registry has to be handed in: Micrometer keeps the current observation scope in one thread-local shared by
 * every registry it creates (as its own {@code ObservationThreadLocalAccessor} relies on), so a registry of our own
 * reads the application's current observation.
 *
 * <p>The key values are those of {@link SignalAttributes}, the same as the OpenTelemetry span's, added as high-cardinality
 * key values: they reach the observation's span, not the timer of an observation that is not ours (a new tag key
 * on, say, {@code http.server.requests} would split its series into one with the key and one without). The observation's error is left to its owner, who sees the enriched
 * exception if it propagates; a violation the application handles does not fail its observation.
 */
final class ObservationSignal {

    private static final ObservationRegistry CURRENT = ObservationRegistry.create();

    private ObservationSignal() {
    }

    /** Adds the report's key values to the current observation; nothing when none is current. */
    static void record(ViolationReport report) {
        Observation observation = CURRENT.getCurrentObservation();
        if (observation == null || observation.isNoop()) {
            return;
        }
        String sqlState = SignalAttributes.sqlState(report);
        if (sqlState != null) {
            observation.highCardinalityKeyValue(SignalAttributes.STATUS_CODE, sqlState);
            observation.highCardinalityKeyValue(SignalAttributes.ERROR_TYPE, sqlState);
        }
        observation.highCardinalityKeyValue(SignalAttributes.KIND, SignalAttributes.kind(report));
        String constraint = SignalAttributes.constraint(report);
        if (constraint != null) {
            observation.highCardinalityKeyValue(SignalAttributes.CONSTRAINT, constraint);
        }
        String table = SignalAttributes.table(report);
        if (table != null) {
            observation.highCardinalityKeyValue(SignalAttributes.TABLE, table);
        }
    }
}
