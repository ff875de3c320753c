package io.github.integrityjdbc.guarantees;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.report.ViolationLog;
import io.github.integrityjdbc.testing.CapturedLog;
import io.github.integrityjdbc.testing.H2Database;
import io.github.integrityjdbc.testing.Servers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

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
    private static final String INSERT =
            "INSERT INTO ij_load_item (id, code, parent_id, name, qty, small) VALUES (?, ?, ?, ?, ?, ?)";
    private static final ViolationKind[] KINDS = {ViolationKind.UNIQUE, ViolationKind.PRIMARY_KEY,
        ViolationKind.FOREIGN_KEY, ViolationKind.NOT_NULL, ViolationKind.CHECK, ViolationKind.VALUE_TOO_LONG,
        ViolationKind.OUT_OF_RANGE};

    @Test
    void h2_sixteenThreadsThroughAPool_eachReportItsOwn_countersExact_poolDrained() throws Exception {
        String name = H2Database.uniqueName("load");
        run("jdbc:integrity:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", name, 1250); // 20,000 statements
    }

    @Test
    void postgres_sixteenThreadsThroughAPool_eachReportItsOwn_countersExact_poolDrained() throws Exception {
        Servers.requirePostgres();
        run(Servers.POSTGRES_URL, H2Database.uniqueName("load-postgres"), 250); // 4,000 statements
    }

    @Test
    void mariaDb_sixteenThreadsThroughAPool_eachReportItsOwn_countersExact_poolDrained() throws Exception {
        Servers.requireMariaDb();
        run(Servers.MARIADB_URL, H2Database.uniqueName("load-mariadb"), 250); // 4,000 statements
    }

    private static void run(String url, String name, int statementsPerThread) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.globalRegistry.add(registry);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.addDataSourceProperty("integrity.name", name);
        config.addDataSourceProperty("integrity.log.rate", "unlimited"); // one line per violation is checked
        config.setMaximumPoolSize(8); // fewer connections than threads: connections change hands all the time
        config.setConnectionTimeout(30_000);
        try (CapturedLog log = new CapturedLog(ViolationLog.LOGGER_NAME);
             HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS ij_load_item");
                statement.execute("DROP TABLE IF EXISTS ij_load_parent");
                statement.execute("CREATE TABLE ij_load_parent (id INT PRIMARY KEY)");
                statement.execute("INSERT INTO ij_load_parent VALUES (1)");
                statement.execute("CREATE TABLE ij_load_item (id BIGINT NOT NULL, code VARCHAR(40), parent_id INT,"
                        + " name VARCHAR(10) NOT NULL, qty INT, small SMALLINT,"
                        + " CONSTRAINT pk_ij_load_item PRIMARY KEY (id),"
                        + " CONSTRAINT uq_ij_load_item_code UNIQUE (code),"
                        + " CONSTRAINT fk_ij_load_item_parent FOREIGN KEY (parent_id) REFERENCES ij_load_parent (id),"
                        + " CONSTRAINT ck_ij_load_item_qty CHECK (qty >= 0))");
                statement.execute("INSERT INTO ij_load_item VALUES (0, 'taken', 1, 'seed', 0, 0)");
            }
            try {
                drive(pool, registry, log, name, statementsPerThread);
            } finally {
                try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE IF EXISTS ij_load_item");
                    statement.execute("DROP TABLE IF EXISTS ij_load_parent");
                }
            }
        } finally {
            Metrics.globalRegistry.remove(registry);
        }
    }

    private static void drive(HikariDataSource pool, SimpleMeterRegistry registry, CapturedLog log, String name,
                              int statementsPerThread) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<Map<ViolationKind, Integer>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            results.add(threads.submit(worker(pool, t, statementsPerThread)));
        }
        Map<ViolationKind, Integer> caught = new EnumMap<>(ViolationKind.class);
        for (Future<Map<ViolationKind, Integer>> result : results) {
            result.get(2, TimeUnit.MINUTES).forEach((kind, n) -> caught.merge(kind, n, Integer::sum));
        }
        threads.shutdown();

        int total = caught.values().stream().mapToInt(Integer::intValue).sum();
        int statements = THREADS * statementsPerThread;
        assertTrue(total > statements / 14 && total < statements / 7, "about one in ten: " + total);
        assertEquals(KINDS.length, caught.size(), "every kind happened: " + caught);
        for (ViolationKind kind : KINDS) {
            double counted = registry.find("jdbc.integrity.violations").tags("datasource", name,
                    "kind", kind.name().toLowerCase()).counters().stream().mapToDouble(Counter::count).sum();
            assertEquals(caught.get(kind), (int) counted, kind.name());
        }
        assertEquals(total, log.events().size(), "one log event per violation");
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM ij_load_item")) {
            rows.next();
            assertEquals(1 + statements - total, rows.getInt(1), "every good row written");
        }
        assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "every connection returned");
        assertEquals(pool.getHikariPoolMXBean().getTotalConnections(),
                pool.getHikariPoolMXBean().getIdleConnections());
    }

    /** One thread's statements; returns the violations it caught, by kind, after checking each report. */
    private static Callable<Map<ViolationKind, Integer>> worker(HikariDataSource pool, int thread,
                                                                 int statementsPerThread) {
        return () -> {
            Random random = new Random(thread);
            Map<ViolationKind, Integer> caught = new EnumMap<>(ViolationKind.class);
            for (int i = 0; i < statementsPerThread; i++) {
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
