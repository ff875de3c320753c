package io.github.integrityjdbc.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code integrity.*} Spring properties: the driver's settings for the DataSource beans that
 * {@link IntegrityAutoConfiguration} wraps, and which beans it wraps. A setting left unset is the driver's: its JVM
 * system property of the same key ({@code -Dintegrity.mode=preserve}), else its default. {@code integrity.log.rate}
 * is read beside these (a property cannot be both {@code integrity.log} and the parent of
 * {@code integrity.log.rate}); its metadata is in {@code additional-spring-configuration-metadata.json}.
 */
@ConfigurationProperties(prefix = "integrity")
public class IntegrityProperties {

    /**
     * wrap: throw an enriched exception whose cause is the original; preserve: rethrow the original exception with
     * the explanation attached as a suppressed exception.
     */
    private String mode;

    /**
     * Comma-separated, case-insensitive fragments of column names whose values are shown as ****. Empty: nothing
     * masked.
     */
    private String mask;

    /** Values longer than this many characters are cut in explanations, logs and reports. */
    private Integer maxValueLength;

    /** Log violations at WARN on logger io.github.integrityjdbc.violations, as integrity.log.rate allows. */
    private Boolean log;

    /** Count violations in the Micrometer counter jdbc.integrity.violations. */
    private Boolean metrics;

    /** Which DataSource beans are wrapped. */
    private final DataSourceBeans datasource = new DataSourceBeans();

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getMask() {
        return mask;
    }

    public void setMask(String mask) {
        this.mask = mask;
    }

    public Integer getMaxValueLength() {
        return maxValueLength;
    }

    public void setMaxValueLength(Integer maxValueLength) {
        this.maxValueLength = maxValueLength;
    }

    public Boolean getLog() {
        return log;
    }

    public void setLog(Boolean log) {
        this.log = log;
    }

    public Boolean getMetrics() {
        return metrics;
    }

    public void setMetrics(Boolean metrics) {
        this.metrics = metrics;
    }

    public DataSourceBeans getDatasource() {
        return datasource;
    }

    /** {@code integrity.datasource.*}: which DataSource beans are wrapped. */
    public static class DataSourceBeans {

        /**
         * Wrap every DataSource bean after its initialization, named by its bean name, so that its connections
         * explain violations. false: no bean is wrapped (a jdbc:integrity: URL still works).
         */
        private boolean enabled = true;

        /** Names of DataSource beans not to wrap. */
        private List<String> exclude = new ArrayList<>();

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public List<String> getExclude() {
            return exclude;
        }

        public void setExclude(List<String> exclude) {
            this.exclude = exclude;
        }
    }
}
