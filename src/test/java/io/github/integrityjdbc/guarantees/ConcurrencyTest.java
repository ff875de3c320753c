package io.github.integrityjdbc.guarantees;

import ch.qos.logback.classic.Logger;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.report.ViolationLog;
import io.github.integrityjdbc.testing.CapturedLog;
import io.github.integrityjdbc.testing.H2Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A HikariCP pool through the proxy, 16 threads, 20,000 statements of which about one in ten is a violation of a
 * random kind: every violation is explained with its own statement's values, counted once, logged once, and the
 * pool ends with every connection back.
 */
class ConcurrencyTest {

    private static final int THREADS = 16;
    private static final int STATEMENTS_PER_THREAD = 1250;
    private static final String INSERT = "INSERT INTO item (id, code, parent_id, name, qty, small) VALUES (?, ?, ?, ?, ?, ?)";
    private static final ViolationKind[] KINDS = {ViolationKind.UNIQUE, ViolationKind.PRIMARY_KEY,
        ViolationKind.FOREIGN_KEY, ViolationKind.NOT_NULL, ViolationKind.CHECK, ViolationKind.VALUE_TOO_LONG,
        ViolationKind.OUT_OF_RANGE};

    @Test
    void sixteenThreadsThroughAPool_eachReportItsOwn_countersExact_poolDrained() throws Exception {
        String name = H2Database.uniqueName("load");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(registry);
        Logger violations = (Logger) LoggerFactory.getLogger(ViolationLog.LOGGER_NAME);
        violations.setAdditive(false); // 2,000 WARN lines on the console would only slow the test down
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:integrity:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        config.addDataSourceProperty("integrity.name", name);
        config.setMaximumPoolSize(8); // fewer connections than threads: connections change hands all the time
        config.setConnectionTimeout(30_000);
        try (CapturedLog log = new CapturedLog(ViolationLog.LOGGER_NAME);
             HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE parent (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO parent VALUES (1)");
                statement.execute("CREATE TABLE item (id BIGINT CONSTRAINT pk_item PRIMARY KEY,"
                        + " code VARCHAR(40) CONSTRAINT uq_item_code UNIQUE,"
                        + " parent_id INT CONSTRAINT fk_item_parent REFERENCES parent (id),"
                        + " name VARCHAR(10) NOT NULL, qty INT CONSTRAINT ck_item_qty CHECK (qty >= 0), small SMALLINT)");
                statement.execute("INSERT INTO item VALUES (0, 'taken', 1, 'seed', 0, 0)");
            }

            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<Map<ViolationKind, Integer>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                results.add(threads.submit(worker(pool, t)));
            }
            Map<ViolationKind, Integer> caught = new EnumMap<>(ViolationKind.class);
            for (Future<Map<ViolationKind, Integer>> result : results) {
                result.get(2, TimeUnit.MINUTES).forEach((kind, n) -> caught.merge(kind, n, Integer::sum));
            }
            threads.shutdown();

            int total = caught.values().stream().mapToInt(Integer::intValue).sum();
            assertTrue(total > 1500 && total < 2500, "about one in ten: " + total);
            assertEquals(KINDS.length, caught.size(), "every kind happened: " + caught);
            for (ViolationKind kind : KINDS) {
                double counted = registry.find("jdbc.integrity.violations").tags("datasource", name,
                        "kind", kind.name().toLowerCase()).counters().stream().mapToDouble(Counter::count).sum();
                assertEquals(caught.get(kind), (int) counted, kind.name());
            }
            assertEquals(total, log.events().size(), "one log event per violation");
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT COUNT(*) FROM item")) {
                rows.next();
                assertEquals(1 + THREADS * STATEMENTS_PER_THREAD - total, rows.getInt(1), "every good row written");
            }
            assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "every connection returned");
            assertEquals(pool.getHikariPoolMXBean().getTotalConnections(),
                    pool.getHikariPoolMXBean().getIdleConnections());
        } finally {
            violations.setAdditive(true);
            Metrics.globalRegistry.remove(registry);
        }
    }

    /** One thread's statements; returns the violations it caught, by kind, after checking each report. */
    private static Callable<Map<ViolationKind, Integer>> worker(HikariDataSource pool, int thread) {
        return () -> {
            Random random = new Random(thread);
            Map<ViolationKind, Integer> caught = new EnumMap<>(ViolationKind.class);
            for (int i = 0; i < STATEMENTS_PER_THREAD; i++) {
                long id = (thread + 1) * 1_000_000L + i;
                ViolationKind kind = random.nextInt(10) == 0 ? KINDS[random.nextInt(KINDS.length)] : null;
                Object[] values = {kind == ViolationKind.PRIMARY_KEY ? 0L : id,
                    kind == ViolationKind.UNIQUE ? "taken" : "t" + thread + "-" + i,
                    kind == ViolationKind.FOREIGN_KEY ? 999 : 1,
                    kind == ViolationKind.NOT_NULL ? null
                            : kind == ViolationKind.VALUE_TOO_LONG ? "thread-" + thread + "-row-" + i : "t" + thread,
                    kind == ViolationKind.CHECK ? -1 - thread : i,
                    kind == ViolationKind.OUT_OF_RANGE ? 40_000 + thread : thread};
                try (Connection connection = pool.getConnection();
                     PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    for (int p = 0; p < values.length; p++) {
                        if (values[p] == null) {
                            insert.setNull(p + 1, Types.VARCHAR);
                        } else {
                            insert.setObject(p + 1, values[p]);
                        }
                    }
                    insert.executeUpdate();
                    assertEquals(null, kind, "statement " + id + " should have failed");
                } catch (SQLException e) {
                    ViolationReport report = IntegrityViolations.find(e)
                            .orElseThrow(() -> new AssertionError("not explained: " + id, e));
                    assertEquals(kind, report.kind(), e.getMessage());
                    assertEquals(rendered(values), report.parameters(), "this thread's values, not another's");
                    assertTrue(e.getMessage().contains("parameters: [" + values[0] + ", "), e.getMessage());
                    caught.merge(kind, 1, Integer::sum);
                }
            }
            return caught;
        };
    }

    private static List<String> rendered(Object[] values) {
        List<String> shown = new ArrayList<>();
        for (Object value : values) {
            shown.add(value == null ? "NULL" : value instanceof String ? "'" + value + "'" : value.toString());
        }
        return shown;
    }
}
