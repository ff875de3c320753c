package io.github.integrityjdbc.report;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.config.LogRate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log-storm limiter on a clock the test moves: no sleeps. */
class ViolationLogLimiterTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final LogRate threePerMinute = LogRate.parse("3/1m");

    @Test
    void theFirstLinesOfAnIntervalAreFull_laterOnesCounted_andTheNextIntervalStartsWithTheirSummary() {
        ViolationLogLimiter limiter = new ViolationLogLimiter(100, clock::get);
        for (int i = 0; i < 3; i++) {
            ViolationLogLimiter.Verdict verdict = limiter.admit(threePerMinute, report("uq_email", "first " + i));
            assertTrue(verdict.full() && !verdict.summary(), "line " + i);
        }
        ViolationReport last = null;
        for (int i = 0; i < 50; i++) {
            last = report("uq_email", "suppressed " + i);
            clock.addAndGet(MINUTE / 100);
            ViolationLogLimiter.Verdict verdict = limiter.admit(threePerMinute, last);
            assertFalse(verdict.full() || verdict.summary(), "suppressed " + i);
        }
        clock.addAndGet(MINUTE / 2);
        ViolationLogLimiter.Verdict next = limiter.admit(threePerMinute, report("uq_email", "next interval"));
        assertTrue(next.full());
        assertEquals(50, next.suppressed());
        assertSame(last, next.lastSuppressed());
        assertEquals("suppressed 49", next.lastSuppressed().explain());

        ViolationLogLimiter.Verdict after = limiter.admit(threePerMinute, report("uq_email", "again"));
        assertTrue(after.full() && !after.summary(), "the summary is written once");
    }

    @Test
    void eachDataSourceKindTableAndConstraintHasItsOwnInterval() {
        ViolationLogLimiter limiter = new ViolationLogLimiter(100, clock::get);
        for (int i = 0; i < 3; i++) {
            limiter.admit(threePerMinute, report("uq_email", "x"));
        }
        assertFalse(limiter.admit(threePerMinute, report("uq_email", "x")).full());
        assertTrue(limiter.admit(threePerMinute, report("uq_nick", "x")).full(), "another constraint");
        assertTrue(limiter.admit(threePerMinute, fields("ds2", ViolationKind.UNIQUE, "PERSON", "uq_email", "x")
                .report()).full(), "another data source");
        assertTrue(limiter.admit(threePerMinute, fields("ds", ViolationKind.UNIQUE, "ACCOUNT", "uq_email", "x")
                .report()).full(), "another table");
        assertTrue(limiter.admit(threePerMinute, fields("ds", ViolationKind.NOT_NULL, "PERSON", "uq_email", "x")
                .report()).full(), "another kind");
        assertEquals(5, limiter.size());
    }

    @Test
    void pastTheCap_newKindsShareOneInterval_andIdleKindsMakeRoomAfterTheirInterval() {
        ViolationLogLimiter limiter = new ViolationLogLimiter(10, clock::get);
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.admit(threePerMinute, report("c" + i, "x")).full());
        }
        int full = 0;
        for (int i = 10; i < 1000; i++) {
            full += limiter.admit(threePerMinute, report("c" + i, "x")).full() ? 1 : 0;
        }
        assertEquals(3, full, "990 distinct constraints past the cap share 3 lines a minute");
        assertEquals(10, limiter.size(), "bounded");

        clock.addAndGet(2 * MINUTE);
        ViolationLogLimiter.Verdict shared = limiter.admit(threePerMinute, report("c5000", "x"));
        assertTrue(shared.full(), "idle kinds were dropped: a new kind has its own interval again");
        assertFalse(shared.summary());
        assertEquals(1, limiter.size(), "the ten idle kinds were dropped");
    }

    @Test
    void theSharedIntervalOwesItsSummaryToo() {
        ViolationLogLimiter limiter = new ViolationLogLimiter(1, clock::get);
        limiter.admit(threePerMinute, report("own", "x"));
        clock.addAndGet(1);
        for (int i = 0; i < 10; i++) {
            limiter.admit(threePerMinute, report("other" + i, "other " + i));
        }
        clock.addAndGet(MINUTE / 2);
        limiter.admit(threePerMinute, report("own", "keeps its interval")); // not idle: nothing dropped
        clock.addAndGet(MINUTE);
        ViolationLogLimiter.Verdict verdict = limiter.admit(threePerMinute, report("own", "y"));
        assertTrue(verdict.full());
        verdict = limiter.admit(threePerMinute, report("other-late", "late"));
        assertTrue(verdict.shared() && verdict.full());
        assertEquals(7, verdict.suppressed());
        assertEquals("other 9", verdict.lastSuppressed().explain());
    }

    @Test
    void underContention_exactlyTheAllowedLinesAreFull_andTheSummaryCountsEveryOtherOne() throws Exception {
        ViolationLogLimiter limiter = new ViolationLogLimiter(100, clock::get);
        LogRate tenPerMinute = LogRate.parse("10/1m");
        int threads = 8;
        int each = 5_000;
        AtomicLong full = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        // three kinds, one of them shared by all threads at once
                        String constraint = i % 3 == 0 ? "uq_email" : i % 3 == 1 ? "uq_nick" : "pk_person";
                        if (limiter.admit(tenPerMinute, report(constraint, "x")).full()) {
                            full.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(30, full.get(), "ten per kind, however the threads interleave");
        clock.addAndGet(MINUTE);
        long suppressed = 0;
        for (String constraint : List.of("uq_email", "uq_nick", "pk_person")) {
            suppressed += limiter.admit(tenPerMinute, report(constraint, "x")).suppressed();
        }
        assertEquals(threads * each - 30, suppressed, "every violation is either logged or in a summary");
    }

    @Test
    void logRateSettings() {
        assertEquals(new LogRate(10, MINUTE, "10/1m"), LogRate.parse(" 10 / 1M "));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(250), LogRate.parse("1/250ms").intervalNanos());
        assertEquals(TimeUnit.HOURS.toNanos(2), LogRate.parse("5/2h").intervalNanos());
        assertTrue(LogRate.parse("unlimited").unlimited());
        for (String bad : List.of("", "10", "0/1m", "10/0s", "10/m", "10/1", "10/1d", "-1/1m", "ten/1m",
                "10/1m/1", "99999999999/1m", "10/9999999999h")) {
            assertThrows(IllegalArgumentException.class, () -> LogRate.parse(bad), bad);
        }
    }

    private static ViolationReport report(String constraint, String explanation) {
        return fields("ds", ViolationKind.UNIQUE, "PERSON", constraint, explanation).report();
    }

    private static ReportFields fields(String dataSource, ViolationKind kind, String table, String constraint,
                                       String explanation) {
        return new ReportFields(kind, constraint, table, List.of("EMAIL"), "INSERT INTO person (email) VALUES (?)",
                List.of("'a@example.com'"), Map.of(), null, "23505", 23505, "H2", dataSource, explanation);
    }
}
