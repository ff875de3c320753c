package io.github.integrityjdbc.config;

import io.github.integrityjdbc.report.OptionalLibraries;
import io.micrometer.core.instrument.MeterRegistry;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings of one connection, read once when it is opened. Immutable.
 */
public final class IntegrityConfig {

    /** What the application gets when a violation is explained. */
    public enum Mode {
        /** An enriched exception of a standard JDBC type, with the original as its cause. */
        WRAP,
        /** The original exception object, with the explanation attached as a suppressed exception. */
        PRESERVE
    }

    /** The logger that says an unknown {@code integrity.*} system property is ignored. */
    public static final String LOGGER_NAME = "io.github.integrityjdbc.config";

    /** Unknown system property keys already logged: once per key and JVM, however many connections are opened. */
    private static final Set<String> WARNED_SYSTEM_KEYS = ConcurrentHashMap.newKeySet();

    private final String name;
    private final Mode mode;
    private final List<String> maskFragments;
    private final int maxValueLength;
    private final boolean log;
    private final LogRate logRate;
    private final boolean metrics;
    private final MeterRegistry registry;

    public IntegrityConfig(String name, Mode mode, List<String> maskFragments, int maxValueLength,
                           boolean log, LogRate logRate, boolean metrics, MeterRegistry registry) {
        this.name = name;
        this.mode = mode;
        this.maskFragments = List.copyOf(maskFragments);
        this.maxValueLength = maxValueLength;
        this.log = log;
        this.logRate = logRate;
        this.metrics = metrics;
        this.registry = registry;
    }

