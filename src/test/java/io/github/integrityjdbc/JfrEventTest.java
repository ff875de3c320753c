package io.github.integrityjdbc;

import io.github.integrityjdbc.testing.H2Database;
import jdk.jfr.Configuration;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.SettingDescriptor;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12, item 4: one JFR event per violation, recorded under JFR's default settings. */
class JfrEventTest {

    private static final String NAME = "io.github.integrityjdbc.Violation";

    @Test
    void oneEventPerViolation_withTheReportsFacts_underTheDefaultSettings(@TempDir Path dir) throws Exception {
        String name = H2Database.uniqueName("jfr");
        Path file = dir.resolve("violations.jfr");
        try (Connection connection = H2Database.openWithSchema(name, new Properties())) {
            insertDuplicateEmail(connection, 50); // before this recording: not in it
            try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
                recording.start();
                insertDuplicateEmail(connection, 51);
                try (Statement statement = connection.createStatement()) {
                    // a literal of a masked column, and a batch whose row 1 fails
                    assertThrows(SQLException.class, () -> statement.executeUpdate(
                            "INSERT INTO account (id, username, password) VALUES (7, 'root', 'hunter2-jfr')"));
                }
                try (PreparedStatement batch = connection.prepareStatement("INSERT INTO child (id, parent_id)"
                        + " VALUES (?, ?)")) {
                    batch.setInt(1, 20);
                    batch.setInt(2, 1);
                    batch.addBatch();
                    batch.setInt(1, 21);
                    batch.setInt(2, 999);
                    batch.addBatch();
                    assertThrows(SQLException.class, batch::executeBatch);
                }
                recording.stop();
                recording.dump(file);
            }
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals(NAME))
                .filter(e -> e.getString("dataSource").equals("h2:mem:" + name))
                .toList();
        assertEquals(3, events.size(), "the violation before the recording is not in it: " + events);

        RecordedEvent unique = events.get(0);
        System.out.println("JFR event: " + unique);
        assertEquals("UNIQUE", unique.getString("kind"));
        assertEquals("UQ_PERSON_EMAIL", unique.getString("constraint"));
        assertEquals("PERSON", unique.getString("table"));
        assertEquals("EMAIL", unique.getString("columns"));
        assertEquals("23505", unique.getString("sqlState"));
        assertEquals(23505, unique.getInt("vendorCode"));
        assertEquals("H2", unique.getString("database"));
        assertEquals(-1, unique.getInt("batchRow"));
        assertEquals("INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", unique.getString("sql"));
        assertEquals(Thread.currentThread().getId(), unique.getThread().getJavaThreadId());
        assertTrue(unique.getStackTrace().getFrames().stream().map(RecordedFrame::getMethod)
                .anyMatch(m -> m.getType().getName().equals(JfrEventTest.class.getName())
                        && m.getName().equals("insertDuplicateEmail")), "the stack shows the application's frame");

        RecordedEvent masked = events.get(1);
        assertEquals("UQ_ACCOUNT_USERNAME", masked.getString("constraint"));
        assertFalse(masked.getString("sql").contains("hunter2"), masked.getString("sql"));
        assertTrue(masked.getString("sql").contains("****"), masked.getString("sql"));
        for (RecordedEvent event : events) {
            for (var field : event.getFields()) {
                Object value = event.getValue(field.getName());
                assertFalse(String.valueOf(value).contains("hunter2"), field.getName());
            }
        }

        RecordedEvent batchRow = events.get(2);
        assertEquals("FOREIGN_KEY", batchRow.getString("kind"));
        assertEquals("FK_CHILD_PARENT", batchRow.getString("constraint"));
        assertEquals(1, batchRow.getInt("batchRow"));
    }

    @Test
    void theEventTypeIsInItsCategory_enabledByDefault_withNoThreshold() throws SQLException {
        FlightRecorder recorder = FlightRecorder.getFlightRecorder(); // as any recording does
        try (Connection connection = H2Database.openWithSchema(H2Database.uniqueName("jfrtype"), new Properties())) {
            insertDuplicateEmail(connection, 60); // loads the event class, which registers it with JFR
        }
        EventType type = recorder.getEventTypes().stream()
                .filter(t -> t.getName().equals(NAME)).findFirst()
                .orElseThrow(() -> new AssertionError(NAME + " is not registered"));
        assertEquals(List.of("integrity-jdbc"), type.getCategoryNames());
        assertEquals("Integrity Violation", type.getLabel());
        Map<String, String> defaults = type.getSettingDescriptors().stream()
                .collect(Collectors.toMap(SettingDescriptor::getName, SettingDescriptor::getDefaultValue));
        assertEquals("true", defaults.get("enabled"));
        assertEquals("true", defaults.get("stackTrace"));
        assertEquals(List.of("kind", "constraint", "table", "columns", "sqlState", "vendorCode", "dataSource",
                "database", "batchRow", "sql"), type.getFields().stream().map(f -> f.getName())
                .filter(n -> !List.of("startTime", "duration", "eventThread", "stackTrace").contains(n)).toList());
        Map<String, String> labels = type.getFields().stream()
                .collect(Collectors.toMap(f -> f.getName(), f -> String.valueOf(f.getLabel()), (a, b) -> a));
        assertEquals("SQLState", labels.get("sqlState"));
        assertEquals("Batch Row", labels.get("batchRow"));
    }

    private static void insertDuplicateEmail(Connection connection, int id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, "a@example.com");
            insert.setString(3, "Jfr");
            insert.setInt(4, 1);
            assertThrows(SQLException.class, insert::executeUpdate);
        }
    }
}
