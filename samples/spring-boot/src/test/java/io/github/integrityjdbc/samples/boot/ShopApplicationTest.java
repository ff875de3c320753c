package io.github.integrityjdbc.samples.boot;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application as a client sees it: a violation explained in the response, counted at /actuator/prometheus, and
 * named on the request's span (tracing on: Micrometer Tracing over OpenTelemetry, every request sampled).
 */
@AutoConfigureObservability // Boot turns metrics export and tracing off in tests unless asked
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.tracing.sampling.probability=1.0")
class ShopApplicationTest {

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private InMemorySpanExporter spans;

    @Autowired
    private SdkTracerProvider tracerProvider;

    /** Where Boot's OpenTelemetry SDK exports the spans in this test. */
    @TestConfiguration
    static class Spans {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Test
    void duplicateEmail_isExplainedAndCounted() {
        assertEquals(HttpStatus.OK,
                http.postForEntity("/customers?id=1&email=ada@example.com&name=Ada", null, Map.class).getStatusCode());
        ResponseEntity<Map> conflict =
                http.postForEntity("/customers?id=2&email=ada@example.com&name=Twin", null, Map.class);
        assertEquals(HttpStatus.CONFLICT, conflict.getStatusCode());
        assertEquals("UNIQUE", conflict.getBody().get("kind"));
        assertEquals("UQ_CUSTOMER_EMAIL", conflict.getBody().get("constraint"));
        assertEquals("FOREIGN_KEY", http.postForEntity("/orders?id=1&customerId=99", null, Map.class)
                .getBody().get("kind"));

        String scrape = http.getForObject("/actuator/prometheus", String.class);
        System.out.println(scrape.lines().filter(line -> line.contains("jdbc_integrity"))
                .reduce("", (a, b) -> a + b + "\n"));
        assertTrue(scrape.contains("jdbc_integrity_violations_total{constraint=\"uq_customer_email\","
                + "datasource=\"h2:mem:shop\",kind=\"unique\",table=\"customer\"} 1.0"), scrape);
        assertTrue(scrape.contains("kind=\"foreign_key\""), scrape);
    }

    @Test
    void duplicateEmail_isNamedOnTheRequestsSpan() {
        http.postForEntity("/customers?id=11&email=grace@example.com&name=Grace", null, Map.class);
        assertEquals(HttpStatus.CONFLICT, http.postForEntity(
                "/customers?id=12&email=grace@example.com&name=Twin", null, Map.class).getStatusCode());
        tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);

        SpanData request = spans.getFinishedSpanItems().stream()
                .filter(span -> "unique".equals(span.getAttributes().get(
                        io.opentelemetry.api.common.AttributeKey.stringKey("db.integrity.kind"))))
                .findFirst().orElseThrow(() -> new AssertionError("no span names the violation: "
                        + spans.getFinishedSpanItems()));
        Map<String, String> attributes = new TreeMap<>();
        request.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), String.valueOf(value)));
        System.out.println("span " + request.getName() + ": " + attributes);
        assertEquals("http post /customers", request.getName());
        assertEquals("uq_customer_email", attributes.get("db.integrity.constraint"));
        assertEquals("customer", attributes.get("db.integrity.table"));
        assertEquals("23505", attributes.get("db.response.status_code"));
        assertTrue(attributes.values().stream().noneMatch(value -> value.contains("grace@example.com")),
                "no value on the span");
    }
}
