package io.github.integrityjdbc.samples.boot;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationReport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The error responses as a client gets them: a problem detail (application/problem+json) with the status, type and
 * title of the kind and the constraint, table and column names, and none of the request's values, masked
 * ({@code email}, by {@code integrity.mask=email}) or not, nor the SQL or the database's message. What the body must
 * not hold is taken from the report and the exception of the same statement, run again through the same JdbcTemplate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:integrity:h2:mem:shop_problems;integrity.mask=email")
class ProblemResponseTest {

    private static final String INSERT = "INSERT INTO customer (id, email, name) VALUES (?, ?, ?)";
    private static final String TYPE = "tag:integrityjdbc.github.io,2026:violation:";

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void duplicateEmail_is409_withoutAValue() {
        assertEquals(200, post("/customers?id=7301&email=ada.lovelace@example.com&name=Augusta")
                .getStatusCode().value());
        ResponseEntity<String> response = post("/customers?id=7302&email=ada.lovelace@example.com&name=Byron-Twin");

        assertProblem(response, 409, "unique", "\"constraint\":\"UQ_CUSTOMER_EMAIL\"", "\"columns\":[\"EMAIL\"]");
        assertNoTrace(response.getBody(), List.of("ada.lovelace@example.com", "ada.lovelace", "7302", "Byron-Twin"),
                7302, "ada.lovelace@example.com", "Byron-Twin");
    }

    @Test
    void nameTooLong_is400_withoutAValue() {
        String name = "Wolfgang-Amadeus-Mozart-Theophilus-Chrysostomus-Salzburg";
        ResponseEntity<String> response = post("/customers?id=7311&email=wolfgang@example.com&name=" + name);

        assertProblem(response, 400, "value-too-long", "\"table\":\"CUSTOMER\"");
        assertNoTrace(response.getBody(), List.of(name, "Wolfgang", "wolfgang@example.com", "7311"),
                7311, "wolfgang@example.com", name);
    }

    @Test
    void nameMissing_is422_withoutAValue() {
        ResponseEntity<String> response = post("/customers?id=7321&email=nameless@example.com");

        assertProblem(response, 422, "not-null", "\"columns\":[\"NAME\"]");
        assertNoTrace(response.getBody(), List.of("nameless@example.com", "nameless", "7321"),
                7321, "nameless@example.com", null);
    }

    @Test
    void orderForAMissingCustomer_is422() {
        assertProblem(post("/orders?id=7331&customerId=7399"), 422, "foreign-key-missing",
                "\"constraint\":\"FK_ORDER_CUSTOMER\"");
    }

    private ResponseEntity<String> post(String uri) {
        return http.postForEntity(uri, null, String.class);
    }

    private static void assertProblem(ResponseEntity<String> response, int status, String type, String... members) {
        String body = response.getBody();
        System.out.println(status + " " + body);
        assertEquals(status, response.getStatusCode().value(), body);
        assertTrue(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType()),
                String.valueOf(response.getHeaders().getContentType()));
        assertTrue(body.contains("\"type\":\"" + TYPE + type + "\""), body);
        assertTrue(body.contains("\"status\":" + status), body);
        for (String member : members) {
            assertTrue(body.contains(member), member + " in " + body);
        }
    }

    /**
     * Asserts that {@code body} holds none of {@code values}, and nothing of what the driver and the database said
     * about the same insert, run again here: its parameters (masked or not), the mask, its SQL, its explanation, and
     * the start of each message in the cause chain.
     */
    private void assertNoTrace(String body, List<String> values, int id, String email, String name) {
        DataIntegrityViolationException again = assertThrows(DataIntegrityViolationException.class,
                () -> jdbc.update(INSERT, id, email, name));
        ViolationReport report = IntegrityViolations.find(again).orElseThrow();
        assertTrue(report.parameters().contains("****"), "the e-mail is masked: " + report.parameters());

        List<String> forbidden = new ArrayList<>(values);
        report.parameters().stream()
                .filter(parameter -> !parameter.equals("NULL")) // no value: the kind NOT_NULL says as much
                .forEach(forbidden::add);
        forbidden.addAll(List.of("****", report.sql(), report.explain(), "INSERT", "SQL statement"));
        for (Throwable t = again; t != null; t = t.getCause()) {
            String message = t.getMessage();
            forbidden.add(message.substring(0, Math.min(20, message.length()))); // any part of it starts so
        }
        for (String text : forbidden) {
            assertFalse(body.contains(text), () -> "'" + text + "' in the response " + body);
        }
    }
}
