package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a {@link ViolationReport} holds, as the cold path writes it; internal, so that the report itself has no public
 * way to be built. {@link #report()} turns it into the report through the one factory {@code ViolationReport}
 * registers when it is initialised.
 *
 * @param batchIndex the 0-based failing row of a batch, or null
 */
public record ReportFields(ViolationKind kind, String constraint, String table, List<String> columns, String sql,
                           List<String> parameters, Map<String, String> offendingValues, Integer batchIndex,
                           String sqlState, int vendorCode, String database, String dataSource,
                           String explanation) {

    private static Function<ReportFields, ViolationReport> reports;

    /** Registers the report's constructor; called once, by {@code ViolationReport}'s static initialiser. */
    public static synchronized void register(Function<ReportFields, ViolationReport> constructor) {
        if (reports != null) {
            throw new IllegalStateException("ViolationReport registers its constructor once");
        }
        reports = constructor;
    }

    public ViolationReport report() {
        return constructor().apply(this);
    }

    private static synchronized Function<ReportFields, ViolationReport> constructor() {
        if (reports == null) {
            try {
                Class.forName("io.github.integrityjdbc.ViolationReport", true, ReportFields.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return reports;
    }
}
