package io.github.integrityjdbc;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.integrityjdbc.report.ViolationLog;
import io.github.integrityjdbc.testing.CapturedLog;
import io.github.integrityjdbc.testing.H2Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12, item 3: a violation storm writes a bounded number of log lines and counts every violation. */
class LogStormTest {

    private static final String INSERT = "INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private CapturedLog log;

    @BeforeEach
    void setUp() {
        Metrics.globalRegistry.add(registry);
        log = new CapturedLog(ViolationLog.LOGGER_NAME);
    }

    @AfterEach
    void tearDown() {
        Metrics.globalRegistry.remove(registry);
        log.close();
        MDC.clear();
    }

    @Test
    void twentyThousandIdenticalViolations_writeTheDefaultTenLines_andCountTwentyThousand() throws SQLException {
        String name = H2Database.uniqueName("storm");
        long millis;
        try (Connection connection = H2Database.openWithSchema(name, new Properties())) {
            millis = storm(connection);
        }
        long rawMillis;
        try (Connection raw = java.sql.DriverManager.getConnection("jdbc:h2:mem:" + name + "_raw")) {
            try (java.sql.Statement ddl = raw.createStatement()) {
                for (String sql : H2Database.SCHEMA) {
                    ddl.execute(sql);
                }
            }
            rawMillis = storm(raw);
        }
        List<ILoggingEvent> lines = linesOf("h2:mem:" + name);
        System.out.println("storm: 20000 identical violations in " + millis + " ms (raw H2: " + rawMillis
                + " ms), " + lines.size() + " log lines");
        assertEquals(10, lines.size(), "integrity.log.rate=10/1m by default");
        assertEquals(20_000.0, registry.find("jdbc.integrity.violations").tag("datasource", "h2:mem:" + name)
                .counters().stream().mapToDouble(Counter::count).sum());
    }