    /**
     * Reads the {@code integrity.*} keys of {@code info}, falling back to JVM system properties of the same keys,
     * then to the defaults.
     *
     * <p>An unknown {@code integrity.*} key in {@code info} is a typo in this connection's settings and fails it. An
     * unknown one among the system properties may have been set by anything else in the JVM (a build tool's
     * {@code -Dintegrity.jar=...}): it is ignored, with one WARN per key and JVM on logger {@value #LOGGER_NAME};
     * the Spring Boot auto-configuration's keys ({@link IntegrityProperty#SPRING_PREFIX}) without one.
     *
     * @param info connection properties, may be null
     * @param system the JVM's system properties, may be null
     * @param defaultName the data source name used when {@code integrity.name} is not set
     * @throws SQLException naming the key, for an unknown {@code integrity.*} key in {@code info} or a value out of
     *                      its domain (from either source)
     */
    public static IntegrityConfig from(Properties info, Properties system, String defaultName) throws SQLException {
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                if (isUnknown(key)) {
                    throw new SQLException("Unknown configuration key '" + key + "'; known keys: "
                            + knownKeys(), "HY000");
                }
            }
        }
        if (system != null) {
            for (String key : system.stringPropertyNames()) {
                if (isUnknown(key) && !IntegrityProperty.isSpringKey(key) && WARNED_SYSTEM_KEYS.add(key)) {
                    IgnoredKeyLog.warn("Ignoring JVM system property '" + key + "': it is not an integrity-jdbc "
                            + "setting (known keys: " + knownKeys() + ")");
                }
            }
        }
        String name = value(IntegrityProperty.NAME, info, system);
        return new IntegrityConfig(
                name == null || name.isBlank() ? defaultName : name.trim(),
                parseMode(value(IntegrityProperty.MODE, info, system)),
                parseMask(value(IntegrityProperty.MASK, info, system)),
                parseLength(value(IntegrityProperty.MAX_VALUE_LENGTH, info, system)),
                parseBoolean(IntegrityProperty.LOG, value(IntegrityProperty.LOG, info, system)),
                parseLogRate(value(IntegrityProperty.LOG_RATE, info, system)),
                parseBoolean(IntegrityProperty.METRICS, value(IntegrityProperty.METRICS, info, system)),
                null);
    }

    /** A copy of this configuration that counts violations in {@code registry}. */
    public IntegrityConfig withRegistry(MeterRegistry registry) {
        return new IntegrityConfig(name, mode, maskFragments, maxValueLength, log, logRate, metrics, registry);
    }

    /** Any case: {@code Integrity.Mode} is a misspelt key, not a setting for the real driver. */
    private static boolean isUnknown(String key) {
        return key.toLowerCase(Locale.ROOT).startsWith(IntegrityProperty.PREFIX)
                && IntegrityProperty.forKey(key) == null;
    }

    private static String value(IntegrityProperty property, Properties info, Properties system) {
        String value = info == null ? null : info.getProperty(property.key());
        if (value == null && system != null) {
            value = system.getProperty(property.key());
        }
        return value == null ? property.defaultValue() : value;
    }

    private static Mode parseMode(String value) throws SQLException {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "wrap":
                return Mode.WRAP;
            case "preserve":
                return Mode.PRESERVE;
            default:
                throw invalid(IntegrityProperty.MODE, value, "wrap or preserve");
        }
    }

    private static List<String> parseMask(String value) {
        List<String> fragments = new ArrayList<>();
        for (String part : value.split(",")) {
            String fragment = part.trim().toLowerCase(Locale.ROOT);
            if (!fragment.isEmpty()) {
                fragments.add(fragment);
            }
        }
        return fragments;
    }

    private static int parseLength(String value) throws SQLException {
        try {
            int length = Integer.parseInt(value.trim());
            if (length >= 1) {
                return length;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(IntegrityProperty.MAX_VALUE_LENGTH, value, "a whole number of at least 1");
    }

    private static LogRate parseLogRate(String value) throws SQLException {
        try {
            return LogRate.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(IntegrityProperty.LOG_RATE, value, LogRate.EXPECTED);
        }
    }

    private static boolean parseBoolean(IntegrityProperty property, String value) throws SQLException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw invalid(property, value, "true or false");
    }

    private static SQLException invalid(IntegrityProperty property, String value, String expected) {
        return new SQLException("Invalid value '" + value + "' for " + property.key() + ": expected " + expected,
                "HY000");
    }

    private static String knownKeys() {
        StringBuilder keys = new StringBuilder();
        for (IntegrityProperty property : IntegrityProperty.values()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(property.key());
        }
        return keys.toString();
    }

    public String name() {
        return name;
    }

    public Mode mode() {
        return mode;
    }

    public int maxValueLength() {
        return maxValueLength;
    }

    public boolean log() {
        return log;
    }

    /** How many full WARN lines each kind of violation may write per interval. */
    public LogRate logRate() {
        return logRate;
    }

    public boolean metrics() {
        return metrics;
    }

    /** The registry to count in; null for Micrometer's global registry (not named here: Micrometer is optional). */
    public MeterRegistry registry() {
        return registry;
    }

    /** True when some column names are masked (integrity.mask is not empty). */
    public boolean masks() {
        return !maskFragments.isEmpty();
    }

    /**
     * True when a masked fragment occurs in {@code text}, case-insensitively: a text in which none occurs names no
     * masked column. A quick filter only; what is masked is decided by position.
     */
    public boolean mentionsMasked(String text) {
        if (text == null || maskFragments.isEmpty()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String fragment : maskFragments) {
            if (lower.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /** True when values of a column of this name must never be shown. */
    public boolean isMasked(String column) {
        return mentionsMasked(column); // a column is masked when its name holds a fragment
    }

    /** WARN through SLF4J when the application has it, else through the JDK's platform logger: never silent. */
    private static final class IgnoredKeyLog {
        static void warn(String message) {
            if (OptionalLibraries.SLF4J) {
                Slf4j.warn(message);
            } else {
                System.getLogger(LOGGER_NAME).log(System.Logger.Level.WARNING, message);
            }
        }

        /** Loaded only when SLF4J is present. */
        private static final class Slf4j {
            static void warn(String message) {
                org.slf4j.LoggerFactory.getLogger(LOGGER_NAME).warn(message);
            }
        }
    }
}
