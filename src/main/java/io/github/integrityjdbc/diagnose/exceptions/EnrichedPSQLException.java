package io.github.integrityjdbc.diagnose.exceptions;

import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.diagnose.ReportCarrier;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * pgjdbc's own type: {@code catch (PSQLException e)} catches it, {@code e.getServerErrorMessage()} has the original's
 * fields (constraint, table, column, detail as the server sent them, but for masked values: the detail, where and
 * internal query masked as in the message), and it stays a plain {@code SQLException}, so that Hibernate reads the
 * kind from the SQLState as with pgjdbc.
 */
public final class EnrichedPSQLException extends PSQLException implements ReportCarrier {

    private static final long serialVersionUID = 1L;
    private final ServerErrorMessage serverError; // Serializable, as in PSQLException
    private final String state;
    private final transient ViolationReport report;

    private EnrichedPSQLException(PSQLException original, String message, ViolationReport report,
                                  UnaryOperator<String> maskPart) {
        // This constructor takes the message as given; the ServerErrorMessage ones would rebuild it from the server's
        // fields. Without a PSQLState the SQLState is left unset, hence getSQLState below.
        super(message, null, original);
        this.serverError = masked(original.getServerErrorMessage(), maskPart);
        this.state = original.getSQLState();
        this.report = report;
    }

    /**
     * The enriched copy of {@code original}, which must be a {@code PSQLException} of the class this library was
     * compiled against. Declared with JDK types only, so that the caller links without pgjdbc.
     */
    public static SQLException from(SQLException original, String message, ViolationReport report,
                                    UnaryOperator<String> maskPart) {
        return new EnrichedPSQLException((PSQLException) original, message, report, maskPart);
    }

    /**
     * The server's fields with the ones that may show values (detail, where, internal query) masked; the same object
     * where masking changes none of them.
     */
    private static ServerErrorMessage masked(ServerErrorMessage fields, UnaryOperator<String> maskPart) {
        if (fields == null) {
            return null;
        }
        String detail = maskPart.apply(fields.getDetail());
        String where = maskPart.apply(fields.getWhere());
        String internalQuery = maskPart.apply(fields.getInternalQuery());
        if (Objects.equals(detail, fields.getDetail()) && Objects.equals(where, fields.getWhere())
                && Objects.equals(internalQuery, fields.getInternalQuery())) {
            return fields;
        }
        StringBuilder raw = new StringBuilder();
        field(raw, 'S', fields.getSeverity());
        field(raw, 'C', fields.getSQLState());
        field(raw, 'M', fields.getMessage());
        field(raw, 'D', detail);
        field(raw, 'H', fields.getHint());
        field(raw, 'P', fields.getPosition() > 0 ? String.valueOf(fields.getPosition()) : null);
        field(raw, 'p', fields.getInternalPosition() > 0 ? String.valueOf(fields.getInternalPosition()) : null);
        field(raw, 'q', internalQuery);
        field(raw, 'W', where);
        field(raw, 's', fields.getSchema());
        field(raw, 't', fields.getTable());
        field(raw, 'c', fields.getColumn());
        field(raw, 'd', fields.getDatatype());
        field(raw, 'n', fields.getConstraint());
        field(raw, 'F', fields.getFile());
        field(raw, 'L', fields.getLine() > 0 ? String.valueOf(fields.getLine()) : null);
        field(raw, 'R', fields.getRoutine());
        return new ServerErrorMessage(raw.toString());
    }

    /** One field of the protocol's ErrorResponse, as ServerErrorMessage reads it. */
    private static void field(StringBuilder raw, char type, String value) {
        if (value != null) {
            raw.append(type).append(value).append('\0');
        }
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
