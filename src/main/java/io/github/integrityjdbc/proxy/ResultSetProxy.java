package io.github.integrityjdbc.proxy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Hand-written part of the ResultSet proxy: {@link #getStatement()} answers the proxy statement. The rest is plain
 * delegation generated at build time ({@code ResultSetDelegation}).
 */
public abstract class ResultSetProxy extends ResultSetDelegation {

    final StatementProxy statement;

    protected ResultSetProxy(ResultSet delegate, StatementProxy statement) {
        super(delegate);
        this.statement = statement;
    }

    /** The proxy statement; on a closed result set, what the driver throws. */
    @Override
    public final Statement getStatement() throws SQLException {
        delegate.getStatement();
        return statement;
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
