package io.github.integrityjdbc.proxy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Hand-written part of the ResultSet proxy: {@link #getStatement()} answers the proxy statement. */
public abstract class ResultSetProxy implements ResultSet {

    protected final ResultSet delegate;
    final StatementProxy statement;

    protected ResultSetProxy(ResultSet delegate, StatementProxy statement) {
        this.delegate = delegate;
        this.statement = statement;
    }

    @Override
    public final Statement getStatement() {
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

    @Override
    public final String toString() {
        return "IntegrityResultSet[" + delegate + "]";
    }
}
