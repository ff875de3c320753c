package io.github.integrityjdbc.diagnose.exceptions;

import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.diagnose.ReportCarrier;
import org.apache.derby.shared.common.error.DerbySQLIntegrityConstraintViolationException;

import java.sql.SQLException;

/**
 * Derby's own violation type (unique, foreign key, check, deferred): {@code getConstraintName()} and
 * {@code getTableName()} answer as the original's. Derby's NOT NULL violation is a plain
 * {@code SQLIntegrityConstraintViolationException} and gets the standard type.
 */
public final class EnrichedDerbyViolation extends DerbySQLIntegrityConstraintViolationException
        implements ReportCarrier {

    private static final long serialVersionUID = 1L;
    private final transient ViolationReport report;

    private EnrichedDerbyViolation(DerbySQLIntegrityConstraintViolationException original, String message,
                                   ViolationReport report) {
        super(message, original.getSQLState(), original.getErrorCode(), original, original.getConstraintName(),
                original.getTableName());
        this.report = report;
    }

    /**
     * The enriched copy of {@code original}, a {@code DerbySQLIntegrityConstraintViolationException} of the class
     * this library was compiled against; null where it lacks a name Derby's constructor requires.
     */
    public static SQLException from(SQLException original, String message, ViolationReport report) {
        DerbySQLIntegrityConstraintViolationException derby = (DerbySQLIntegrityConstraintViolationException) original;
        if (derby.getConstraintName() == null || derby.getTableName() == null) {
            return null;
        }
        return new EnrichedDerbyViolation(derby, message, report);
    }

    @Override
    public ViolationReport report() {
        return report;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
