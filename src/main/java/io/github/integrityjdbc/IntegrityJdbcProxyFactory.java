package io.github.integrityjdbc;

import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.JdbcProxyFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;

import javax.sql.DataSource;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * For applications that build their DataSource with datasource-proxy's {@code ProxyDataSourceBuilder}: this
 * {@link JdbcProxyFactory} puts the integrity proxy between datasource-proxy and the real connection, so the
 * application (and every datasource-proxy listener, through {@code ExecutionInfo.getThrowable()}) gets the
 * explained exception, and the violation is logged and counted once.
 *
 * <pre>{@code
 * DataSource dataSource = ProxyDataSourceBuilder.create(realDataSource)
 *         .name("orders")
 *         .listener(myListener)
 *         .jdbcProxyFactory(IntegrityJdbcProxyFactory.create())
 *         .build();
 * }</pre>
 *
 * <p>The data source name in the log and the meter tag is the one given to datasource-proxy ({@code .name(...)})
 * unless the settings set {@code integrity.name}. datasource-proxy is an optional dependency: this class is the only
 * one that uses it, and nothing else loads it.
 */
public final class IntegrityJdbcProxyFactory implements JdbcProxyFactory {

    private final ConnectionWrapper wrapper;
    private final JdbcProxyFactory proxies;

    IntegrityJdbcProxyFactory(ConnectionWrapper wrapper, JdbcProxyFactory proxies) {
        this.wrapper = wrapper;
        this.proxies = proxies;
    }

    /** The factory with the default settings (and any {@code integrity.*} JVM system properties). */
    public static IntegrityJdbcProxyFactory create() throws SQLException {
        return create(IntegrityDataSource.builder());
    }

    /**
     * The factory with the settings of {@code settings} (name, mode, mask, registry, ...).
     *
     * @throws SQLException naming the setting, when one is invalid
     */
    public static IntegrityJdbcProxyFactory create(IntegrityDataSource.Builder settings) throws SQLException {
        return new IntegrityJdbcProxyFactory(settings.connectionWrapper(), JdbcProxyFactory.DEFAULT);
    }

    /** The real connection, behind the integrity proxy, behind datasource-proxy's own connection proxy. */
    @Override
    public Connection createConnection(Connection connection, ConnectionInfo connectionInfo, ProxyConfig config) {
        Connection explaining;
        try {
            explaining = wrapper.wrap(connection, connection, connectionInfo.getDataSourceName());
        } catch (SQLException e) {
            // settings were checked in create(); only a system property set since can fail here
            throw new IllegalStateException(e.getMessage(), e);
        }
        return proxies.createConnection(explaining, connectionInfo, config);
    }

    @Override
    public DataSource createDataSource(DataSource dataSource, ProxyConfig config) {
        return proxies.createDataSource(dataSource, config);
    }

    @Override
    public Statement createStatement(Statement statement, ConnectionInfo connectionInfo, Connection proxyConnection,
                                     ProxyConfig config) {
        return proxies.createStatement(statement, connectionInfo, proxyConnection, config);
    }

    @Override
    public PreparedStatement createPreparedStatement(PreparedStatement statement, String query,
                                                     ConnectionInfo connectionInfo, Connection proxyConnection,
                                                     ProxyConfig config, boolean generateKey) {
        return proxies.createPreparedStatement(statement, query, connectionInfo, proxyConnection, config,
                generateKey);
    }

    @Override
    public CallableStatement createCallableStatement(CallableStatement statement, String query,
                                                     ConnectionInfo connectionInfo, Connection proxyConnection,
                                                     ProxyConfig config) {
        return proxies.createCallableStatement(statement, query, connectionInfo, proxyConnection, config);
    }

    @Override
    public ResultSet createResultSet(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig config) {
        return proxies.createResultSet(resultSet, connectionInfo, config);
    }

    @Override
    public ResultSet createGeneratedKeys(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig config) {
        return proxies.createGeneratedKeys(resultSet, connectionInfo, config);
    }
}
