package io.github.integrityjdbc.signals;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.testing.H2Database;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.jdbc.OpenTelemetryDriver;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, item 1: a violation adds its attributes to the span current on the application's thread, recorded by the
 * OpenTelemetry SDK's in-memory exporter: under a span of the application's own, and under the OpenTelemetry JDBC
 * driver wrapped outside and inside integrity-jdbc.
 */
class OpenTelemetrySignalTest {

    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    private static final String DUPLICATE_EMAIL = "INSERT INTO person (id, email, name) VALUES (?, ?, ?)";
    private static final String SECRET = "a@example.com";

    @BeforeAll
    static void registerOpenTelemetryDriver() throws SQLException {
        OpenTelemetryDriver.install(OTEL.getOpenTelemetry());
        if (!OpenTelemetryDriver.isRegistered()) {
            OpenTelemetryDriver.register();
        }
    }

    @Test
    void underTheApplicationsSpan_theSpanGetsTheViolationsAttributes_andNoValue() throws SQLException {
        String name = H2Database.uniqueName("otel_app");
        try (Connection connection = H2Database.openWithSchema(name, null)) {
            SQLException thrown = underSpan("signup", () -> insertDuplicate(connection));
            assertEquals(ViolationKind.UNIQUE, IntegrityViolations.find(thrown).orElseThrow().kind());
        }
        SpanData signup = span("signup");
        Map<String, String> attributes = strings(signup.getAttributes());
        System.out.println("application span " + signup.getName() + ": " + attributes);
        assertEquals(Map.of(
                "db.response.status_code", "23505",
                "error.type", "23505",
                "db.integrity.kind", "unique",
                "db.integrity.constraint", "uq_person_email",
                "db.integrity.table", "person"), attributes);
        assertEquals(StatusCode.UNSET, signup.getStatus().getStatusCode(), "the status is the application's call");
        assertEquals(List.of(), signup.getEvents(), "no exception event: the application may handle the violation");
    }

    @Test
    void withNoSpanCurrent_nothingIsRecorded_andTheApplicationGetsTheExplanation() throws SQLException {
        String name = H2Database.uniqueName("otel_none");
        try (Connection connection = H2Database.openWithSchema(name, null)) {
            assertFalse(Span.current().getSpanContext().isValid());
            SQLException thrown = assertThrows(SQLException.class, () -> insertDuplicate(connection));
            assertTrue(IntegrityViolations.find(thrown).isPresent());
        }
        assertEquals(List.of(), OTEL.getSpans());
    }

    @Test
    void otelOutside_theJdbcSpanGetsTheAttributes_andRecordsTheEnrichedException() throws SQLException {
        String name = H2Database.uniqueName("otel_outside");
        try (Connection connection = DriverManager.getConnection("jdbc:otel:integrity:h2:mem:" + name
                + ";integrity.mask=email")) {
            createSchema(connection);
            OTEL.clearSpans();
            SQLException thrown = underSpan("signup", () -> insertDuplicate(connection));
            assertTrue(IntegrityViolations.find(thrown).isPresent(), "the application gets the explanation");

            SpanData insert = jdbcSpan();
            Map<String, String> attributes = strings(insert.getAttributes());
            System.out.println("jdbc:otel:integrity: JDBC span " + insert.getName() + ": " + attributes);
            assertEquals("unique", attributes.get("db.integrity.kind"));
            assertEquals("uq_person_email", attributes.get("db.integrity.constraint"));
            assertEquals("person", attributes.get("db.integrity.table"));
            assertEquals(StatusCode.ERROR, insert.getStatus().getStatusCode());
            EventData exception = insert.getEvents().get(0);
            System.out.println("jdbc:otel:integrity: its exception event: " + strings(exception.getAttributes())
                    .entrySet().stream().filter(e -> !e.getKey().equals("exception.stacktrace")).toList());
            assertEquals(thrown.getClass().getCanonicalName(), exception.getAttributes()
                    .get(AttributeKey.stringKey("exception.type")), "OpenTelemetry records what the application got");
            String message = exception.getAttributes().get(AttributeKey.stringKey("exception.message"));
            assertTrue(message.contains("integrity-jdbc: Duplicate value for unique constraint UQ_PERSON_EMAIL"),
                    "with the explanation: " + message);
            assertFalse(message.contains(SECRET), "the masked column's value is masked in the driver's text too");
            assertNull(strings(span("signup").getAttributes()).get("db.integrity.kind"),
                    "the application's span is not the current one inside the JDBC span");
            assertNoValue(insert);
        }
    }

    @Test
    void otelInside_theApplicationsSpanGetsTheAttributes_theJdbcSpanSeesTheDriversException() throws SQLException {
        String name = H2Database.uniqueName("otel_inside");
        try (Connection connection = DriverManager.getConnection("jdbc:integrity:otel:h2:mem:" + name
                + ";integrity.mask=email")) {
            createSchema(connection);
            OTEL.clearSpans();
            SQLException thrown = underSpan("signup", () -> insertDuplicate(connection));
            assertTrue(IntegrityViolations.find(thrown).isPresent(), "the application gets the explanation");

            SpanData insert = jdbcSpan();
            System.out.println("jdbc:integrity:otel: JDBC span " + insert.getName() + ": "
                    + strings(insert.getAttributes()));
            assertNull(strings(insert.getAttributes()).get("db.integrity.kind"), "ended before the explanation");
            Attributes exception = insert.getEvents().get(0).getAttributes();
            assertEquals("org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException",
                    exception.get(AttributeKey.stringKey("exception.type")));
            assertTrue(exception.get(AttributeKey.stringKey("exception.message")).contains(SECRET),
                    "the driver's own text, which integrity.mask cannot reach from outside");
            Map<String, String> signup = strings(span("signup").getAttributes());
            System.out.println("jdbc:integrity:otel: application span signup: " + signup);
            assertEquals("unique", signup.get("db.integrity.kind"));
            assertEquals("person", signup.get("db.integrity.table"));
        }
    }

    private static SQLException underSpan(String name, Executable statement) {
        Tracer tracer = OTEL.getOpenTelemetry().getTracer("integrity-jdbc-test");
        Span span = tracer.spanBuilder(name).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return assertThrows(SQLException.class, statement::run);
        } finally {
            span.end();
        }
    }

    private static void insertDuplicate(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(DUPLICATE_EMAIL)) {
            insert.setInt(1, 3);
            insert.setString(2, SECRET);
            insert.setString(3, "Carol");
            insert.executeUpdate();
        }
    }

    private static void createSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : H2Database.SCHEMA) {
                statement.execute(sql);
            }
        }
    }

    private static SpanData span(String name) {
        return OTEL.getSpans().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + OTEL.getSpans()));
    }

    private static SpanData jdbcSpan() {
        return OTEL.getSpans().stream().filter(s -> s.getName().startsWith("INSERT")).findFirst()
                .orElseThrow(() -> new AssertionError("no JDBC span in " + OTEL.getSpans()));
    }

    private static void assertNoValue(SpanData span) {
        span.getAttributes().forEach((key, value) -> assertFalse(String.valueOf(value).contains(SECRET), key + ""));
    }

    private static Map<String, String> strings(Attributes attributes) {
        Map<String, String> map = new TreeMap<>();
        attributes.forEach((key, value) -> map.put(key.getKey(), String.valueOf(value)));
        return map;
    }

    @FunctionalInterface
    private interface Executable {
        void run() throws SQLException;
    }
}