    /** 20,000 executions of one prepared INSERT with a duplicate email; the time they took, in ms. */
    private static long storm(Connection connection) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < 20_000; i++) {
                insert.setInt(1, 100 + i);
                insert.setString(2, "a@example.com");
                insert.setString(3, "Storm");
                insert.setInt(4, 20);
                assertThrows(SQLException.class, insert::executeUpdate);
            }
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void afterTheInterval_oneSummarySaysHowManyWereSuppressed_withTheLastExplanation_thenFullLinesAgain()
            throws Exception {
        String name = H2Database.uniqueName("summary");
        Properties properties = new Properties();
        properties.setProperty("integrity.log.rate", "2/300ms");
        try (Connection connection = H2Database.openWithSchema(name, properties)) {
            long beforeFirst = System.nanoTime();
            fail(connection, 100, "a@example.com");
            long intervalStartedBy = System.nanoTime();
            for (int i = 1; i < 7; i++) {
                fail(connection, 100 + i, "a@example.com");
            }
            assertTrue(System.nanoTime() - beforeFirst < 300_000_000L, "the seven fit in one interval");
            assertEquals(2, linesOf("h2:mem:" + name).size());
            Thread.sleep(Math.max(0, 300 - (System.nanoTime() - intervalStartedBy) / 1_000_000) + 5);
            fail(connection, 200, "a@example.com");
        }
        List<ILoggingEvent> lines = linesOf("h2:mem:" + name);
        assertEquals(4, lines.size(), "two full, the summary, then the next one in full");
        ILoggingEvent summary = lines.get(2);
        System.out.println("summary line: " + summary.getFormattedMessage());
        assertEquals("h2:mem:" + name + " - 5 more violations like it (UNIQUE on PERSON, constraint UQ_PERSON_EMAIL)"
                + " were not logged in full (integrity.log.rate=2/300ms); the last: Duplicate value for unique"
                + " constraint UQ_PERSON_EMAIL on PERSON(EMAIL): EMAIL='a@example.com'. Statement (INSERT on PERSON):"
                + " INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?); parameters: [106, 'a@example.com',"
                + " 'Storm', 20].", summary.getFormattedMessage());
        Map<String, Object> pairs = CapturedLog.keyValues(summary);
        assertEquals(5L, pairs.get("suppressed"));
        assertEquals("[106, 'a@example.com', 'Storm', 20]", pairs.get("parameters"), "the last one's facts");
        assertEquals("UQ_PERSON_EMAIL", pairs.get("constraint"));
        assertTrue(lines.get(3).getFormattedMessage().contains("parameters: [200, "), "then in full");
    }

    @Test
    void eachConstraintHasItsOwnAllowance() throws SQLException {
        String name = H2Database.uniqueName("keys");
        Properties properties = new Properties();
        properties.setProperty("integrity.log.rate", "3/1h");
        try (Connection connection = H2Database.openWithSchema(name, properties)) {
            for (int i = 0; i < 20; i++) {
                fail(connection, 100 + i, "a@example.com"); // uq_person_email
                fail(connection, 1, "new" + i + "@example.com"); // pk_person
            }
        }
        List<ILoggingEvent> lines = linesOf("h2:mem:" + name);
        assertEquals(6, lines.size());
        assertEquals(3, lines.stream().filter(e -> "UQ_PERSON_EMAIL".equals(CapturedLog.keyValues(e)
                .get("constraint"))).count());
        assertEquals(3, lines.stream().filter(e -> "PK_PERSON".equals(CapturedLog.keyValues(e)
                .get("constraint"))).count());
    }

    @Test
    void theRateCanBeGivenInTheUrl_slashAndAll() throws SQLException {
        String name = H2Database.uniqueName("urlrate");
        try (Connection connection = java.sql.DriverManager.getConnection(
                "jdbc:integrity:h2:mem:" + name + ";integrity.log.rate=4/1h")) {
            try (java.sql.Statement ddl = connection.createStatement()) {
                for (String sql : H2Database.SCHEMA) {
                    ddl.execute(sql);
                }
            }
            for (int i = 0; i < 12; i++) {
                fail(connection, 100 + i, "a@example.com");
            }
        }
        assertEquals(4, linesOf("h2:mem:" + name).size());
    }

    @Test
    void unlimited_logsEveryViolation() throws SQLException {
        String name = H2Database.uniqueName("unlimited");
        Properties properties = new Properties();
        properties.setProperty("integrity.log.rate", "unlimited");
        try (Connection connection = H2Database.openWithSchema(name, properties)) {
            for (int i = 0; i < 30; i++) {
                fail(connection, 100 + i, "a@example.com");
            }
        }
        assertEquals(30, linesOf("h2:mem:" + name).size());
    }

    @Test
    void anInvalidRateFailsTheConnection_namingTheKey() {
        for (String bad : List.of("10", "0/1m", "10/1d", "lots")) {
            Properties properties = new Properties();
            properties.setProperty("integrity.log.rate", bad);
            SQLException e = assertThrows(SQLException.class,
                    () -> H2Database.openWithSchema(H2Database.uniqueName("badrate"), properties).close(), bad);
            assertTrue(e.getMessage().startsWith("Invalid value '" + bad + "' for integrity.log.rate: expected"
                    + " <lines>/<interval>"), e.getMessage());
        }
        SQLException inUrl = assertThrows(SQLException.class, () -> java.sql.DriverManager.getConnection(
                "jdbc:integrity:h2:mem:" + H2Database.uniqueName("badurl") + ";integrity.log.rate=10 per minute"));
        assertTrue(inUrl.getMessage().contains("integrity.log.rate"), inUrl.getMessage());
    }

    @Test
    void theApplicationsMdcIsInTheEvent_becauseTheLineIsWrittenOnItsThread() throws Exception {
        String name = H2Database.uniqueName("mdc");
        Properties properties = new Properties();
        properties.setProperty("integrity.log.rate", "1/200ms");
        try (Connection connection = H2Database.openWithSchema(name, properties)) {
            MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
            fail(connection, 100, "a@example.com");
            fail(connection, 101, "a@example.com");
            Thread.sleep(220);
            MDC.put("traceId", "00f067aa0ba902b7");
            fail(connection, 102, "a@example.com");
        }
        List<ILoggingEvent> lines = linesOf("h2:mem:" + name);
        assertEquals(3, lines.size(), "full, then the summary and a full line");
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", lines.get(0).getMDCPropertyMap().get("traceId"));
        assertEquals(1L, CapturedLog.keyValues(lines.get(1)).get("suppressed"));
        assertEquals("00f067aa0ba902b7", lines.get(1).getMDCPropertyMap().get("traceId"),
                "the summary carries the MDC of the thread that writes it");
        assertEquals("00f067aa0ba902b7", lines.get(2).getMDCPropertyMap().get("traceId"));
    }

    private List<ILoggingEvent> linesOf(String dataSource) {
        return log.events().stream().filter(e -> dataSource.equals(CapturedLog.keyValues(e).get("datasource")))
                .toList();
    }

    private static void fail(Connection connection, int id, String email) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setInt(1, id);
            insert.setString(2, email);
            insert.setString(3, "Storm");
            insert.setInt(4, 20);
            assertThrows(SQLException.class, insert::executeUpdate);
        }
    }
}
