package io.github.integrityjdbc.diagnose.exceptions;

import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.diagnose.ReportCarrier;
import org.sqlite.SQLiteException;

import java.sql.SQLException;

/**
 * sqlite-jdbc's own type: {@code getResultCode()} is the original's extended result code (which tells unique from
 * foreign key); the vendor code is its primary code and the SQLState is null, as with sqlite-jdbc.
 */
public final class EnrichedSQLiteException extends SQLiteException implements ReportCarrier {

    private static final long serialVersionUID = 1L;
    private final transient ViolationReport report;

    private EnrichedSQLiteException(SQLiteException original, String message, ViolationReport report) {
        super(message, original.getResultCode());
        initCause(original);
        this.report = report;
    }

    /**
     * The enriched copy of {@code original}, a {@code SQLiteException} of the class this library was compiled
     * against; null where it has no result code (the constructor needs one).
     */
    public static SQLException from(SQLException original, String message, ViolationReport report) {
        SQLiteException sqlite = (SQLiteException) original;
        return sqlite.getResultCode() == null ? null : new EnrichedSQLiteException(sqlite, message, report);
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
