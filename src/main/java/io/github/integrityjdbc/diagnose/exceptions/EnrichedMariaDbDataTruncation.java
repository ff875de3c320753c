package io.github.integrityjdbc.diagnose.exceptions;

import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.diagnose.ReportCarrier;
import org.mariadb.jdbc.export.MariaDbDataTruncation;

import java.sql.SQLException;

/**
 * MariaDB Connector/J's type for a value too long or out of range (a {@code DataTruncation}, not a
 * {@code SQLDataException}). Its integrity violations are standard {@code SQLIntegrityConstraintViolationException}s
 * and get the standard type.
 */
public final class EnrichedMariaDbDataTruncation extends MariaDbDataTruncation implements ReportCarrier {

    private static final long serialVersionUID = 1L;
    private final transient ViolationReport report;

    private EnrichedMariaDbDataTruncation(SQLException original, String message, ViolationReport report) {
        super(message, original.getSQLState(), original.getErrorCode(), original);
        this.report = report;
    }

    /** The enriched copy of {@code original}, a {@code MariaDbDataTruncation} of the class compiled against. */
    public static SQLException from(SQLException original, String message, ViolationReport report) {
        return new EnrichedMariaDbDataTruncation((MariaDbDataTruncation) original, message, report);
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
