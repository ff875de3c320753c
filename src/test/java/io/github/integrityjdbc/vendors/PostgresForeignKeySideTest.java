package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.PostgresGerman;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which side of a foreign key a German detail shows, {@code Schlüssel (customer_no)=(7) ist nicht in Tabelle
 * »pgfkde_customer« vorhanden.} or {@code Auf Schlüssel (customer_no)=(7) wird noch aus Tabelle »pgfkde_order«
 * verwiesen.}, from the schema; where the columns have the same names on both sides; and, where the schema cannot be
 * asked (a DataSource-wrapped connection in a transaction), only what the statement proves.
 */
class PostgresForeignKeySideTest {

    @BeforeAll
    static void createTables() throws SQLException {
        PostgresGerman.require();
        run("DROP TABLE IF EXISTS pgfkde_order, pgfkde_customer",
                "CREATE TABLE pgfkde_customer (customer_no INT PRIMARY KEY)",
                "CREATE TABLE pgfkde_order (id INT PRIMARY KEY, customer_no INT"
                        + " CONSTRAINT pgfkde_order_customer_fk REFERENCES pgfkde_customer (customer_no))",
                "INSERT INTO pgfkde_customer VALUES (7)", "INSERT INTO pgfkde_order VALUES (1, 7)");
    }

    @AfterAll
    static void dropTables() throws SQLException {
        run("DROP TABLE IF EXISTS pgfkde_order, pgfkde_customer");
    }

    @Test
    void sameNamesOnBothSides_childMissingItsParent() throws SQLException {
        ViolationReport r = violation(false, "INSERT INTO pgfkde_order (id, customer_no) VALUES (?, ?)", 2, 8);
        assertEquals(Optional.of("pgfkde_order"), r.table());
        assertEquals(List.of("customer_no"), r.columns());
        assertEquals(Map.of("customer_no", "8"), r.offendingValues());
        assertTrue(r.explain().contains("pgfkde_customer"), r.explain());
    }

    @Test
    void sameNamesOnBothSides_parentStillReferenced() throws SQLException {
        ViolationReport r = violation(false, "DELETE FROM pgfkde_customer WHERE customer_no = ?", 7);
        assertEquals(Optional.of("pgfkde_order"), r.table());
        assertEquals(List.of("customer_no"), r.columns());
        assertEquals(Map.of("customer_no", "7"), r.offendingValues());
        assertTrue(r.explain().contains("Row of pgfkde_customer is still referenced"), r.explain());
    }

    @Test
    void noSchemaInATransaction_anInsertProvesTheChildSide() throws SQLException {
        ViolationReport r = violation(true, "INSERT INTO pgfkde_order (id, customer_no) VALUES (?, ?)", 2, 8);
        assertEquals(List.of("customer_no"), r.columns());
        assertEquals(Map.of("customer_no", "8"), r.offendingValues());
    }

    @Test
    void noSchemaInATransaction_anUpdateProvesNothing() throws SQLException {
        ViolationReport r = violation(true, "UPDATE pgfkde_order SET customer_no = ? WHERE id = ?", 8, 1);
        assertEquals(Optional.of("pgfkde_order_customer_fk"), r.constraint());
        assertEquals(List.of(), r.columns(), "which side the key is cannot be told: " + r.explain());
        assertEquals(Map.of(), r.offendingValues());
    }

    /**
     * The report of {@code sql}'s violation, with the server in German; {@code withoutSchema}: through a wrapped
     * DataSource inside a transaction, where no schema lookup may run.
     */
    private static ViolationReport violation(boolean withoutSchema, String sql, Object... values) throws SQLException {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(PostgresGerman.PLAIN_URL);
        try (Connection connection = withoutSchema ? IntegrityDataSource.wrap(source).getConnection()
                : DriverManager.getConnection(PostgresGerman.URL);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(!withoutSchema);
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            SQLException e = assertThrows(SQLException.class, statement::executeUpdate);
            if (withoutSchema) {
                connection.rollback();
            }
            return IntegrityViolations.find(e).orElseThrow(() -> new AssertionError("no report", e));
        }
    }

    private static void run(String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(Servers.POSTGRES_PLAIN_URL);
             Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }
}
