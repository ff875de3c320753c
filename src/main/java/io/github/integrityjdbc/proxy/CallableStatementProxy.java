package io.github.integrityjdbc.proxy;

import java.sql.CallableStatement;

/**
 * The CallableStatement proxy adds nothing by hand: executes, batches and indexed setters come from
 * {@link PreparedStatementProxy}; named setters and output getters are generated delegation.
 */
public abstract class CallableStatementProxy extends PreparedStatementProxy implements CallableStatement {

    protected CallableStatementProxy(CallableStatement delegate, ConnectionProxy connection) {
        super(delegate, connection);
    }
}
