package io.github.integrityjdbc.diagnose.exceptions;

import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.diagnose.ReportCarrier;

import java.sql.BatchUpdateException;
import java.sql.DataTruncation;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;

/**
 * Enriched exceptions of the standard JDBC types: the fallback where the driver's own class cannot be extended (H2's
 * are final), is not known here, or is not the one this library was compiled against (a driver in a class loader of
 * its own). The type is the original's nearest standard type, so that what frameworks decide from the class
 * (Hibernate's and Spring's type-based translators) stays as with the driver: a plain {@code SQLException} where the
 * driver threw a plain one, a {@code SQLIntegrityConstraintViolationException} where it threw one.
 */
public final class EnrichedJdbcExceptions {

    private EnrichedJdbcExceptions() {
    }

    /**
     * An exception of {@code original}'s nearest standard type, with its SQLState and vendor code, {@code message},
     * the original as cause, and the report. A batch keeps the original's update counts; a data truncation its
     * index, direction and sizes. Stack trace and next exception are the caller's to set.
     */
    public static SQLException from(SQLException original, String message, ViolationReport report) {
        String state = original.getSQLState();
        int code = original.getErrorCode();
        if (original instanceof BatchUpdateException) {
            return new BatchUpdate(message, state, code, ((BatchUpdateException) original).getLargeUpdateCounts(),
                    original, report);
        } else if (original instanceof DataTruncation) {
            return new Truncation(message, (DataTruncation) original, report);
        } else if (original instanceof SQLIntegrityConstraintViolationException) {
            return new IntegrityViolation(message, state, code, original, report);
        } else if (original instanceof SQLDataException) {
            return new DataError(message, state, code, original, report);
        } else if (original instanceof SQLTransactionRollbackException) {
            return new TransactionRollback(message, state, code, original, report);
        } else if (original instanceof SQLNonTransientException) {
            return new NonTransient(message, state, code, original, report);
        } else if (original instanceof SQLTransientException) {
            return new Transient(message, state, code, original, report);
        } else if (original instanceof SQLRecoverableException) {
            return new Recoverable(message, state, code, original, report);
        }
        return new Plain(message, state, code, original, report);
    }

    /** Where the driver threw a plain {@code SQLException} (pgjdbc, sqlite-jdbc and SQL Server do, for violations). */
    static final class Plain extends SQLException implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final transient ViolationReport report;

        Plain(String message, String state, int code, Throwable cause, ViolationReport report) {
            super(message, state, code, cause);
            this.report = report;
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

    static final class IntegrityViolation extends SQLIntegrityConstraintViolationException implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final transient ViolationReport report;

        IntegrityViolation(String message, String state, int code, Throwable cause, ViolationReport report) {
            super(message, state, code, cause);
            this.report = report;
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

    static final class DataError extends SQLDataException implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final transient ViolationReport report;

        DataError(String message, String state, int code, Throwable cause, ViolationReport report) {
            super(message, state, code, cause);
            this.report = report;
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

    /** A deferred constraint that rolled the transaction back at commit. */
    static final class TransactionRollback extends SQLTransactionRollbackException implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final transient ViolationReport report;

        TransactionRollback(String message, String state, int code, Throwable cause, ViolationReport report) {
            super(message, state, code, cause);
            this.report = report;
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

    static final class NonTransient extends SQLNonTransientException implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final transient ViolationReport report;

        NonTransient(String message, String state, int code, Throwable cause, ViolationReport report) {
            super(message, state, code, cause);
            this.report = report;
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

    static final class Transient extends SQLTransientException implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final transient ViolationReport report;

        Transient(String message, String state, int code, Throwable cause, ViolationReport report) {
            super(message, state, code, cause);
            this.report = report;
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

    static final class Recoverable extends SQLRecoverableException implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final transient ViolationReport report;

        Recoverable(String message, String state, int code, Throwable cause, ViolationReport report) {
            super(message, state, code, cause);
            this.report = report;
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

    static final class BatchUpdate extends BatchUpdateException implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final transient ViolationReport report;

        BatchUpdate(String message, String state, int code, long[] counts, Throwable cause, ViolationReport report) {
            super(message, state, code, counts, cause);
            this.report = report;
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

    /**
     * MariaDB's and MySQL's drivers report a value too long or out of range as a {@code DataTruncation}, which is a
     * {@code SQLWarning}, not a {@code SQLDataException}. Its constructor fixes message and SQLState, hence the
     * overrides.
     */
    static final class Truncation extends DataTruncation implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final String message;
        private final String state;
        private final int code;
        private final transient ViolationReport report;

        Truncation(String message, DataTruncation original, ViolationReport report) {
            super(original.getIndex(), original.getParameter(), original.getRead(), original.getDataSize(),
                    original.getTransferSize(), original);
            this.message = message;
            this.state = original.getSQLState();
            this.code = original.getErrorCode();
            this.report = report;
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public String getSQLState() {
            return state;
        }

        @Override
        public int getErrorCode() {
            return code;
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
}
