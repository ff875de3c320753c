package io.github.integrityjdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.integrityjdbc.testing.H2Database;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Issue 11, item 4: every kind, from a real statement, maps to the documented status, type and title, and the
 * problem's members are exactly type, title, status, kind, constraint, table and columns, in Spring's
 * {@code ProblemDetail} as serialized by Spring's own Jackson mix-in as well as in the neutral map.
 */
class ViolationProblemTest {

    private static final ObjectMapper SPRING_JSON = new ObjectMapper()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);

    private Connection h2;

    @BeforeEach
    void open() throws SQLException {
        h2 = H2Database.openWithSchema(H2Database.uniqueName("problem"), new Properties());
    }

    @AfterEach
    void close() throws SQLException {
        h2.close();
    }

    @Test
    void unique() throws Exception {
        ViolationProblem p = problem(h2, "INSERT INTO person (id, email, name) VALUES (?, ?, ?)",
                7, "a@example.com", "Eve");
        assertProblem(p, 409, "unique", "Duplicate value", ViolationKind.UNIQUE);
        assertEquals(Map.of("kind", "UNIQUE", "constraint", "UQ_PERSON_EMAIL", "table", "PERSON",
                "columns", List.of("EMAIL")), p.properties());
    }

    @Test
    void primaryKey() throws Exception {
        ViolationProblem p = problem(h2, "INSERT INTO person (id, name) VALUES (?, ?)", 1, "Eve");
        assertProblem(p, 409, "primary-key", "Duplicate key", ViolationKind.PRIMARY_KEY);
        assertEquals(List.of("ID"), p.columns());
    }

    @Test
    void foreignKey_insert_isTheMissingParent() throws Exception {
        ViolationProblem p = problem(h2, "INSERT INTO child (id, parent_id) VALUES (?, ?)", 11, 99);
        assertProblem(p, 422, "foreign-key-missing", "Referenced row missing", ViolationKind.FOREIGN_KEY);
        assertEquals("FK_CHILD_PARENT", p.constraint().orElseThrow());
    }

    @Test
    void foreignKey_delete_isTheReferencedParent() throws Exception {
        ViolationProblem p = problem(h2, "  delete FROM parent WHERE id = ?", 1);
        assertProblem(p, 409, "foreign-key-referenced", "Row still referenced", ViolationKind.FOREIGN_KEY);
    }

    @Test
    void foreignKey_update_provesNoSide() throws Exception {
        ViolationProblem p = problem(h2, "UPDATE child SET parent_id = ? WHERE id = ?", 99, 10);
        assertProblem(p, 409, "foreign-key", "Foreign key violated", ViolationKind.FOREIGN_KEY);
    }

    /** The PostgreSQL tables of the tests below, dropped so that the server is left as it was found. */
    @org.junit.jupiter.api.AfterAll
    static void dropPostgresTables() {
        try (Connection pg = DriverManager.getConnection(Servers.POSTGRES_PLAIN_URL);
             Statement s = pg.createStatement()) {
            s.execute("DROP TABLE IF EXISTS ij_problem_child, ij_problem_parent, ij_problem_booking");
        } catch (java.sql.SQLException absent) {
            // no PostgreSQL here: its tests were skipped and created nothing
        }
    }

    @Test
    void foreignKey_upsert_provesNoSide() throws Exception {
        Servers.requirePostgres();
        try (Connection pg = DriverManager.getConnection(Servers.POSTGRES_URL)) {
            try (Statement s = pg.createStatement()) {
                s.execute("DROP TABLE IF EXISTS ij_problem_child, ij_problem_parent");
                s.execute("CREATE TABLE ij_problem_parent (id INT PRIMARY KEY)");
                s.execute("CREATE TABLE ij_problem_child (id INT PRIMARY KEY,"
                        + " parent_id INT REFERENCES ij_problem_parent (id))");
                s.execute("INSERT INTO ij_problem_parent VALUES (1)");
                s.execute("INSERT INTO ij_problem_child VALUES (10, 1)");
            }
            ViolationProblem p = problem(pg, "INSERT INTO ij_problem_parent (id) VALUES (?)"
                    + " ON CONFLICT (id) DO UPDATE SET id = ?", 1, 2);
            assertProblem(p, 409, "foreign-key", "Foreign key violated", ViolationKind.FOREIGN_KEY);
        }
    }

    @Test
    void notNull() throws Exception {
        ViolationProblem p = problem(h2, "INSERT INTO person (id, name) VALUES (?, ?)", 7, null);
        assertProblem(p, 422, "not-null", "Missing required value", ViolationKind.NOT_NULL);
        assertEquals(List.of("NAME"), p.columns());
    }

    @Test
    void check() throws Exception {
        ViolationProblem p = problem(h2, "INSERT INTO person (id, name, age) VALUES (?, ?, ?)", 7, "Eve", -3);
        assertProblem(p, 422, "check", "Check failed", ViolationKind.CHECK);
        assertEquals("CK_PERSON_AGE", p.constraint().orElseThrow());
    }

    @Test
    void exclusion() throws Exception {
        Servers.requirePostgres();
        try (Connection pg = DriverManager.getConnection(Servers.POSTGRES_URL)) {
            try (Statement s = pg.createStatement()) {
                s.execute("DROP TABLE IF EXISTS ij_problem_booking");
                s.execute("CREATE TABLE ij_problem_booking (id INT PRIMARY KEY, during int4range,"
                        + " CONSTRAINT ex_ij_problem_booking EXCLUDE USING gist (during WITH &&))");
                s.execute("INSERT INTO ij_problem_booking VALUES (1, int4range(1, 10))");
            }
            ViolationProblem p = problem(pg, "INSERT INTO ij_problem_booking (id, during) VALUES (?, int4range(?, ?))",
                    2, 5, 15);
            assertProblem(p, 409, "exclusion", "Conflicting row", ViolationKind.EXCLUSION);
            assertEquals("ex_ij_problem_booking", p.constraint().orElseThrow());
        }
    }

    @Test
    void valueTooLong() throws Exception {
        ViolationProblem p = problem(h2, "INSERT INTO person (id, name) VALUES (?, ?)", 7, "Bartholomew-Jr");
        assertProblem(p, 400, "value-too-long", "Value too long", ViolationKind.VALUE_TOO_LONG);
    }

    @Test
    void outOfRange() throws Exception {
        ViolationProblem p = problem(h2, "INSERT INTO person (id, name, small) VALUES (?, ?, ?)", 7, "Eve", 99999);
        assertProblem(p, 400, "out-of-range", "Value out of range", ViolationKind.OUT_OF_RANGE);
    }

    @Test
    void other_dataError() throws Exception {
        ViolationProblem p = problem(h2, "INSERT INTO person (id, name, age) VALUES (?, ?, 1 / ?)", 7, "Eve", 0);
        assertProblem(p, 400, "data-error", "Invalid data", ViolationKind.OTHER);
    }

    @Test
    void other_integrityViolation() throws Exception {
        try (Connection sqlite = DriverManager.getConnection("jdbc:integrity:sqlite::memory:")) {
            try (Statement s = sqlite.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, n INT)");
                s.execute("CREATE TRIGGER t_guard BEFORE INSERT ON t WHEN NEW.n > 10"
                        + " BEGIN SELECT RAISE(ABORT, 'too big'); END");
            }
            ViolationProblem p = problem(sqlite, "INSERT INTO t (id, n) VALUES (?, ?)", 1, 99);
            assertProblem(p, 409, "other", "Integrity violation", ViolationKind.OTHER);
        }
    }

    @Test
    void unknownConstraint_isNull_stillPresent() throws Exception {
        ViolationProblem p = problem(h2, "INSERT INTO person (id, name, age) VALUES (?, ?, 1 / ?)", 7, "Eve", 0);
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("kind", "OTHER");
        properties.put("constraint", null);
        properties.put("table", "PERSON");
        properties.put("columns", List.of());
        assertEquals(properties, p.properties());
    }

    @Test
    void notExplained_findsNothing() {
        assertEquals(java.util.Optional.empty(), ViolationProblemDetails.find(new SQLException("x", "23505")));
        assertEquals(java.util.Optional.empty(), ViolationProblem.find(null));
    }

    /** Runs {@code sql} with {@code values} bound, expects a violation, and returns its problem (both forms checked). */
    static ViolationProblem problem(Connection connection, String sql, Object... values) throws Exception {
        SQLException e;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            e = assertThrows(SQLException.class, statement::executeUpdate);
        }
        ViolationProblem problem = ViolationProblem.find(e).orElseThrow();
        ProblemDetail detail = ViolationProblemDetails.find(e).orElseThrow();
        assertEquals(problem.status(), detail.getStatus());
        assertEquals(problem.type(), detail.getType());
        assertEquals(problem.title(), detail.getTitle());
        assertEquals(null, detail.getDetail(), "no detail: it is where a message would go");
        assertEquals(problem.properties(), detail.getProperties());
        assertEquals(problem.toMap().keySet(), members(springJson(detail)), "the members, exactly");
        return problem;
    }

    /** The body Spring MVC would write for {@code detail}, with Spring's own mix-in. */
    static String springJson(ProblemDetail detail) throws Exception {
        return SPRING_JSON.writeValueAsString(detail);
    }

    private static Set<String> members(String json) throws Exception {
        Set<String> names = new TreeSet<>();
        JsonNode tree = new ObjectMapper().readTree(json);
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertProblem(ViolationProblem p, int status, String type, String title, ViolationKind kind) {
        assertEquals(status, p.status(), p::toString);
        assertEquals(URI.create("tag:integrityjdbc.github.io,2026:violation:" + type), p.type(), p::toString);
        assertEquals(title, p.title(), p::toString);
        assertEquals(kind, p.kind(), p::toString);
        assertEquals(List.of("type", "title", "status", "kind", "constraint", "table", "columns"),
                new ArrayList<>(p.toMap().keySet()));
    }
}
