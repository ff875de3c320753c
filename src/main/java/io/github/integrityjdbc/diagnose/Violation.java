package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.sql.BatchUpdateException;
import java.sql.DataTruncation;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The first stage: whether a failure is a violation at all, classified once.
 *
 * @param failure what the statement threw (for a batch, the BatchUpdateException)
 * @param exception the exception that describes the violation: the failure itself, or for a batch the per-row
 *                  exception the driver chains as next exception or cause
 * @param kind what the SQLState (or the vendor code) says, before the dialect reads the message
 * @param dataError a data error (SQLState class 22 or a data exception type) rather than an integrity violation
 * @param sqlState the violation's SQLState, or the failure's where the violation has none
 */
record Violation(SQLException failure, SQLException exception, ViolationKind kind, boolean dataError,
                 String sqlState) {

    private static final int MAX_CHAIN = 16;

    /** The violation {@code failure} reports, or null when it reports none. */
    static Violation in(SQLException failure, Dialect dialect) {
        if (failure instanceof BatchUpdateException) {
            Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (SQLException next = failure.getNextException(); next != null && seen.add(next)
                    && seen.size() < MAX_CHAIN; next = next.getNextException()) {
                Violation row = of(failure, next, dialect);
                if (row != null) {
                    return row;
                }
            }
            for (Throwable cause = failure.getCause(); cause != null && seen.add(cause) && seen.size() < MAX_CHAIN;
                 cause = cause.getCause()) {
                Violation row = cause instanceof SQLException ? of(failure, (SQLException) cause, dialect) : null;
                if (row != null) {
                    return row;
                }
            }
        }
        ViolationKind kind = dialect.classify(failure);
        return kind == null ? null : violation(failure, failure, kind);
    }

    private static Violation of(SQLException failure, SQLException candidate, Dialect dialect) {
        if (candidate instanceof BatchUpdateException) {
            return null;
        }
        ViolationKind kind = dialect.classify(candidate);
        return kind == null ? null : violation(failure, candidate, kind);
    }

    private static Violation violation(SQLException failure, SQLException exception, ViolationKind kind) {
        String state = exception.getSQLState() != null ? exception.getSQLState() : failure.getSQLState();
        String ownState = exception.getSQLState();
        boolean dataError = kind.isDataError() || ownState != null && ownState.startsWith("22")
                || exception instanceof SQLDataException || exception instanceof DataTruncation;
        return new Violation(failure, exception, kind, dataError, state);
    }
}
