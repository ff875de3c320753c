package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.capture.StatementCapture;
import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.report.ViolationLog;
import io.github.integrityjdbc.testing.CapturedLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When explaining fails, the application gets the original exception, unchanged. */
class ExplainerFaultTest {

    private Connection raw;
    private Explainer explainer;

    @BeforeEach
    void setUp() throws SQLException {
        raw = DriverManager.getConnection("jdbc:h2:mem:faults");
        explainer = new Explainer(raw, IntegrityConfig.from(new Properties(), null, "faults"), "jdbc:h2:mem:faults");
    }

    @AfterEach
    void tearDown() throws SQLException {
        raw.close();
    }

    @Test
    void messageThatThrows_originalReturnedUnchanged() {
        SQLException hostile = new SQLException("x", "23505") {
            @Override
            public String getMessage() {
                throw new IllegalStateException("broken driver");
            }
        };
        assertSame(hostile, explainer.explain(hostile, new StatementCapture("INSERT INTO t VALUES (?)")));
        assertEquals(0, hostile.getSuppressed().length);
    }

    @Test
    void notAViolation_originalReturnedUnchanged() {
        SQLException syntax = new SQLException("syntax", "42000", 42000);
        assertSame(syntax, explainer.explain(syntax, new StatementCapture("SELEC")));
    }

    @Test
    void nullMessageNullStateOrShortState_explainedOrKept() {
        SQLException nullState = new java.sql.SQLIntegrityConstraintViolationException((String) null);
        SQLException result = explainer.explain(nullState, new StatementCapture(null));
        assertSame(nullState, result.getCause());
        assertTrue(IntegrityViolations.find(result).isPresent());

        SQLException shortState = new SQLException("odd", "2");
        assertSame(shortState, explainer.explain(shortState, null));
    }

    @Test
    void unreadableSqlAndLoopingCauses_stillExplainedWithWhatIsKnown() {
        BatchUpdateException batch = new BatchUpdateException("batch", "23505", 1, new int[0]);
        SQLException a = new SQLException("a", "08000");
        SQLException b = new SQLException("b", "08000", a);
        a.initCause(b);
        batch.initCause(a);
        StatementCapture capture = new StatementCapture("INSERT INTO ((( '' \" /* unterminated");
        SQLException result = explainer.explain(batch, capture);
        assertSame(batch, result.getCause());
        assertTrue(IntegrityViolations.find(result).isPresent());
    }

    // ****  a schema lookup that hangs, a failing metadata call, a failure half-way  ****

    /** A dialect whose constraint lookup is a query that would run for hours. */
    private static final class HangingLookup implements Dialect {
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public void read(SQLException violation, ErrorReading facts) {
            new H2Dialect().read(violation, facts);
        }

        @Override
        public ConstraintInfo describeConstraint(Connection connection, String schema, String constraint)
                throws SQLException {
            lookups.incrementAndGet();
            try (PreparedStatement query = Dialect.prepareLookup(connection,
                    "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 1000000000000) a WHERE MOD(a.X, 7) = 8")) {
                query.executeQuery().close();
            }
            return new ConstraintInfo("PUBLIC", "WRONG", List.of("WRONG"));
        }

        @Override
        public String storedName(String identifier, boolean quoted) {
            return new H2Dialect().storedName(identifier, quoted);
        }
    }

