package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.config.IntegrityConfig;

/**
 * The last stage: the violation's log line, count and JFR event, and its attributes on the application's current
 * span or observation, once the exception the application gets exists. A failure of any of them is logged at DEBUG
 * and never reaches the application.
 */
public final class ViolationPublisher {

    private static final DebugLog LOG = DebugLog.of(ViolationPublisher.class);

    private ViolationPublisher() {
    }

    public static void publish(IntegrityConfig config, ViolationReport report) {
        if (config.log() && OptionalLibraries.SLF4J) {
            try {
                ViolationLog.log(config, report);
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Could not log a violation", e);
            }
        }
        if (config.metrics() && OptionalLibraries.MICROMETER) {
            try {
                ViolationMeters.count(config.registry(), report);
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Could not count a violation", e);
            }
        }
        if (OptionalLibraries.OPENTELEMETRY) {
            try {
                OpenTelemetrySignal.record(report);
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Could not add a violation to the current span", e);
            }
        }
        if (OptionalLibraries.OBSERVATION) {
            try {
                ObservationSignal.record(report);
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Could not add a violation to the current observation", e);
            }
        }
        if (OptionalLibraries.JFR) {
            try {
                ViolationEvents.record(report);
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("Could not record a violation event", e);
            }
        }
    }
}
