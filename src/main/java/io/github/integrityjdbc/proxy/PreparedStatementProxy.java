package io.github.integrityjdbc.proxy;

import io.github.integrityjdbc.capture.StatementCapture;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hand-written part of the PreparedStatement proxy: its execute methods, batch rows, clearParameters and setNull.
 * The value setters ({@code setInt(int, int)}, {@code setString(int, String)}, ...) are generated at build time
 * ({@code PreparedStatementDelegation}): each calls the delegate, then the capture's {@code bind} (a primitive
 * overload keeps a primitive unboxed), or {@code bindStream} for a stream with a length; when the delegate throws, the
 * setter throws what {@link #bindFailed} returns.
 */
public abstract class PreparedStatementProxy extends PreparedStatementDelegation {

    protected PreparedStatementProxy(PreparedStatement delegate, ConnectionProxy connection, String sql) {
        super(delegate, connection, sql);
    }

    /** The driver's statement, typed (a cast rather than a field: the proxy's every field counts, see Capture). */
    private PreparedStatement prepared() {
        return (PreparedStatement) delegate;
    }

    /**
     * Called by the generated setters when the delegate rejected the value (Derby and HSQLDB check ranges when a value
     * is bound): records the value and returns what to throw instead.
     */
    @Override
    protected final SQLException bindFailed(SQLException failure, int index, Object value) {
        bind(index, value);
        return connection.explainer.explainBind(failure, this, index);
    }

    // ****  execute  ****

    @Override
    public final ResultSet executeQuery() throws SQLException {
        try {
            return ProxyFactory.resultSet(prepared().executeQuery(), this);
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    @Override
    public final int executeUpdate() throws SQLException {
        try {
            int count = prepared().executeUpdate();
            connection.wrote(this);
            return count;
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    @Override
    public final long executeLargeUpdate() throws SQLException {
        try {
            long count = prepared().executeLargeUpdate();
            connection.wrote(this);
            return count;
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    @Override
    public final boolean execute() throws SQLException {
        try {
            boolean hasResults = prepared().execute();
            connection.wrote(this);
            return hasResults;
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    // ****  capture  ****

    @Override
    public final void addBatch() throws SQLException {
        prepared().addBatch();
        captureRow();
    }

    @Override
    public final void clearParameters() throws SQLException {
        prepared().clearParameters();
        forgetParameters();
    }

    @Override
    public final void setNull(int parameterIndex, int sqlType) throws SQLException {
        prepared().setNull(parameterIndex, sqlType);
        bind(parameterIndex, StatementCapture.NULL);
    }

    @Override
    public final void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        prepared().setNull(parameterIndex, sqlType, typeName);
        bind(parameterIndex, StatementCapture.NULL);
    }
}
