package io.github.integrityjdbc;

import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.driver.DelegateUrl;
import io.micrometer.core.instrument.MeterRegistry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Puts the proxy around connections that something else opened (a DataSource, datasource-proxy): the settings of
 * {@link IntegrityDataSource.Builder}, read once at the first connection, whose URL names the database.
 */
final class ConnectionWrapper {

    private final Properties settings;
    private final MeterRegistry registry;
    private volatile IntegrityConfig config;
    private volatile String databaseKey;

    ConnectionWrapper(Properties settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    /**
     * @param source what opened the connection, naming the database when the connection's metadata cannot
     * @param defaultName the data source name unless {@code integrity.name} is set; null for one from the URL
     */
    Connection wrap(Connection connection, Object source, String defaultName) throws SQLException {
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
        // No separate lookup connections from a pool: asking it for a second one could wait for one to be free.
        return IntegrityDriver.wrap(connection, current, databaseKey, null);
    }

    private static void closeQuietly(Connection connection, SQLException failure) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
