package io.github.integrityjdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.integrityjdbc.testing.H2Database;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, item 4: no bound value, of a masked column ({@code password}, masked by the default
 * {@code integrity.mask}) or not ({@code username}), reaches the serialized problem, and neither does the mask,
 * the SQL text, the explanation or the database's message. For a unique violation and a value too long in either
 * column; both forms, Spring's {@code ProblemDetail} with Spring's Jackson mix-in and the neutral map.
 */
class ViolationProblemValuesPropertyTest {

    private static final String INSERT = "INSERT INTO account (id, username, password) VALUES (?, ?, ?)";
    private static Connection h2;
    private static int nextId = 7_000_000; // seven digits: in no problem's text

    enum Violation { DUPLICATE_USERNAME, LONG_USERNAME, LONG_PASSWORD }

    @BeforeContainer
    static void open() throws SQLException {
        h2 = H2Database.openWithSchema(H2Database.uniqueName("problem_values"), new Properties());
    }

    @AfterContainer
    static void close() throws SQLException {
        h2.close();
    }

    @Property(tries = 200)
    void noBoundValueInTheProblem(@ForAll Violation violation,
                                  @ForAll @AlphaChars @NumericChars @Chars({'@', '.', '-', '_', ' '})
                                  @StringLength(min = 6, max = 40) String username,
                                  @ForAll @AlphaChars @NumericChars @Chars({'@', '.', '-', '_', ' '})
                                  @StringLength(min = 6, max = 40) String password) throws Exception {
        try (PreparedStatement clear = h2.prepareStatement("DELETE FROM account WHERE id >= 7000000")) {
            clear.executeUpdate(); // each try starts from the reference rows
        }
        String user = violation == Violation.LONG_USERNAME ? username + "~".repeat(51) : username;
        String secret = violation == Violation.LONG_PASSWORD ? password + "~".repeat(51) : password;
        if (violation == Violation.DUPLICATE_USERNAME) {
            insert(nextId++, user, "first-" + secret);
        }
        int id = nextId++;
        SQLException e;
        try (PreparedStatement statement = h2.prepareStatement(INSERT)) {
            statement.setInt(1, id);
            statement.setString(2, user);
            statement.setString(3, secret);
            e = assertThrows(SQLException.class, statement::executeUpdate);
        }
        ViolationReport report = IntegrityViolations.find(e).orElseThrow();
        assertTrue(report.parameters().toString().contains(user.substring(0, 6)),
                "the report holds the value the problem must leave out: " + report.parameters());

        List<String> bodies = List.of(
                ViolationProblemTest.springJson(ViolationProblemDetails.find(e).orElseThrow()),
                new ObjectMapper().writeValueAsString(ViolationProblem.find(e).orElseThrow().toMap()));
        List<String> forbidden = new ArrayList<>(List.of(user, secret, "first-", String.valueOf(id), "****",
                report.sql(), report.explain(), "INSERT", "VALUES"));
        forbidden.addAll(report.parameters());
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            forbidden.add(message.substring(0, Math.min(24, message.length())));
        }
        for (String body : bodies) {
            for (String text : forbidden) {
                assertFalse(body.contains(text), () -> "'" + text + "' in " + body);
            }
        }
    }

    private static void insert(int id, String username, String password) throws SQLException {
        try (PreparedStatement statement = h2.prepareStatement(INSERT)) {
            statement.setInt(1, id);
            statement.setString(2, username);
            statement.setString(3, password);
            statement.executeUpdate();
        }
    }
}
