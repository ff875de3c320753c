package io.github.integrityjdbc;

import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.config.IntegrityProperty;
import io.github.integrityjdbc.diagnose.Explainer;
import io.github.integrityjdbc.driver.ConnectionSecrets;
import io.micrometer.core.instrument.MeterRegistry;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Wraps an existing {@link DataSource} (a pool, a vendor DataSource) so that its connections explain violations,
 * exactly as connections opened with a {@code jdbc:integrity:} URL do.
 *
 * <pre>{@code
 * DataSource dataSource = IntegrityDataSource.builder()
 *         .name("orders")
 *         .meterRegistry(registry)
 *         .wrap(hikariDataSource);
 * }</pre>
 */
public final class IntegrityDataSource implements DataSource {

    private final DataSource delegate;
    private final ConnectionWrapper wrapper;

    private IntegrityDataSource(DataSource delegate, ConnectionWrapper wrapper) {
        this.delegate = delegate;
        this.wrapper = wrapper;
    }

    /**
     * Wraps {@code dataSource} with the default settings (and any {@code integrity.*} JVM system properties; an
     * unknown one is ignored with a WARN).
     *
     * @throws SQLException when an {@code integrity.*} system property has an invalid value
     */
    public static DataSource wrap(DataSource dataSource) throws SQLException {
        return builder().wrap(dataSource);
    }

    /** Settings for a wrapped DataSource: the same as the {@code integrity.*} connection properties. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    /**
     * A connection of the wrapped DataSource. Where its failure repeats {@code password} in a message, the failure
     * is rethrown as a copy with the same SQLState and vendor code and the password masked.
     */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Connection connection;
        try {
            connection = delegate.getConnection(username, password);
        } catch (SQLException e) {
            throw ConnectionSecrets.of(password).mask(e);
        } catch (RuntimeException e) {
            throw ConnectionSecrets.of(password).mask(e);
        }
        return wrap(connection);
    }

    private Connection wrap(Connection connection) throws SQLException {
        return wrapper.wrap(connection, delegate, null);
    }

    /**
     * The wrapped DataSource for any type it is, {@code DataSource} included (a pool's own type; Spring Boot's
     * {@code DataSourceBuilder.derivedFrom} unwraps to {@code DataSource} to find the pool's settings); this wrapper
     * for {@code IntegrityDataSource}; the wrapped one's answer for anything else.
     */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface != null && iface.isInstance(delegate)) {
            return iface.cast(delegate);
        }
        if (iface != null && iface.isInstance(this)) {
            return iface.cast(this);
        }
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface != null && (iface.isInstance(this) || iface.isInstance(delegate) || delegate.isWrapperFor(iface));
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public String toString() {
        return "IntegrityDataSource[" + delegate + "]";
    }

    /** Settings of a wrapped DataSource; each defaults as its {@code integrity.*} key does. */
    public static final class Builder {
        private final Properties settings = new Properties();
        private MeterRegistry registry;
        private DataSource lookupDataSource;

        private Builder() {
        }

        /** {@code integrity.name}: the data source name in log lines and the datasource tag. */
        public Builder name(String name) {
            return set(IntegrityProperty.NAME, name);
        }

        /** {@code integrity.mode}: "wrap" (default) or "preserve". */
        public Builder mode(String mode) {
            return set(IntegrityProperty.MODE, mode);
        }

        /** {@code integrity.mask}: comma-separated column-name fragments whose values show as ****. */
        public Builder mask(String fragments) {
            return set(IntegrityProperty.MASK, fragments);
        }

        /** {@code integrity.maxValueLength}: characters kept of a long value (default 100). */
        public Builder maxValueLength(int length) {
            return set(IntegrityProperty.MAX_VALUE_LENGTH, Integer.toString(length));
        }

        /** {@code integrity.log}: one WARN event per violation (default true). */
        public Builder log(boolean enabled) {
            return set(IntegrityProperty.LOG, Boolean.toString(enabled));
        }

        /**
         * {@code integrity.log.rate}: full WARN lines per interval for each data source, kind, table and constraint
         * ({@code 10/1m} by default, or {@code unlimited}).
         */
        public Builder logRate(String rate) {
            return set(IntegrityProperty.LOG_RATE, rate);
        }

        /** {@code integrity.metrics}: count violations (default true). */
        public Builder metrics(boolean enabled) {
            return set(IntegrityProperty.METRICS, Boolean.toString(enabled));
        }

        /** The registry to count violations in; default Micrometer's global registry. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = registry;
            return this;
        }

        /**
         * A DataSource of the same database that opens a new, unpooled connection, for the schema lookups an
         * explanation cannot run on the application's connection (PostgreSQL inside a transaction, whose failed
         * statement aborted it): what the catalog alone knows, such as a CHECK constraint's columns or a primary
         * key told from a unique one. Opened only when a lookup misses the schema cache, closed at once. Not needed
         * for a HikariCP pool, whose own way of opening connections is used; without either, such a violation is
         * explained from the error and the statement alone. Never give the pool itself: asking it for a second
         * connection could wait for one to be free.
         */
        public Builder lookupDataSource(DataSource unpooled) {
            this.lookupDataSource = unpooled;
            return this;
        }

        private Builder set(IntegrityProperty property, String value) {
            settings.setProperty(property.key(), value);
            return this;
        }

        /**
         * @throws SQLException naming the setting, when one is invalid
         */
        public DataSource wrap(DataSource dataSource) throws SQLException {
            if (dataSource == null) {
                throw new SQLException("The DataSource to wrap is null", "HY000");
            }
            return new IntegrityDataSource(dataSource,
                    connectionWrapper(new LookupConnections(dataSource, lookupDataSource)));
        }

        /** These settings, checked, for connections whose DataSource is not known (datasource-proxy's). */
        ConnectionWrapper connectionWrapper() throws SQLException {
            return connectionWrapper(lookupDataSource == null ? null : lookupDataSource::getConnection);
        }

        /**
         * These settings, checked.
         *
         * @param lookupConnections where schema lookups may open a connection of their own; null for nowhere
         */
        private ConnectionWrapper connectionWrapper(Explainer.SeparateConnections lookupConnections)
                throws SQLException {
            IntegrityConfig.from(settings, System.getProperties(), "check"); // fail now, not at first connection
            return new ConnectionWrapper((Properties) settings.clone(), registry, lookupConnections);
        }
    }
}
