package io.github.integrityjdbc.proxy;

import io.github.integrityjdbc.capture.SizedStream;
import io.github.integrityjdbc.capture.StatementCapture;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hand-written part of the PreparedStatement proxy: its execute methods, batch rows, clearParameters and setNull.
 * The value setters ({@code setInt(int, int)}, {@code setString(int, String)}, ...) are generated: each calls the
 * delegate, then {@link #bind} (or {@link #bindStream} for a stream with a length); when the delegate throws, the
 * setter throws what {@link #bindFailed} returns.
 */
public abstract class PreparedStatementProxy extends StatementProxy implements PreparedStatement {

    protected PreparedStatementProxy(PreparedStatement delegate, ConnectionProxy connection) {
        super(delegate, connection);
    }

    private PreparedStatement prepared() {
        return (PreparedStatement) delegate;
    }

    /** Called by the generated setters after the delegate accepted the value. */
    protected final void bind(int index, Object value) {
        capture.bind(index, value);
    }

    /** Called by the generated stream setters that take a length: keeps the length for the explanation. */
    protected final void bindStream(int index, Object stream, long length) {
        capture.bind(index, new SizedStream(stream, length));
    }

    /**
     * Called by the generated setters when the delegate rejected the value (Derby and HSQLDB check ranges when a value
     * is bound): records the value and returns what to throw instead.
     */
    final SQLException bindFailed(SQLException failure, int index, Object value) {
        capture.bind(index, value);
        return connection.explainer.explainBind(failure, capture, index);
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
            connection.wrote(capture);
            return count;
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    @Override
    public final long executeLargeUpdate() throws SQLException {
        try {
            long count = prepared().executeLargeUpdate();
            connection.wrote(capture);
            return count;
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    @Override
    public final boolean execute() throws SQLException {
        try {
            boolean hasResults = prepared().execute();
            connection.wrote(capture);
            return hasResults;
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    // ****  capture  ****

    @Override
    public final void addBatch() throws SQLException {
        prepared().addBatch();
        capture.addRow();
    }

    @Override
    public final void clearParameters() throws SQLException {
        prepared().clearParameters();
        capture.clearParameters();
    }

    @Override
    public final void setNull(int parameterIndex, int sqlType) throws SQLException {
        prepared().setNull(parameterIndex, sqlType);
        capture.bind(parameterIndex, StatementCapture.NULL);
    }

    @Override
    public final void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        prepared().setNull(parameterIndex, sqlType, typeName);
        capture.bind(parameterIndex, StatementCapture.NULL);
    }
}
