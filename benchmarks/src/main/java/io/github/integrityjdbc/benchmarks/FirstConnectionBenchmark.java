package io.github.integrityjdbc.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * The cost of a connection's first use in a fresh JVM (single shot, one fork per sample): open, SELECT by key, close.
 * {@code firstConnection} pays for whatever the variant does once per JVM (for integrity-jdbc: loading its classes
 * from the jar, which holds the proxies generated at build time, and picking the vendor proxy for each driver class);
 * {@code laterConnection} is the same after one connection was already used, and must not pay it again. The real driver is loaded and the tables are created before the measurement, for every variant.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(5)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Thread)
public class FirstConnectionBenchmark {

    @Param({"RAW", "INTEGRITY_URL", "INTEGRITY_DATASOURCE", "DATASOURCE_PROXY", "DATASOURCE_PROXY_LISTENER",
            "LOG4JDBC", "OTEL"})
    public Variant variant;

    private Connection keepAlive;

    @Setup(Level.Trial)
    public void prepare(BenchmarkParams params) throws SQLException {
        keepAlive = Variant.RAW.open(Database.H2);
        new Workload(keepAlive, "").createTables();
        if (params.getBenchmark().endsWith("laterConnection")) {
            useOneConnection();
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        keepAlive.close();
    }

    private int useOneConnection() throws SQLException {
        try (Connection connection = variant.open(Database.H2)) {
            if (!variant.wraps(connection)) {
                throw new IllegalStateException(variant + " was not in the path: " + connection.getClass());
            }
            return new Workload(connection, "").selectByKey(1);
        }
    }

    @Benchmark
    public int firstConnection() throws SQLException {
        return useOneConnection();
    }

    @Benchmark
    public int laterConnection() throws SQLException {
        return useOneConnection();
    }
}
