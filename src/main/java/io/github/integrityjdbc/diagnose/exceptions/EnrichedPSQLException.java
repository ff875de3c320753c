package io.github.integrityjdbc.diagnose.exceptions;

import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.diagnose.ReportCarrier;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/**
 * pgjdbc's own type: {@code catch (PSQLException e)} catches it, {@code e.getServerErrorMessage()} is the
 * original's (constraint, table, column, detail as the server sent them), and it stays a plain
 * {@code SQLException}, so that Hibernate reads the kind from the SQLState as with pgjdbc.
 */
public final class EnrichedPSQLException extends PSQLException implements ReportCarrier {

    private static final long serialVersionUID = 1L;
    private final ServerErrorMessage serverError; // Serializable, as in PSQLException
    private final String state;
    private final transient ViolationReport report;

    private EnrichedPSQLException(PSQLException original, String message, ViolationReport report) {
        // This constructor takes the message as given; the ServerErrorMessage ones would rebuild it from the server's
        // fields. Without a PSQLState the SQLState is left unset, hence getSQLState below.
        super(message, null, original);
        this.serverError = original.getServerErrorMessage();
        this.state = original.getSQLState();
        this.report = report;
    }

    /**
     * The enriched copy of {@code original}, which must be a {@code PSQLException} of the class this library was
     * compiled against. Declared with JDK types only, so that the caller links without pgjdbc.
     */
    public static SQLException from(SQLException original, String message, ViolationReport report) {
        return new EnrichedPSQLException((PSQLException) original, message, report);
    }

    /** The original's: the server's fields are the same, whatever the message says. */
    @Override
    public ServerErrorMessage getServerErrorMessage() {
        return serverError;
    }

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
        return this; // the original's trace is copied in: it points at the same call
    }
}
