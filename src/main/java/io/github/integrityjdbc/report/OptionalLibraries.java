package io.github.integrityjdbc.report;

/**
 * Which optional libraries the application has. SLF4J 2, Micrometer (core and Observation) and the OpenTelemetry
 * API are used when present and never required: the classes that import them ({@link ViolationLog},
 * {@link ViolationMeters}, {@link OpenTelemetrySignal}, {@link ObservationSignal}, {@link DebugLog}'s SLF4J half) are
 * loaded only when these flags are true, so the drop-in driver jar explains violations without any of them. The same
 * holds for JDK Flight Recorder ({@link ViolationEvents}), which a runtime may not have.
 */
public final class OptionalLibraries {

    /** True when the SLF4J 2 API (with its fluent event builder) can be loaded. */
    public static final boolean SLF4J = present("org.slf4j.spi.LoggingEventBuilder");
    /** True when Micrometer's core API can be loaded. */
    public static final boolean MICROMETER = present("io.micrometer.core.instrument.MeterRegistry");
    /** True when the OpenTelemetry trace API can be loaded ({@link OpenTelemetrySignal}). */
    public static final boolean OPENTELEMETRY = present("io.opentelemetry.api.trace.Span");
    /** True when Micrometer's Observation API can be loaded ({@link ObservationSignal}). */
    public static final boolean OBSERVATION = present("io.micrometer.observation.ObservationRegistry");
    /** True when HikariCP can be loaded: a wrapped pool's lookup connections (io.github.integrityjdbc.LookupConnections). */
    public static final boolean HIKARI = present("com.zaxxer.hikari.HikariDataSource");
    /** True when the runtime has JDK Flight Recorder's API (module jdk.jfr; a jlink'd runtime may leave it out). */
    public static final boolean JFR = present("jdk.jfr.Event");

    private OptionalLibraries() {
    }

    /** True when {@code className} can be loaded by integrity-jdbc's class loader (not initialised). */
    public static boolean present(String className) {
        try {
            Class.forName(className, false, OptionalLibraries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
