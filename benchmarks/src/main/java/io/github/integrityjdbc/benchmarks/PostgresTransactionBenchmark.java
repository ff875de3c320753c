package io.github.integrityjdbc.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.IntegrityViolations;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * A CHECK violation inside a transaction on PostgreSQL, through a HikariCP pool: the shape of a {@code @Transactional}
 * method. PostgreSQL aborts the transaction, so the CHECK's columns come from a lookup on a separate connection. A
 * wrapped pool opens it the way the pool opens its own connections, only when the schema cache misses.
 * {@code newConstraint=true} gives every violation a constraint never seen before (each one misses the cache: the
 * cost of the lookup connection, paid once per constraint); {@code false} repeats one (answered from the cache, what
 * every later violation of a constraint costs). Each operation: begin, the failing INSERT, the report read, rollback.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class PostgresTransactionBenchmark {

    /** RAW: the pool of the real driver; INTEGRITY_URL: the pool's jdbcUrl prefixed; INTEGRITY_DATASOURCE: wrapped. */
    @Param({"RAW", "INTEGRITY_URL", "INTEGRITY_DATASOURCE"})
    public Variant variant;

    @Param({"false", "true"})
    public boolean newConstraint;

    private static final String TABLE = "ij_bench_tx_" + Workload.processSuffix();

    private HikariDataSource pool;
    private DataSource dataSource;
    private Connection connection;
    private Connection admin;
    private int constraints;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl((variant == Variant.INTEGRITY_URL ? "jdbc:integrity:" : "jdbc:")
                + Database.POSTGRESQL.url());
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        dataSource = switch (variant) {
            case RAW, INTEGRITY_URL -> pool;
            case INTEGRITY_DATASOURCE -> IntegrityDataSource.builder().meterRegistry(Peers.METERS).wrap(pool);
            default -> throw new IllegalArgumentException(variant + " is not measured here");
        };
        admin = Variant.RAW.open(Database.POSTGRESQL);
        try (Statement statement = admin.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
            statement.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, age INT)");
        }
        addConstraint();
        connection = dataSource.getConnection();
        connection.setAutoCommit(false);
    }

    /** A new CHECK constraint, before each invocation when every violation must miss the cache. */
    @Setup(Level.Invocation)
    public void perInvocation() throws SQLException {
        if (newConstraint) {
            addConstraint();
        }
    }

    private void addConstraint() throws SQLException {
        try (Statement statement = admin.createStatement()) {
            if (constraints > 0) {
                statement.execute("ALTER TABLE " + TABLE + " DROP CONSTRAINT ck_bench_tx_" + constraints);
            }
            constraints++;
            statement.execute("ALTER TABLE " + TABLE + " ADD CONSTRAINT ck_bench_tx_" + constraints
                    + " CHECK (age >= 0)");
        }
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
        pool.close();
        try (Statement statement = admin.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + TABLE);
        }
        admin.close();
    }

    @Benchmark
    public int checkViolationInTransaction() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?)")) {
            insert.setInt(1, 1);
            insert.setInt(2, -1);
            insert.executeUpdate();
            throw new IllegalStateException("the CHECK did not fail");
        } catch (SQLException e) {
            connection.rollback();
            if (variant == Variant.RAW) {
                return e.getErrorCode();
            }
            int columns = IntegrityViolations.find(e).orElseThrow().columns().size();
            if (columns != 1) {
                throw new IllegalStateException("the CHECK's column was not looked up: " + e.getMessage());
            }
            return columns;
        }
    }
}
