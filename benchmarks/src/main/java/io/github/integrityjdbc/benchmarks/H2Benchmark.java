package io.github.integrityjdbc.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

import java.sql.SQLException;

/** Every workload on H2 in memory, where nothing hides the proxy's own cost. */
public class H2Benchmark extends WorkloadBenchmark {

    @Override
    Database database() {
        return Database.H2;
    }

    @Override
    String tableSuffix() {
        return "";
    }

    @Benchmark
    public int insert() throws SQLException {
        return workload.insert(nextId++);
    }

    @Benchmark
    public int selectByKey() throws SQLException {
        return workload.selectByKey(nextId++);
    }

    @Benchmark
    public int batch() throws SQLException {
        int firstId = nextId;
        nextId += Workload.BATCH_ROWS;
        return workload.batch(firstId);
    }

    @Benchmark
    public int selectOne() throws SQLException {
        return workload.selectOne();
    }

    @Benchmark
    public int failure() {
        return workload.failure(nextId++);
    }
}
