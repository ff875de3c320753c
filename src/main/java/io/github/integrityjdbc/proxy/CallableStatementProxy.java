package io.github.integrityjdbc.proxy;

import java.sql.CallableStatement;

/**
 * The CallableStatement proxy adds nothing by hand: executes, batches and indexed setters come from
 * {@link PreparedStatementProxy}; named setters and output getters are generated delegation
 * ({@code CallableStatementDelegation}).
 */
public abstract class CallableStatementProxy extends CallableStatementDelegation {

    protected CallableStatementProxy(CallableStatement delegate, ConnectionProxy connection, String sql) {
        super(delegate, connection, sql);
    }
}
