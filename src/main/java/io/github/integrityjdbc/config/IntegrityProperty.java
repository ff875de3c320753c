package io.github.integrityjdbc.config;

import java.util.Locale;

/**
 * Every configuration key of the driver, with its default and description. This one enum parses the
 * {@code integrity.*} connection properties, answers {@code Driver.getPropertyInfo} and is the table in README.md.
 */
public enum IntegrityProperty {

    NAME("integrity.name", null,
            "Name of the data source in log lines and in the meters' datasource tag. "
                    + "Default: the delegate URL without jdbc:, credentials and properties."),
    MODE("integrity.mode", "wrap",
            "wrap: throw an enriched exception whose cause is the original; "
                    + "preserve: rethrow the original exception with the explanation attached as a suppressed exception.",
            "wrap", "preserve"),
    MASK("integrity.mask", "password,passwd,secret,token,apikey,api_key,ssn,card_number,cvv",
            "Comma-separated, case-insensitive fragments of column names whose values are shown as ****."),
    MAX_VALUE_LENGTH("integrity.maxValueLength", "100",
            "Values longer than this many characters are cut in explanations, logs and reports."),
    LOG("integrity.log", "true",
            "Log violations at WARN on logger io.github.integrityjdbc.violations, as integrity.log.rate allows.",
            "true", "false"),
    LOG_RATE("integrity.log.rate", "10/1m",
            "At most this many full WARN lines per interval for each data source, kind, table and constraint "
                    + "(<lines>/<interval>, interval in ms, s, m or h, e.g. 10/1m; or unlimited); the next violation "
                    + "after the interval first writes one line saying how many were not logged, with the last one's "
                    + "explanation. The counter counts every violation."),
    METRICS("integrity.metrics", "true",
            "Count violations in the Micrometer counter jdbc.integrity.violations.", "true", "false");

    /** Every key of this driver starts with this prefix; such keys are never passed to the delegate driver. */
    public static final String PREFIX = "integrity.";

    /**
     * The prefix of the Spring Boot auto-configuration's own keys ({@code integrity.datasource.enabled},
     * {@code integrity.datasource.exclude}): which beans are wrapped, not a setting of a connection. Given as JVM
     * system properties they are Spring's, and the driver passes over them without a WARN.
     */
    public static final String SPRING_PREFIX = "integrity.datasource.";

    private final String key;
    private final String defaultValue;
    private final String description;
    private final String[] choices;

    IntegrityProperty(String key, String defaultValue, String description, String... choices) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.choices = choices;
    }

    public String key() {
        return key;
    }

    /** The default value, or null where the default is derived (see the description). */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The allowed values, empty when any value of the right shape is allowed. */
    public String[] choices() {
        return choices.clone();
    }

    /** True for a key of the Spring Boot auto-configuration ({@link #SPRING_PREFIX}), in any case. */
    public static boolean isSpringKey(String key) {
        return key.toLowerCase(Locale.ROOT).startsWith(SPRING_PREFIX);
    }

    /** The property with this exact key, or null. */
    public static IntegrityProperty forKey(String key) {
        for (IntegrityProperty property : values()) {
            if (property.key.equals(key)) {
                return property;
            }
        }
        return null;
    }
}
