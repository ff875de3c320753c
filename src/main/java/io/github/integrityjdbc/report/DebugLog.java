package io.github.integrityjdbc.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DEBUG lines about integrity-jdbc itself (an explanation that failed), through SLF4J when the application has it
 * and nowhere otherwise. Only the nested {@code Slf4j} class touches SLF4J, and it is loaded only when SLF4J is there.
 */
public final class DebugLog {

    private final Object logger;

    private DebugLog(Object logger) {
        this.logger = logger;
    }

    /** The debug log of {@code source}, named after it as an SLF4J logger would be. */
    public static DebugLog of(Class<?> source) {
        return new DebugLog(OptionalLibraries.SLF4J ? Slf4j.logger(source) : null);
    }

    /** Logs at DEBUG in SLF4J's {@code {}} format; a trailing Throwable is logged with its stack trace. */
    public void debug(String format, Object... arguments) {
        if (logger != null) {
            Slf4j.debug(logger, format, arguments);
        }
    }

    private static final class Slf4j {
        static Object logger(Class<?> source) {
            return LoggerFactory.getLogger(source);
        }

        static void debug(Object logger, String format, Object[] arguments) {
            ((Logger) logger).debug(format, arguments);
        }
    }
}
