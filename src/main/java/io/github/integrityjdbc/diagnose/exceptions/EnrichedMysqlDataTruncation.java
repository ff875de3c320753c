package io.github.integrityjdbc.diagnose.exceptions;

import com.mysql.cj.jdbc.exceptions.MysqlDataTruncation;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.diagnose.ReportCarrier;

import java.sql.SQLException;

/**
 * MySQL Connector/J's type for a value too long or out of range (a {@code DataTruncation}). Its integrity violations
 * are standard {@code SQLIntegrityConstraintViolationException}s and get the standard type.
 */
public final class EnrichedMysqlDataTruncation extends MysqlDataTruncation implements ReportCarrier {

    private static final long serialVersionUID = 1L;
    private final String message;
    private final String state;
    private final transient ViolationReport report;

    private EnrichedMysqlDataTruncation(MysqlDataTruncation original, String message, ViolationReport report) {
        super(message, original.getIndex(), original.getParameter(), original.getRead(), original.getDataSize(),
                original.getTransferSize(), original.getErrorCode());
        initCause(original);
        this.message = message;
        this.state = original.getSQLState();
        this.report = report;
    }

    /** The enriched copy of {@code original}, a {@code MysqlDataTruncation} of the class compiled against. */
    public static SQLException from(SQLException original, String message, ViolationReport report) {
        return new EnrichedMysqlDataTruncation((MysqlDataTruncation) original, message, report);
    }

    /** As given: Connector/J's own getMessage prefixes "Data truncation: ", which the original message has already. */
    @Override
    public String getMessage() {
        return message;
    }

    /** The original's: DataTruncation's constructor fixes 22001, where Connector/J may say otherwise. */
    @Override
    public String getSQLState() {
        return state;
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
