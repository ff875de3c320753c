package io.github.integrityjdbc.proxy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * Hand-written part of the DatabaseMetaData proxy: {@link #getConnection()} answers the proxy connection. The rest is
 * plain delegation generated at build time ({@code DatabaseMetaDataDelegation}).
 */
public abstract class DatabaseMetaDataProxy extends DatabaseMetaDataDelegation {

    final ConnectionProxy connection;

    protected DatabaseMetaDataProxy(DatabaseMetaData delegate, ConnectionProxy connection) {
        super(delegate);
        this.connection = connection;
    }

    /** The proxy connection; where the driver throws (a closed connection), what it throws. */
    @Override
    public final Connection getConnection() throws SQLException {
        delegate.getConnection();
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

    /** The driver's own text, as without the proxy. */
    @Override
    public final String toString() {
        return delegate.toString();
    }
}
