package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationReport;

import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * The exceptions the application gets: standard JDBC types with the original's SQLState and vendor code, the
 * original as cause, the original's stack trace, and the report.
 */
final class ExplainedExceptions {

    private ExplainedExceptions() {
    }

    /**
     * {@code integrity.mode=wrap}: a new exception of the standard type that matches the violation.
     *
     * @param dataError a data error (SQLDataException) rather than an integrity violation
     */
    static SQLException wrap(SQLException original, String message, ViolationReport report, boolean dataError) {
        SQLException explained;
        if (original instanceof BatchUpdateException) {
            BatchUpdateException batch = (BatchUpdateException) original;
            explained = new ExplainedBatchUpdate(message, original.getSQLState(), original.getErrorCode(),
                    batch.getLargeUpdateCounts(), original, report);
            if (original.getNextException() != null) {
                explained.setNextException(original.getNextException());
            }
        } else if (dataError) {
            explained = new ExplainedDataError(message, original.getSQLState(), original.getErrorCode(), original,
                    report);
        } else {
            explained = new ExplainedIntegrityViolation(message, original.getSQLState(), original.getErrorCode(),
                    original, report);
        }
        explained.setStackTrace(original.getStackTrace());
        return explained;
    }

    /** {@code integrity.mode=preserve}: the original, with the explanation attached as a suppressed exception. */
    static SQLException preserve(SQLException original, ViolationReport report) {
        original.addSuppressed(new Explanation(report));
        return original;
    }

    static final class ExplainedIntegrityViolation extends SQLIntegrityConstraintViolationException
            implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final transient ViolationReport report;

        ExplainedIntegrityViolation(String message, String state, int code, Throwable cause, ViolationReport report) {
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

    static final class ExplainedDataError extends SQLDataException implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final transient ViolationReport report;

        ExplainedDataError(String message, String state, int code, Throwable cause, ViolationReport report) {
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

    static final class ExplainedBatchUpdate extends BatchUpdateException implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final transient ViolationReport report;

        ExplainedBatchUpdate(String message, String state, int code, long[] counts, Throwable cause,
                             ViolationReport report) {
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

    /** Attached to the original in preserve mode; its message is the explanation. */
    static final class Explanation extends Exception implements ReportCarrier {
        private static final long serialVersionUID = 1L;
        private final transient ViolationReport report;

        Explanation(ViolationReport report) {
            super("integrity-jdbc: " + report.explain(), null, false, false);
            this.report = report;
        }

        @Override
        public ViolationReport report() {
            return report;
        }
    }
}
