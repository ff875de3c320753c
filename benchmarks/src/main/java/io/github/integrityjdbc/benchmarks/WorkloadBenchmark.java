package io.github.integrityjdbc.benchmarks;

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

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * One open connection per trial, through the variant under test; the workloads run on it. At the end of the trial
 * the variant must prove it was in the path, or the trial fails: no figure can silently measure the raw driver.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public abstract class WorkloadBenchmark {

    @Param({"RAW", "INTEGRITY_URL", "INTEGRITY_DATASOURCE", "DATASOURCE_PROXY", "DATASOURCE_PROXY_LISTENER",
            "LOG4JDBC", "OTEL"})
    public Variant variant;

    Workload workload;
    int nextId = 1;
    private long startEvidence;

    abstract Database database();

    abstract String tableSuffix();

    @Setup(Level.Trial)
    public void open() throws SQLException {
        if (!database().reachable()) {
            throw new IllegalStateException(database() + " is not reachable at jdbc:" + database().url()
                    + "; start it, or leave this benchmark out");
        }
        workload = new Workload(variant.open(database()), tableSuffix());
        workload.createTables();
        startEvidence = variant.startEvidence();
    }

    @TearDown(Level.Trial)
    public void verifyAndClose() throws SQLException {
        try (Connection connection = workload.connection()) {
            variant.verifyInPath(workload, startEvidence);
            workload.dropTables();
        }
    }
}
