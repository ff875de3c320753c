package io.github.integrityjdbc.proxy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Hand-written part of the DatabaseMetaData proxy: {@link #getConnection()} answers the proxy connection. */
public abstract class DatabaseMetaDataProxy implements DatabaseMetaData {

    protected final DatabaseMetaData delegate;
    final ConnectionProxy connection;

    protected DatabaseMetaDataProxy(DatabaseMetaData delegate, ConnectionProxy connection) {
        this.delegate = delegate;
        this.connection = connection;
    }

    @Override
    public final Connection getConnection() {
        return connection;
    }

    @Override
    public final <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, delegate, iface);
    }

    @Override
    public final boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Wrappers.isWrapperFor(this, delegate, iface);
    }

    @Override
    public final String toString() {
        return "IntegrityDatabaseMetaData[" + delegate + "]";
    }
}
