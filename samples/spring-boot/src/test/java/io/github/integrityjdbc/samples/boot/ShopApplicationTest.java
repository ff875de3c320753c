package io.github.integrityjdbc.samples.boot;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application as a client sees it: a violation explained in the response, counted at /actuator/prometheus. */
@AutoConfigureObservability // Boot turns metrics export off in tests unless asked
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopApplicationTest {

    @Autowired
    private TestRestTemplate http;

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
}
