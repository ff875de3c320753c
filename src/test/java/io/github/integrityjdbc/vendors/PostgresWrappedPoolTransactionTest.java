package io.github.integrityjdbc.vendors;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static io.github.integrityjdbc.testing.PostgresSessions.backendPid;
import static io.github.integrityjdbc.testing.PostgresSessions.lastQueryOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A wrapped DataSource inside a PostgreSQL transaction, the shape of every {@code @Transactional} method: the failed
 * statement aborted the transaction, so what only the catalog knows (a CHECK's columns, a primary key told from a
 * unique constraint) is looked up on a new physical connection opened the way the pool opens its own, never borrowed
 * from the pool. The report has what the URL route gives. Names are new in every run: the schema cache, shared by the
 * JVM, must not answer for a lookup this test is about.
 */
class PostgresWrappedPoolTransactionTest {

    /** HikariCP sets DriverManager's login timeout (JVM-wide) from its connection timeout: restored after. */
    private final int loginTimeout = DriverManager.getLoginTimeout();
    private String table;
    private String check;
    private String primaryKey;

    @BeforeEach
    void setUp() throws SQLException {
        Servers.requirePostgres();
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000_000), 36);
        table = "ij_pooltx_" + suffix;
        check = "ck_ij_pooltx_age_" + suffix;
        primaryKey = "pk_ij_pooltx_" + suffix;
        try (Connection raw = DriverManager.getConnection(Servers.POSTGRES_PLAIN_URL);
             Statement statement = raw.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id INT CONSTRAINT " + primaryKey + " PRIMARY KEY,"
                    + " name VARCHAR(20), age INT CONSTRAINT " + check + " CHECK (age >= 0))");
            statement.execute("INSERT INTO " + table + " VALUES (1, 'ada', 36)");
        }
    }

    @AfterEach
    void tearDown() throws SQLException {
        DriverManager.setLoginTimeout(loginTimeout);
        if (table != null) {
            try (Connection raw = DriverManager.getConnection(Servers.POSTGRES_PLAIN_URL);
                 Statement statement = raw.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + table);
            }
        }
    }

    /** A pool of one connection, so that borrowing a second for the lookup would wait and then fail. */
    private static HikariDataSource poolOfOne() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ij-pooltx");
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
        config.setUsername("postgres");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        return new HikariDataSource(config);
    }

    @Test
    void hikariPool_checkAndPrimaryKeyInsideTransaction_explainedFromTheCatalog_poolUntouched() throws SQLException {
        try (HikariDataSource pool = poolOfOne()) {
            DataSource dataSource = IntegrityDataSource.builder().name("orders").wrap(pool);
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                int backend = backendPid(connection);
                ViolationReport negativeAge = insertFails(connection, 2, "bob", -1);
                assertEquals(ViolationKind.CHECK, negativeAge.kind());
                assertEquals(Optional.of(check), negativeAge.constraint());
                assertEquals(List.of("age"), negativeAge.columns(), "the CHECK's columns, from pg_constraint");
                assertEquals(Map.of("age", "-1"), negativeAge.offendingValues());
                assertEquals(1, pool.getHikariPoolMXBean().getTotalConnections(), "no connection added to the pool");
                assertEquals("INSERT INTO " + table + " VALUES ($1, $2, $3)", lastQueryOf(backend),
                        "nothing else ran on the application's connection");
                assertAborted(connection);
                connection.rollback();

                ViolationReport duplicate = insertFails(connection, 1, "ada", 37);
                assertEquals(ViolationKind.PRIMARY_KEY, duplicate.kind(), "only the catalog tells a primary key");
                assertEquals(Optional.of(primaryKey), duplicate.constraint());
                assertEquals(Map.of("id", "1"), duplicate.offendingValues());
                connection.rollback();
            }
            assertEquals(1, pool.getHikariPoolMXBean().getTotalConnections());
            assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "every connection back in the pool");
        }
    }

    @Test
    void otherPool_withLookupDataSource_explainedFromTheCatalog() throws SQLException {
        PGSimpleDataSource unpooled = new PGSimpleDataSource();
        unpooled.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
        unpooled.setUser("postgres");
        DataSource dataSource = IntegrityDataSource.builder().lookupDataSource(unpooled).wrap(unpooled);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            ViolationReport negativeAge = insertFails(connection, 2, "bob", -1);
            assertEquals(List.of("age"), negativeAge.columns());
            connection.rollback();
        }
    }

    @Test
    void noLookupConnection_explainedFromTheErrorAlone() throws SQLException {
        PGSimpleDataSource unpooled = new PGSimpleDataSource();
        unpooled.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
        unpooled.setUser("postgres");
        DataSource dataSource = IntegrityDataSource.wrap(unpooled);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            ViolationReport negativeAge = insertFails(connection, 2, "bob", -1);
            assertEquals(ViolationKind.CHECK, negativeAge.kind());
            assertEquals(Optional.of(check), negativeAge.constraint(), "pgjdbc's error names it");
            assertEquals(Optional.of(table), negativeAge.table());
            assertEquals(List.of(), negativeAge.columns(), "only the catalog knows them, and no connection may ask");
            connection.rollback();
        }
    }

    private ViolationReport insertFails(Connection connection, int id, String name, int age) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, name);
            insert.setInt(3, age);
            SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
            return IntegrityViolations.find(e).orElseThrow();
        }
    }

    private static void assertAborted(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            SQLException aborted = assertThrows(SQLException.class, () -> statement.executeQuery("SELECT 1"));
            assertEquals("25P02", aborted.getSQLState(), "the transaction is still aborted, as the driver left it");
        }
    }
}
