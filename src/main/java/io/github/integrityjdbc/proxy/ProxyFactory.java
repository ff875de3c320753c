package io.github.integrityjdbc.proxy;

import io.github.integrityjdbc.diagnose.Explainer;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Creates proxies. The proxy class for a delegate class is generated once per JVM (cached in a {@link ClassValue},
 * which lets the delegate's class loader go), and from then on creating a proxy is a call to a generated
 * constructor: no reflection.
 */
public final class ProxyFactory {

    private static final ClassValue<ProxyConstructor> CONNECTIONS =
            ProxyClassGenerator.cache(ConnectionProxy.class, Connection.class);
    private static final ClassValue<ProxyConstructor> STATEMENTS =
            ProxyClassGenerator.cache(StatementProxy.class, Statement.class);
    private static final ClassValue<ProxyConstructor> PREPARED_STATEMENTS =
            ProxyClassGenerator.cache(PreparedStatementProxy.class, PreparedStatement.class);
    private static final ClassValue<ProxyConstructor> CALLABLE_STATEMENTS =
            ProxyClassGenerator.cache(CallableStatementProxy.class, CallableStatement.class);
    private static final ClassValue<ProxyConstructor> RESULT_SETS =
            ProxyClassGenerator.cache(ResultSetProxy.class, ResultSet.class);
    private static final ClassValue<ProxyConstructor> META_DATA =
            ProxyClassGenerator.cache(DatabaseMetaDataProxy.class, DatabaseMetaData.class);

    private ProxyFactory() {
    }

    /** The proxy the application gets for a connection of the real driver. */
    public static Connection connection(Connection delegate, Explainer explainer) {
        return (Connection) CONNECTIONS.get(delegate.getClass()).newProxy(delegate, explainer);
    }

    static Statement statement(Statement delegate, ConnectionProxy connection) {
        return delegate == null ? null
                : (Statement) STATEMENTS.get(delegate.getClass()).newProxy(delegate, connection);
    }

    static PreparedStatement preparedStatement(PreparedStatement delegate, ConnectionProxy connection, String sql) {
        if (delegate == null) {
            return null;
        }
        PreparedStatementProxy proxy =
                (PreparedStatementProxy) PREPARED_STATEMENTS.get(delegate.getClass()).newProxy(delegate, connection);
        proxy.capture.sql(sql);
        return proxy;
    }

    static CallableStatement callableStatement(CallableStatement delegate, ConnectionProxy connection, String sql) {
        if (delegate == null) {
            return null;
        }
        CallableStatementProxy proxy =
                (CallableStatementProxy) CALLABLE_STATEMENTS.get(delegate.getClass()).newProxy(delegate, connection);
        proxy.capture.sql(sql);
        return proxy;
    }

    static ResultSet resultSet(ResultSet delegate, StatementProxy statement) {
        return delegate == null ? null
                : (ResultSet) RESULT_SETS.get(delegate.getClass()).newProxy(delegate, statement);
    }

    static DatabaseMetaData metaData(DatabaseMetaData delegate, ConnectionProxy connection) {
        return delegate == null ? null
                : (DatabaseMetaData) META_DATA.get(delegate.getClass()).newProxy(delegate, connection);
    }
}
