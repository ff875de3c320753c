package io.github.integrityjdbc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.integrityjdbc.testing.CapturedLog;
import io.github.integrityjdbc.testing.Binding;
import io.github.integrityjdbc.testing.H2Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same facts reach the meter and the log. */
class ReportingTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private CapturedLog log;

    @BeforeEach
    void setUp() {
        Metrics.globalRegistry.add(registry);
        log = new CapturedLog("io.github.integrityjdbc.violations");
    }

    @AfterEach
    void tearDown() {
        Metrics.globalRegistry.remove(registry);
        log.close();
    }

    @Test
    void counterCountsEachViolationByKindTableConstraintAndDataSource() throws SQLException {
        String name = H2Database.uniqueName("meters");
        try (Connection connection = H2Database.openWithSchema(name, new Properties())) {
            fail(connection, "INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 3, "a@example.com", "C", 1);
            fail(connection, "UPDATE person SET email = ? WHERE id = ?", "a@example.com", 2);
            fail(connection, "INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 1, "x@example.com", "C", 1);
            fail(connection, "INSERT INTO child (id, parent_id) VALUES (?, ?)", 11, 999);
            fail(connection, "DELETE FROM parent WHERE id = ?", 1);
            fail(connection, "INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 3, "c@example.com", null, 1);
            fail(connection, "INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 3, "c@example.com", "C", -1);
            fail(connection, "INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 3, "c@example.com",
                    "ABCDEFGHIJKLMNOPQRST", 1);
            fail(connection, "INSERT INTO person (id, email, name, small) VALUES (?, ?, ?, ?)", 3, "c@example.com",
                    "C", 100000);
        }
        String ds = "h2:mem:" + name;
        assertEquals(2.0, count(ds, "unique", "person", "uq_person_email"));
        assertEquals(1.0, count(ds, "primary_key", "person", "pk_person"));
        assertEquals(2.0, count(ds, "foreign_key", "child", "fk_child_parent"));
        assertEquals(1.0, count(ds, "not_null", "person", "unknown"));
        assertEquals(1.0, count(ds, "check", "person", "ck_person_age"));
        assertEquals(1.0, count(ds, "value_too_long", "person", "unknown"));
        assertEquals(1.0, count(ds, "out_of_range", "person", "unknown"));
        double total = registry.find("jdbc.integrity.violations").tag("datasource", ds).counters().stream()
                .mapToDouble(Counter::count).sum();
        assertEquals(9.0, total);
        Counter any = registry.find("jdbc.integrity.violations").tag("datasource", ds).counter();
        assertNotNull(any.getId().getDescription());
    }

    /** A counter the application removes from the registry comes back, counting, at the next violation. */
    @Test
    void counterRemovedByTheApplication_isRegisteredAgainAtTheNextViolation() throws SQLException {
        String name = H2Database.uniqueName("removed");
        String ds = "h2:mem:" + name;
        try (Connection connection = H2Database.openWithSchema(name, new Properties())) {
            fail(connection, "INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 3, "a@example.com", "C", 1);
            assertEquals(1.0, count(ds, "unique", "person", "uq_person_email"));
            Metrics.globalRegistry.remove(Metrics.globalRegistry.find("jdbc.integrity.violations")
                    .tag("datasource", ds).counter());
            assertEquals(0.0, count(ds, "unique", "person", "uq_person_email"));
            fail(connection, "INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 3, "a@example.com", "C", 1);
        }
        assertEquals(1.0, count(ds, "unique", "person", "uq_person_email"));
    }

    private double count(String dataSource, String kind, String table, String constraint) {
        Counter counter = registry.find("jdbc.integrity.violations").tags("datasource", dataSource, "kind", kind,
                "table", table, "constraint", constraint).counter();
        return counter == null ? 0.0 : counter.count();
    }

    @Test
    void oneWarnEventPerViolation_oneLineWithTheFactsAsKeyValues() throws SQLException {
        String name = H2Database.uniqueName("log");
        try (Connection connection = H2Database.openWithSchema(name, new Properties())) {
            fail(connection, "INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 3, "a@example.com",
                    "C\nWARN: x", 20);
        }
        List<ILoggingEvent> events = log.events();
        assertEquals(1, events.size());
        ILoggingEvent event = events.get(0);
        assertEquals(Level.WARN, event.getLevel());
        assertEquals("io.github.integrityjdbc.violations", event.getLoggerName());
        String message = event.getFormattedMessage();
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        assertEquals("h2:mem:" + name + " - Duplicate value for unique constraint UQ_PERSON_EMAIL on PERSON(EMAIL):"
                + " EMAIL='a@example.com'. Statement (INSERT on PERSON):"
                + " INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?);"
                + " parameters: [3, 'a@example.com', 'C\\nWARN: x', 20].", message);
        Map<String, Object> pairs = CapturedLog.keyValues(event);
        assertEquals("h2:mem:" + name, pairs.get("datasource"));
        assertEquals("UNIQUE", pairs.get("kind"));
        assertEquals("UQ_PERSON_EMAIL", pairs.get("constraint"));
        assertEquals("PERSON", pairs.get("table"));
        assertEquals("EMAIL", pairs.get("columns"));
        assertEquals("23505", pairs.get("sqlState"));
        assertEquals(23505, pairs.get("vendorCode"));
        assertEquals("H2", pairs.get("database"));
        assertEquals("INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", pairs.get("sql"));
        assertEquals("[3, 'a@example.com', 'C\\nWARN: x', 20]", pairs.get("parameters"));
        assertEquals("{EMAIL='a@example.com'}", pairs.get("offending"));
        assertNull(pairs.get("batchIndex"));
    }

    @Test
    void logAndMetricsCanBeTurnedOff() throws SQLException {
        String name = H2Database.uniqueName("quiet");
        Properties properties = new Properties();
        properties.setProperty("integrity.log", "false");
        properties.setProperty("integrity.metrics", "false");
        try (Connection connection = H2Database.openWithSchema(name, properties)) {
            SQLException e = fail(connection, "INSERT INTO parent (id) VALUES (?)", 1);
            assertTrue(IntegrityViolations.find(e).isPresent(), "still explained");
        }
        assertEquals(List.of(), log.events());
        assertNull(registry.find("jdbc.integrity.violations").tag("datasource", "h2:mem:" + name).counter());
    }

    static SQLException fail(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Binding.bindAll(statement, values);
            return assertThrows(SQLException.class, statement::executeUpdate);
        }
    }
}
