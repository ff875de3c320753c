package io.github.integrityjdbc;

import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.diagnose.Explainer;
import io.github.integrityjdbc.driver.DelegateUrl;
import io.github.integrityjdbc.proxy.ConnectionProxy;
import io.micrometer.core.instrument.MeterRegistry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Puts the proxy around connections that something else opened (a DataSource, datasource-proxy): the settings of
 * {@link IntegrityDataSource.Builder}, read once at the first connection, whose URL names the database. A connection
 * that already explains (one of a {@code jdbc:integrity:} URL in a pool, or of a wrapped DataSource behind a routing
 * one that is wrapped too) is handed out as it is: a violation is explained, logged and counted once.
 */
final class ConnectionWrapper {

    private final Properties settings;
    private final MeterRegistry registry;
    private final Explainer.SeparateConnections lookupConnections;
    private volatile IntegrityConfig config;
    private volatile String databaseKey;

    /**
     * @param lookupConnections opens a connection for schema lookups where the application's must not be used; null
     *                          for none
     */
    ConnectionWrapper(Properties settings, MeterRegistry registry, Explainer.SeparateConnections lookupConnections) {
        this.settings = settings;
        this.registry = registry;
        this.lookupConnections = lookupConnections;
    }

    /**
     * @param source what opened the connection, naming the database when the connection's metadata cannot
     * @param defaultName the data source name unless {@code integrity.name} is set; null for one from the URL
     */
    Connection wrap(Connection connection, Object source, String defaultName) throws SQLException {
        if (explainsAlready(connection)) {
            return connection;
        }
        IntegrityConfig current = config;
        if (current == null) {
            String url;
            try {
                url = connection.getMetaData().getURL();
            } catch (SQLException | RuntimeException e) {
                url = null;
            }
            databaseKey = url == null ? source.getClass().getName() + '@' + System.identityHashCode(source) : url;
            String name = defaultName != null ? defaultName
                    : url == null ? source.getClass().getSimpleName() : DelegateUrl.dataSourceName(url);
            try {
                current = IntegrityConfig.from(settings, System.getProperties(), name);
            } catch (SQLException e) {
                closeQuietly(connection, e); // a bad -Dintegrity.* value: the application never gets this one
                throw e;
            }
            if (registry != null) {
                current = current.withRegistry(registry);
            }
            config = current;
        }
        return IntegrityDriver.wrap(connection, current, databaseKey, lookupConnections);
    }

    /** True when the connection is, or wraps, one of integrity-jdbc's proxies. */
    private static boolean explainsAlready(Connection connection) {
        if (connection instanceof ConnectionProxy) {
            return true;
        }
        try {
            return connection.isWrapperFor(ConnectionProxy.class);
        } catch (SQLException | RuntimeException | LinkageError e) {
            return false; // a driver that cannot answer wraps nothing of ours
        }
    }

    private static void closeQuietly(Connection connection, SQLException failure) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
