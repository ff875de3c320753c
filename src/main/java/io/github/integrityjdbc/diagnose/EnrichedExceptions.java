package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.diagnose.exceptions.EnrichedDerbyViolation;
import io.github.integrityjdbc.diagnose.exceptions.EnrichedJdbcExceptions;
import io.github.integrityjdbc.diagnose.exceptions.EnrichedMariaDbDataTruncation;
import io.github.integrityjdbc.diagnose.exceptions.EnrichedMysqlDataTruncation;
import io.github.integrityjdbc.diagnose.exceptions.EnrichedPSQLException;
import io.github.integrityjdbc.diagnose.exceptions.EnrichedSQLiteException;
import io.github.integrityjdbc.report.DebugLog;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The exception the application gets. In wrap mode it is of the type the driver threw, so that a {@code catch} of
 * the driver's type and the frameworks that decide from the class (Hibernate, Spring) answer as with the driver:
 * an instance of the driver's own class where that class can be extended and is the one this library was compiled
 * against (pgjdbc, Derby, sqlite-jdbc, MariaDB's and MySQL's data truncations), otherwise of the original's nearest
 * standard JDBC type. It keeps the original's SQLState, vendor code, stack trace and next exception, has the original
 * as cause, and carries the report.
 */
final class EnrichedExceptions {

    private static final DebugLog LOG = DebugLog.of(EnrichedExceptions.class);

    private static final String PGJDBC = "org.postgresql.util.PSQLException";
    private static final String DERBY = "org.apache.derby.shared.common.error.DerbySQLIntegrityConstraintViolationException";
    private static final String SQLITE = "org.sqlite.SQLiteException";
    private static final String MARIADB_TRUNCATION = "org.mariadb.jdbc.export.MariaDbDataTruncation";
    private static final String MYSQL_TRUNCATION = "com.mysql.cj.jdbc.exceptions.MysqlDataTruncation";
    private static final Set<String> VENDOR_TYPES = Set.of(PGJDBC, DERBY, SQLITE, MARIADB_TRUNCATION, MYSQL_TRUNCATION);

    private EnrichedExceptions() {
    }

    /**
     * {@code integrity.mode=wrap}: the enriched copy of {@code original}, of its type (see the class comment). Where
     * {@code violation}, the per-row exception of a batch, is the batch's next exception (pgjdbc, H2), the enriched
     * batch's next exception is the enriched copy of it, with {@code violationMessage}: Spring translates a batch from its next exception, and
     * builds its message (subclass translator) or its cause (error-code translator) from it.
     *
     * @param original         what the statement threw; for a batch the {@code BatchUpdateException}
     * @param message          the enriched message: the original's, masked, then the explanation
     * @param violation        the exception that describes the violation; may be {@code original} or null
     * @param violationMessage the enriched message for {@code violation}; null to keep the original's next exception
     * @param maskPart         masks a text that {@code violation}'s message shows too, for a driver's structured
     *                         fields (pgjdbc's detail)
     */
    static SQLException wrap(SQLException original, String message, ViolationReport report, SQLException violation,
                             String violationMessage, UnaryOperator<String> maskPart) {
        SQLException enriched = enrich(original, message, report, maskPart);
        SQLException next = original.getNextException();
        if (violation != null && violation != original && violation == next && violationMessage != null) {
            SQLException enrichedViolation = enrich(violation, violationMessage, report, maskPart);
            chain(enrichedViolation, violation.getNextException());
            next = enrichedViolation;
        }
        chain(enriched, next);
        return enriched;
    }

    /** {@code integrity.mode=preserve}: the original, with the explanation attached as a suppressed exception. */
    static SQLException preserve(SQLException original, ViolationReport report) {
        original.addSuppressed(new Explanation(report));
        return original;
    }

    private static SQLException enrich(SQLException original, String message, ViolationReport report,
                                       UnaryOperator<String> maskPart) {
        SQLException enriched = vendorType(original, message, report, maskPart);
        if (enriched == null) {
            enriched = EnrichedJdbcExceptions.from(original, message, report);
        }
        enriched.setStackTrace(original.getStackTrace());
        return enriched;
    }

    private static void chain(SQLException enriched, SQLException next) {
        if (next != null) {
            enriched.setNextException(next);
        }
    }

    /**
     * Per exception class: the vendor type its enriched copy is made of, or "" where it has none that can be used (see
     * the class comment). Decided once per class.
     */
    private static final ClassValue<String> VENDOR_TYPE = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> exceptionClass) {
            for (Class<?> type = exceptionClass; type != null && type != SQLException.class;
                 type = type.getSuperclass()) {
                String name = type.getName();
                if (VENDOR_TYPES.contains(name)) {
                    return compiledAgainst(type) ? name : "";
                }
            }
            return "";
        }
    };

    /** The driver's own type, or null where it has none that can be used (see the class comment). */
    private static SQLException vendorType(SQLException original, String message, ViolationReport report,
                                           UnaryOperator<String> maskPart) {
        String name = VENDOR_TYPE.get(original.getClass());
        return name.isEmpty() ? null : vendorType(name, original, message, report, maskPart);
    }

    private static SQLException vendorType(String name, SQLException original, String message,
                                           ViolationReport report, UnaryOperator<String> maskPart) {
        try {
            switch (name) {
                case PGJDBC:
                    return EnrichedPSQLException.from(original, message, report, maskPart);
                case DERBY:
                    return EnrichedDerbyViolation.from(original, message, report);
                case SQLITE:
                    return EnrichedSQLiteException.from(original, message, report);
                case MARIADB_TRUNCATION:
                    return EnrichedMariaDbDataTruncation.from(original, message, report);
                case MYSQL_TRUNCATION:
                    return EnrichedMysqlDataTruncation.from(original, message, report);
                default:
                    return null;
            }
        } catch (LinkageError e) {
            // A driver version without the constructor or method the class was compiled against.
            LOG.debug("Cannot extend {}; the enriched exception is of its standard JDBC type", name, e);
            return null;
        }
    }

    /**
     * Whether {@code type}, a driver's class, is the one this library's class loader sees, and so the one the
     * vendor class was linked against. A driver in a class loader of its own has a class of the same name that is
     * not; a driver absent from this library's loader has none.
     */
    private static boolean compiledAgainst(Class<?> type) {
        try {
            return Class.forName(type.getName(), false, EnrichedExceptions.class.getClassLoader()) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
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
