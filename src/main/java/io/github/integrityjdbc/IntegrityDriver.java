package io.github.integrityjdbc;

import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.config.IntegrityProperty;
import io.github.integrityjdbc.diagnose.Explainer;
import io.github.integrityjdbc.driver.ConnectionSecrets;
import io.github.integrityjdbc.driver.DelegateDrivers;
import io.github.integrityjdbc.driver.DelegateUrl;
import io.github.integrityjdbc.proxy.ProxyFactory;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for URLs of the form {@code jdbc:integrity:<the real URL without jdbc:>}, for example
 * {@code jdbc:integrity:postgresql://db/app}. It opens the real connection with the real driver and hands back a
 * proxy that explains integrity violations and data errors. Registered with {@link DriverManager} when loaded
 * (through {@code META-INF/services/java.sql.Driver}).
 *
 * <p>Connection properties whose key starts with {@code integrity.} configure the proxy (see
 * {@link IntegrityProperty}) and are not passed to the real driver; JVM system properties with the same keys set
 * defaults. An unknown {@code integrity.*} key fails the connection when it is a connection property, and is ignored
 * with one WARN when it is a system property (something else in the JVM may use that prefix).
 */
public final class IntegrityDriver implements Driver {

    /** The major version of this driver. */
    public static final int MAJOR_VERSION = 0;
    /** The minor version of this driver. */
    public static final int MINOR_VERSION = 1;

    private static final IntegrityDriver INSTANCE = new IntegrityDriver();

    static {
        try {
            DriverManager.registerDriver(INSTANCE);
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Opens a connection through the real driver and returns its proxy.
     *
     * @return null when the URL does not start with {@code jdbc:integrity:} (the JDBC contract)
     * @throws SQLException when no driver accepts the delegate URL (the URL shown with passwords masked), when an
     *                      {@code integrity.*} setting is unknown or invalid, or when the real driver fails: then its
     *                      exception, or, where a message along it repeats a password of the URL or the properties,
     *                      a copy with the same SQLState and vendor code and those passwords masked
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (url == null) {
            throw new SQLException("The URL is null", "08001");
        }
        if (!acceptsURL(url)) {
            return null;
        }
        DelegateUrl.Settings inUrl = DelegateUrl.settings(DelegateUrl.delegate(url));
        String delegateUrl = inUrl.url();
        IntegrityConfig config = IntegrityConfig.from(withUrlSettings(info, inUrl), System.getProperties(),
                DelegateUrl.dataSourceName(delegateUrl));
        Driver delegate = DelegateDrivers.find(delegateUrl, IntegrityDriver.class);
        Properties delegateProperties = delegateProperties(info);
        ConnectionSecrets secrets = ConnectionSecrets.of(delegateUrl, delegateProperties);
        Connection connection = connect(delegate, delegateUrl, delegateProperties, secrets);
        if (connection == null) {
            throw new SQLException(delegate.getClass().getName() + " accepted " + DelegateUrl.masked(delegateUrl)
                    + " but returned no connection", "08001");
        }
        return wrap(connection, config, delegateUrl,
                () -> connect(delegate, delegateUrl, delegateProperties, secrets));
    }

    /** The real driver's connection; its failure without the passwords it may repeat. */
    private static Connection connect(Driver delegate, String url, Properties properties, ConnectionSecrets secrets)
            throws SQLException {
        try {
            return delegate.connect(url, properties);
        } catch (SQLException e) {
            throw secrets.mask(e);
        } catch (RuntimeException e) {
            throw secrets.mask(e);
        }
    }

    /**
     * The proxy for a connection of the real driver; shared with IntegrityDataSource.
     *
     * @param separateConnections opens a connection for schema lookups where the application's must not be used;
     *                            null where none may be opened
     */
    static Connection wrap(Connection connection, IntegrityConfig config, String databaseKey,
                           Explainer.SeparateConnections separateConnections) {
        return ProxyFactory.connection(connection, new Explainer(connection, config, databaseKey, separateConnections));
    }

    /** The connection's properties with the URL's {@code integrity.*} parameters, which win over the same keys. */
    private static Properties withUrlSettings(Properties info, DelegateUrl.Settings inUrl) {
        if (inUrl.settings().isEmpty()) {
            return info;
        }
        Properties merged = new Properties();
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                merged.setProperty(key, info.getProperty(key));
            }
        }
        inUrl.settings().forEach(merged::setProperty);
        return merged;
    }

    private static Properties delegateProperties(Properties info) {
        Properties delegate = new Properties();
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                if (!key.startsWith(IntegrityProperty.PREFIX)) {
                    delegate.setProperty(key, info.getProperty(key));
                }
            }
        }
        return delegate;
    }

    /** True exactly for non-null URLs that start with {@code jdbc:integrity:} and name a delegate after it. */
    @Override
    public boolean acceptsURL(String url) throws SQLException {
        if (url == null) {
            throw new SQLException("The URL is null", "08001");
        }
        return DelegateUrl.accepts(url);
    }

    /** The {@code integrity.*} settings, followed by the delegate driver's own properties when it can be found. */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        IntegrityProperty[] properties = IntegrityProperty.values();
        DriverPropertyInfo[] delegateInfo = new DriverPropertyInfo[0];
        if (url != null && acceptsURL(url)) {
            try {
                String delegateUrl = DelegateUrl.settings(DelegateUrl.delegate(url)).url();
                delegateInfo = DelegateDrivers.find(delegateUrl, IntegrityDriver.class)
                        .getPropertyInfo(delegateUrl, delegateProperties(info));
            } catch (SQLException e) {
                // no delegate driver yet: describe our own settings only
            }
        }
        DriverPropertyInfo[] result = new DriverPropertyInfo[properties.length + delegateInfo.length];
        for (int i = 0; i < properties.length; i++) {
            IntegrityProperty p = properties[i];
            String value = info == null ? null : info.getProperty(p.key());
            DriverPropertyInfo property = new DriverPropertyInfo(p.key(), value != null ? value : p.defaultValue());
            property.description = p.description();
            property.required = false;
            property.choices = p.choices().length == 0 ? null : p.choices();
            result[i] = property;
        }
        System.arraycopy(delegateInfo, 0, result, properties.length, delegateInfo.length);
        return result;
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /**
     * False: this driver is as compliant as the driver it delegates to, which it cannot vouch for (JDBC reserves
     * true for drivers that pass the compliance tests).
     */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    /** This driver logs through SLF4J, not java.util.logging. */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("integrity-jdbc logs through SLF4J, not java.util.logging");
    }
}
