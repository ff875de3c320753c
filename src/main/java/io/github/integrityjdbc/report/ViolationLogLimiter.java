package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.config.LogRate;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Decides, per data source, kind, table and constraint, which violations get a full WARN line
 * ({@code integrity.log.rate}): the first {@link LogRate#lines()} of each interval do; later ones in the same interval
 * are only counted, and the first violation after the interval is preceded by one summary line with that count and
 * the last suppressed report. Nothing runs in the background: every line is written by the thread that had the
 * violation, so the application's MDC is in it. A summary owed to a kind that never fails again is never written (the
 * counter has every violation).
 *
 * <p>Memory is bounded: at most {@code maxKeys} kinds of violation have their own interval. When that many are held,
 * those idle for a whole interval with nothing owed are dropped (at most once a second); kinds that still find no room
 * share one interval, so a flood of distinct constraint names writes at most {@link LogRate#lines()} full lines (and
 * one summary) per interval between them. Thread-safe: a lock per kind, held for a few comparisons.
 */
public final class ViolationLogLimiter {

    /** Kinds of violation with an interval of their own, per JVM. */
    public static final int MAX_KEYS = 1000;

    /** The limiter of the driver's log, on {@link System#nanoTime()}. */
    static final ViolationLogLimiter SHARED = new ViolationLogLimiter(MAX_KEYS, System::nanoTime);

    private static final long SWEEP_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<Key, Window> windows = new ConcurrentHashMap<>();
    /** The one interval shared by the kinds that found no room. */
    private final Window overflow = new Window();
    private volatile long nextSweep;

    /**
     * @param maxKeys the kinds of violation with an interval of their own
     * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime}; a settable one in tests)
     */
    public ViolationLogLimiter(int maxKeys, LongSupplier nanoClock) {
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
        this.nextSweep = nanoClock.getAsLong();
    }

    /** What to write for one violation: a summary of the previous interval's suppressed ones, a full line, both, or nothing. */
    public record Verdict(boolean full, long suppressed, ViolationReport lastSuppressed, boolean shared) {
        static final Verdict FULL = new Verdict(true, 0, null, false);
        static final Verdict SUPPRESS = new Verdict(false, 0, null, false);

        /** True when a summary line comes first. */
        public boolean summary() {
            return suppressed > 0;
        }
    }

    /** Counts {@code report} against its kind's interval and says what to write. */
    public Verdict admit(LogRate rate, ViolationReport report) {
        long now = nanoClock.getAsLong();
        Key key = new Key(report.dataSource(), report.kind(), report.table().orElse(null),
                report.constraint().orElse(null));
        while (true) {
            Window window = windows.get(key);
            if (window == null) {
                window = room(now) ? windows.computeIfAbsent(key, k -> new Window()) : null;
                if (window == null) {
                    return overflow.admit(now, rate, report, true);
                }
            }
            Verdict verdict = window.admit(now, rate, report, false);
            if (verdict != null) {
                return verdict;
            }
            // the window was dropped as idle between get and admit: take a new one
        }
    }

    /** Kinds of violation that have an interval of their own now. */
    public int size() {
        return windows.size();
    }

    private boolean room(long now) {
        if (windows.size() < maxKeys) {
            return true;
        }
        if (now - nextSweep >= 0) {
            nextSweep = now + SWEEP_EVERY_NANOS;
            windows.values().removeIf(window -> window.retireIfIdle(now));
        }
        return windows.size() < maxKeys;
    }

    private record Key(String dataSource, ViolationKind kind, String table, String constraint) {
    }

    /** One kind's current interval. */
    private static final class Window {
        private boolean started;
        private boolean retired;
        private long start;
        private long length;
        private int logged;
        private long suppressed;
        private ViolationReport lastSuppressed;

        /** The verdict, or null when this window was retired and must not be used. */
        synchronized Verdict admit(long now, LogRate rate, ViolationReport report, boolean shared) {
            if (retired) {
                return null;
            }
            if (!started || now - start >= rate.intervalNanos()) {
                long owed = suppressed;
                ViolationReport last = lastSuppressed;
                started = true;
                start = now;
                length = rate.intervalNanos();
                logged = 1;
                suppressed = 0;
                lastSuppressed = null;
                return owed == 0 ? Verdict.FULL : new Verdict(true, owed, last, shared);
            }
            if (logged < rate.lines()) {
                logged++;
                return Verdict.FULL;
            }
            suppressed++;
            lastSuppressed = report;
            return Verdict.SUPPRESS;
        }

        synchronized boolean retireIfIdle(long now) {
            retired = suppressed == 0 && now - start >= length;
            return retired;
        }
    }
}
