package io.github.integrityjdbc.samples.boot;

import io.github.integrityjdbc.IntegrityViolations;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Plain Spring JDBC; a violation becomes a 409 that says which constraint, from the report. */
@RestController
public class CustomerController {

    private final JdbcTemplate jdbc;

    public CustomerController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PostMapping("/customers")
    public Map<String, Object> create(@RequestParam int id, @RequestParam String email, @RequestParam String name) {
        jdbc.update("INSERT INTO customer (id, email, name) VALUES (?, ?, ?)", id, email, name);
        return Map.of("id", id);
    }

    @PostMapping("/orders")
    public Map<String, Object> order(@RequestParam int id, @RequestParam int customerId) {
        jdbc.update("INSERT INTO purchase_order (id, customer_id) VALUES (?, ?)", id, customerId);
        return Map.of("id", id);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<Map<String, String>> conflict(DataIntegrityViolationException e) {
        return IntegrityViolations.find(e)
                .map(report -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of(
                        "kind", report.kind().name(),
                        "constraint", report.constraint().orElse(""),
                        "explanation", report.explain())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "conflict")));
    }
}
