package io.github.integrityjdbc.samples.boot;

import io.github.integrityjdbc.ViolationProblemDetails;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Plain Spring JDBC; a violation becomes an RFC 9457 problem detail made from the report: 409, 422 or 400 by kind,
 * naming the constraint, the table and the columns, and never a value, the SQL or the database's message.
 */
@RestController
public class CustomerController {

    private final JdbcTemplate jdbc;

    public CustomerController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @PostMapping("/customers")
    public Map<String, Object> create(@RequestParam int id, @RequestParam String email,
                                      @RequestParam(required = false) String name) {
        jdbc.update("INSERT INTO customer (id, email, name) VALUES (?, ?, ?)", id, email, name);
        return Map.of("id", id);
    }

    @PostMapping("/orders")
    public Map<String, Object> order(@RequestParam int id, @RequestParam int customerId) {
        jdbc.update("INSERT INTO purchase_order (id, customer_id) VALUES (?, ?)", id, customerId);
        return Map.of("id", id);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    public ProblemDetail violation(DataIntegrityViolationException e) {
        return ViolationProblemDetails.find(e)
                .orElseGet(() -> ProblemDetail.forStatus(HttpStatus.CONFLICT));
    }
}