    @Test
    void hangingSchemaLookup_timesOut_theApplicationGetsItsExplanation_andLookupsPause() throws SQLException {
        HangingLookup dialect = new HangingLookup();
        Explainer hanging = new Explainer(raw, config(), "jdbc:h2:mem:hanging-" + System.nanoTime(), dialect,
                "H2");
        try (Statement statement = raw.createStatement()) {
            statement.execute("CREATE TABLE stock (id INT PRIMARY KEY, qty INT CONSTRAINT ck_stock_qty CHECK (qty >= 0))");
        }
        String insert = "INSERT INTO stock (id, qty) VALUES (?, ?)";
        SQLException original = failOnRaw(insert, 1, -1);

        SQLException first = assertTimeoutPreemptively(Duration.ofSeconds(Dialect.LOOKUP_TIMEOUT_SECONDS + 8),
                () -> hanging.explain(original, capture(insert, 1, -1)));
        assertSame(original, first.getCause());
        ViolationReport report = IntegrityViolations.find(first).orElseThrow();
        assertEquals(ViolationKind.CHECK, report.kind());
        assertEquals("CK_STOCK_QTY", report.constraint().orElseThrow());
        assertEquals("STOCK", report.table().orElseThrow(), "from the statement, the lookup having timed out");
        assertEquals(List.of("1", "-1"), report.parameters());
        assertEquals(1, dialect.lookups.get());
        try (Statement statement = raw.createStatement(); ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertTrue(rows.next(), "the connection is usable after the timed-out lookup");
        }

        SQLException again = failOnRaw(insert, 2, -2);
        SQLException second = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> hanging.explain(again, capture(insert, 2, -2)));
        assertEquals(List.of("2", "-2"), IntegrityViolations.find(second).orElseThrow().parameters());
        assertEquals(1, dialect.lookups.get(), "lookups on that database are paused after a timeout");
    }

    @Test
    void connectionClosedBeforeExplaining_everyMetadataCallFails_stillExplainedWithWhatIsKnown() throws SQLException {
        try (Statement statement = raw.createStatement()) {
            statement.execute("CREATE TABLE tag (id INT PRIMARY KEY, label VARCHAR(5) CONSTRAINT ck_tag CHECK (label <> 'x'))");
        }
        SQLException original = failOnRaw("INSERT INTO tag VALUES (?, ?)", 1, "x");
        Connection closed = DriverManager.getConnection("jdbc:h2:mem:faults");
        closed.close();
        Explainer onClosed = new Explainer(closed, config(), "jdbc:h2:mem:closed-" + System.nanoTime());

        SQLException result = onClosed.explain(original, capture("INSERT INTO tag VALUES (?, ?)", 1, "x"));
        assertSame(original, result.getCause());
        ViolationReport report = IntegrityViolations.find(result).orElseThrow();
        assertEquals(ViolationKind.CHECK, report.kind(), "the SQLState still tells the kind");
        assertEquals("CK_TAG", report.constraint().orElseThrow(), "the message still names the constraint");
        assertEquals("TAG", report.table().orElseThrow(), "and the statement the table");
        assertEquals(List.of(), report.columns(), "no guess where the schema could not be read");
        assertEquals(List.of("****", "****"), report.parameters(),
                "an INSERT without a column list whose columns the schema could not tell: any value could be a"
                        + " masked column's, so none is shown");
    }

    @Test
    void failureHalfWayThroughExplaining_originalUnchanged_nothingLoggedOrCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Explainer counting = new Explainer(raw, config().withRegistry(registry), "jdbc:h2:mem:faults");
        SQLException hostile = new SQLException("Unique index or primary key violation: \"PUBLIC.UQ ON PUBLIC.T(A)\"",
                "23505", 23505) {
            @Override
            public int getErrorCode() {
                throw new IllegalStateException("broken driver");
            }
        };
        try (CapturedLog log = new CapturedLog(ViolationLog.LOGGER_NAME)) {
            assertSame(hostile, counting.explain(hostile, capture("INSERT INTO t (a) VALUES (?)", 1)));
            assertEquals(List.of(), log.events(), "no log line for an explanation that did not finish");
        }
        assertEquals(List.of(), registry.getMeters(), "nothing counted either");
        assertEquals(0, hostile.getSuppressed().length);
    }

    /** Publishing is last: a failure while building the application's exception leaves no log line and no count. */
    @Test
    void failureWhileBuildingTheException_nothingLoggedOrCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Explainer counting = new Explainer(raw, config().withRegistry(registry), "jdbc:h2:mem:faults");
        SQLException unbuildable = new SQLException("NULL not allowed for column \"A\"; SQL statement:\n"
                + "INSERT INTO t (a) VALUES (?) [23502-252]", "23502", 23502) {
            @Override
            public StackTraceElement[] getStackTrace() {
                throw new IllegalStateException("a stack trace that cannot be copied");
            }
        };
        try (CapturedLog log = new CapturedLog(ViolationLog.LOGGER_NAME)) {
            assertSame(unbuildable, counting.explain(unbuildable, capture("INSERT INTO t (a) VALUES (?)", 1)));
            assertEquals(List.of(), log.events(), "no log line for an exception that was never built");
        }
        assertEquals(List.of(), registry.getMeters(), "nothing counted either");
    }

    @Test
    void statementClosedBeforeTheFailure_theDriversOwnErrorUnchanged() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:integrity:h2:mem:closedstatement");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO t VALUES (1)");
            PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)");
            insert.setInt(1, 1);
            insert.close();
            SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
            assertEquals("org.h2.jdbc.JdbcSQLNonTransientException", e.getClass().getName());
            assertEquals(90007, e.getErrorCode());
            assertFalse(IntegrityViolations.find(e).isPresent());

            PreparedStatement batch = connection.prepareStatement("INSERT INTO t VALUES (?)");
            batch.setInt(1, 1);
            batch.addBatch();
            batch.close();
            SQLException b = assertThrows(SQLException.class, batch::executeBatch);
            assertEquals(90007, b.getErrorCode());
            assertFalse(IntegrityViolations.find(b).isPresent());
        }
    }

    @Test
    void nullMessageUnderEveryViolationState_explainedFromTheStateAndTheStatement() {
        for (String state : new String[] {"23505", "23503", "23506", "23502", "23513", "22001", "22003", "22004"}) {
            SQLException silent = new SQLException(null, state, 1);
            SQLException result = explainer.explain(silent, capture("INSERT INTO t (a) VALUES (?)", 5));
            assertSame(silent, result.getCause(), state);
            ViolationReport report = IntegrityViolations.find(result).orElseThrow();
            assertEquals(state, report.sqlState());
            assertEquals(List.of("5"), report.parameters(), state);
            assertTrue(report.constraint().isEmpty(), state);
        }
    }

    @Test
    void loopingCauseChain_findEndsEmptyHanded_andExplainKeepsTheOriginal() {
        SQLException a = new SQLException("a", "08000");
        SQLException b = new SQLException("b", "08000", a);
        a.initCause(b);
        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> IntegrityViolations.find(a)).isEmpty());
        assertSame(a, explainer.explain(a, new StatementCapture("INSERT INTO t VALUES (1)")));

        SQLException violation = new SQLException("dup", "23505", a);
        SQLException result = explainer.explain(violation, new StatementCapture("INSERT INTO t VALUES (1)"));
        assertNotSame(violation, result);
        assertSame(violation, result.getCause());
    }

    private static IntegrityConfig config() {
        try {
            return IntegrityConfig.from(new Properties(), null, "faults");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private SQLException failOnRaw(String sql, Object... values) {
        return assertThrows(SQLException.class, () -> {
            try (PreparedStatement statement = raw.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.executeUpdate();
            }
        });
    }

    private static StatementCapture capture(String sql, Object... values) {
        StatementCapture capture = new StatementCapture(sql);
        for (int i = 0; i < values.length; i++) {
            capture.bind(i + 1, values[i]);
        }
        return capture;
    }
}
