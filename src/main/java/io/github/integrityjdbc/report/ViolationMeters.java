package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The counter {@value #NAME}, tagged by kind, table, constraint and data source. Tag values are lower case, and
 * {@code unknown} where the database did not tell; SQL and values never become tags. A registry sees at most
 * {@value #MAX_TAG_VALUES} distinct {@code table} and as many {@code constraint} values; later ones count as
 * {@value #OVERFLOW}, so that a schema with generated names cannot flood a metrics backend.
 */
public final class ViolationMeters {

    /** The meter name. */
    public static final String NAME = "jdbc.integrity.violations";
    /** Distinct values of the {@code table} tag, and of the {@code constraint} tag, per registry. */
    public static final int MAX_TAG_VALUES = 1000;
    /** The tag value of a table or constraint beyond the first {@value #MAX_TAG_VALUES}. */
    public static final String OVERFLOW = "other";

    /** Per registry (weakly held): the table and constraint tag values seen so far. */
    private static final Map<MeterRegistry, Seen> SEEN = new WeakHashMap<>();

    private ViolationMeters() {
    }

    /** Counts {@code report} in {@code registry}, or in Micrometer's global registry when it is null. */
    public static void count(MeterRegistry registry, ViolationReport report) {
        Seen seen = seen(registry);
        ReportKey reportKey = new ReportKey(report.kind(), report.table().orElse(null),
                report.constraint().orElse(null), report.dataSource());
        Counter known = seen.byReport.get(reportKey);
        if (known != null) {
            known.increment(); // the same names as before: the same tags, since admitting a value is for good
            return;
        }
        String kind = report.kind().name().toLowerCase(Locale.ROOT);
        String table = seen.tables.admit(tag(report.table().orElse(null)));
        String constraint = seen.constraints.admit(tag(report.constraint().orElse(null)));
        String dataSource = report.dataSource() == null ? "unknown" : report.dataSource();
        // names that differ only in case, or that overflow to the same tag, get the registry's one counter for the tags
        Counter counter = Counter.builder(NAME)
                .description("Statements rejected by the database for an integrity violation or a data error")
                .tag("kind", kind)
                .tag("table", table)
                .tag("constraint", constraint)
                .tag("datasource", dataSource)
                .register(registry == null ? Metrics.globalRegistry : registry);
        if (seen.byReport.size() < MAX_COUNTERS) {
            seen.byReport.putIfAbsent(reportKey, counter);
        }
        counter.increment();
    }

    /**
     * Counters kept per registry by the report's names, so that a violation costs no meter lookup; past this many,
     * each is looked up.
     */
    private static final int MAX_COUNTERS = 10_000;

    /** A report's names as they are, before they become tags. */
    private record ReportKey(ViolationKind kind, String table, String constraint, String dataSource) {
    }

    private static String tag(String value) {
        return value == null || value.isEmpty() ? "unknown" : value.toLowerCase(Locale.ROOT);
    }

    /**
     * The registry counted in last (weakly held, as in {@link #SEEN}; null for the global one) and its tag values,
     * read without the lock: most applications count in one registry.
     */
    private static volatile LastSeen last;

    private record LastSeen(WeakReference<MeterRegistry> registry, boolean global, Seen seen) {
        boolean isFor(MeterRegistry other) {
            return other == null ? global : !global && registry.get() == other;
        }
    }

    private static Seen seen(MeterRegistry registry) {
        LastSeen recent = last;
        if (recent != null && recent.isFor(registry)) {
            return recent.seen;
        }
        Seen seen = seenLocked(registry);
        last = new LastSeen(new WeakReference<>(registry), registry == null, seen);
        return seen;
    }

    private static Seen seenLocked(MeterRegistry registry) {
        synchronized (SEEN) {
            return SEEN.computeIfAbsent(registry, r -> {
                Seen seen = new Seen();
                // a counter the application removes from the registry is registered again at the next violation
                (r == null ? Metrics.globalRegistry : r).config().onMeterRemoved(meter -> {
                    if (NAME.equals(meter.getId().getName())) {
                        seen.byReport.clear();
                    }
                });
                return seen;
            });
        }
    }

    private static final class Seen {
        final Admitted tables = new Admitted();
        final Admitted constraints = new Admitted();
        /** Counters by the report's names, so that a violation like an earlier one costs one lookup. */
        final Map<ReportKey, Counter> byReport = new ConcurrentHashMap<>();
    }

    /** The first {@value #MAX_TAG_VALUES} distinct values pass; later new ones become {@value #OVERFLOW}. */
    private static final class Admitted {
        private final Set<String> values = new HashSet<>();

        synchronized String admit(String value) {
            if (values.contains(value) || values.size() < MAX_TAG_VALUES && values.add(value)) {
                return value;
            }
            return OVERFLOW;
        }
    }
}
