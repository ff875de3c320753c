package io.github.integrityjdbc.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

import java.sql.SQLException;

/** INSERT and SELECT by key over loopback PostgreSQL: the figure users meet, a network round trip per statement. */
public class PostgresBenchmark extends WorkloadBenchmark {

    @Override
    Database database() {
        return Database.POSTGRESQL;
    }

    @Override
    String tableSuffix() {
        return Workload.processSuffix();
    }

    @Benchmark
    public int insert() throws SQLException {
        return workload.insert(nextId++);
    }

    @Benchmark
    public int selectByKey() throws SQLException {
        return workload.selectByKey(nextId++);
    }
}
