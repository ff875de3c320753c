package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.Binding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What SQLite's errors leave out, found from the statement and the schema: the foreign key (its failure names
 * nothing) and a batch's failing row (a prepared batch fails without update counts). Where two candidates remain,
 * the report names neither.
 */
class SqliteMissingFactsTest {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("foreign_keys", "true");
        properties.setProperty("integrity.mask", "secret");
        connection = DriverManager.getConnection("jdbc:integrity:sqlite::memory:", properties);
        execute("CREATE TABLE sq_country (code TEXT PRIMARY KEY)",
                "CREATE TABLE sq_city (id INT PRIMARY KEY, name TEXT)",
                "CREATE TABLE sq_address (id INT PRIMARY KEY, secret TEXT, country TEXT NOT NULL, city INT,"
                        + " CONSTRAINT fk_sq_address_country FOREIGN KEY (country) REFERENCES sq_country (code),"
                        + " CONSTRAINT fk_sq_address_city FOREIGN KEY (city) REFERENCES sq_city)",
                "CREATE TABLE sq_visit (id INT PRIMARY KEY, city INT REFERENCES sq_city (id))",
                "INSERT INTO sq_country VALUES ('CH'), ('FR')",
                "INSERT INTO sq_city VALUES (1, 'Bern'), (2, 'Paris'), (3, 'Lyon')",
                "INSERT INTO sq_address VALUES (1, 's1', 'CH', 1)");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    // ****  foreign keys  ****

    @Test
    void insert_twoKeys_theOneWhoseParentLacksTheValue() throws SQLException {
        ViolationReport r = fails("INSERT INTO sq_address (id, secret, country, city) VALUES (?, ?, ?, ?)",
                2, "s2", "CH", 99);
        assertForeignKey(r, "fk_sq_address_city", "sq_address", List.of("city"), Map.of("city", "99"));
        r = fails("INSERT INTO sq_address (id, secret, country, city) VALUES (?, ?, ?, ?)", 2, "s2", "XX", 1);
        assertForeignKey(r, "fk_sq_address_country", "sq_address", List.of("country"),
                Map.of("country", "'XX'"));
    }

    @Test
    void insert_bothParentsMissing_namesNeither() throws SQLException {
        ViolationReport r = fails("INSERT INTO sq_address (id, secret, country, city) VALUES (?, ?, ?, ?)",
                2, "s2", "XX", 99);
        assertForeignKey(r, null, null, List.of(), Map.of());
    }

    @Test
    void insert_keyLeftToItsDefault_isNotGuessed() throws SQLException {
        // city takes its default (NULL): only country can fail, but an omitted column is not assumed NULL
        ViolationReport r = fails("INSERT INTO sq_address (id, secret, country) VALUES (?, ?, ?)", 2, "s2", "XX");
        assertForeignKey(r, null, null, List.of(), Map.of());
    }

    @Test
    void insert_nullKeyValueSatisfiesItsKey_theOtherOneFailed() throws SQLException {
        ViolationReport r = fails("INSERT INTO sq_address (id, secret, country, city) VALUES (?, ?, ?, ?)",
                2, "s2", "XX", null);
        assertForeignKey(r, "fk_sq_address_country", "sq_address", List.of("country"),
                Map.of("country", "'XX'"));
    }

    @Test
    void insert_unnamedColumnKey_tableAndColumnWithoutName() throws SQLException {
        ViolationReport r = fails("INSERT INTO sq_visit (id, city) VALUES (?, ?)", 1, 42);
        assertForeignKey(r, null, "sq_visit", List.of("city"), Map.of("city", "42"));
    }

    @Test
    void literalInsert_valuesFromTheSqlText() throws SQLException {
        String sql = "INSERT INTO sq_address (id, secret, country, city) VALUES (5, 's5', 'CH', 77)";
        try (Statement statement = connection.createStatement()) {
            ViolationReport r = report(assertThrows(SQLException.class, () -> statement.executeUpdate(sql)));
            assertForeignKey(r, "fk_sq_address_city", "sq_address", List.of("city"), Map.of("city", "77"));
        }
    }

    @Test
    void update_ofTheChild_theKeyOfTheWrittenColumn() throws SQLException {
        ViolationReport r = fails("UPDATE sq_address SET country = ? WHERE id = ?", "XX", 1);
        assertForeignKey(r, "fk_sq_address_country", "sq_address", List.of("country"),
                Map.of("country", "'XX'"));
    }

    @Test
    void delete_ofAParentReferencedFromOneTable_thatKey() throws SQLException {
        ViolationReport r = fails("DELETE FROM sq_country WHERE code = ?", "CH");
        assertForeignKey(r, "fk_sq_address_country", "sq_address", List.of("country"),
                Map.of("country", "'CH'"));
    }

    @Test
    void delete_ofAParentReferencedFromTwoTables_namesNeither() throws SQLException {
        execute("INSERT INTO sq_visit VALUES (1, 1)");
        ViolationReport r = fails("DELETE FROM sq_city WHERE id = ?", 1);
        assertForeignKey(r, null, null, List.of(), Map.of());
    }

    // ****  a prepared batch: a plain exception, no counts; the rows before the failing one are applied  ****

    @Test
    void preparedBatch_missingParent_theFirstRowWithoutItsParent() throws SQLException {
        SQLException e = batch("INSERT INTO sq_address (id, secret, country, city) VALUES (?, ?, ?, ?)",
                new Object[] {10, "a", "CH", 1}, new Object[] {11, "b", "FR", 2}, new Object[] {12, "c", "XX", 3},
                new Object[] {13, "d", "YY", 3});
        assertFalse(e.getCause() instanceof BatchUpdateException, "sqlite-jdbc gives no update counts");
        ViolationReport r = report(e);
        assertForeignKey(r, "fk_sq_address_country", "sq_address", List.of("country"), Map.of("country", "'XX'"));
        assertEquals(OptionalInt.of(2), r.batchIndex());
        assertEquals(List.of("12", "****", "'XX'", "3"), r.parameters(), "the failing row's values, masked");
        assertEquals(3, count("sq_address"), "the rows before it are applied: 1 + 2");
    }

    @Test
    void preparedBatch_notNull_theFirstRowWithoutAValue() throws SQLException {
        SQLException e = batch("INSERT INTO sq_address (id, secret, country, city) VALUES (?, ?, ?, ?)",
                new Object[] {10, "a", "CH", 1}, new Object[] {11, "b", null, 2}, new Object[] {12, "c", null, 3});
        ViolationReport r = report(e);
        assertEquals(ViolationKind.NOT_NULL, r.kind());
        assertEquals(List.of("country"), r.columns());
        assertEquals(OptionalInt.of(1), r.batchIndex());
        assertEquals(Map.of("country", "NULL"), r.offendingValues());
    }

    @Test
    void preparedBatch_duplicate_rowNotProven() throws SQLException {
        // the rows applied before the failure cannot be told from rows that were there before: no row is named
        SQLException e = batch("INSERT INTO sq_city (id, name) VALUES (?, ?)",
                new Object[] {10, "A"}, new Object[] {11, "B"}, new Object[] {1, "C"});
        ViolationReport r = report(e);
        assertEquals(ViolationKind.PRIMARY_KEY, r.kind());
        assertEquals(OptionalInt.empty(), r.batchIndex());
        assertEquals(List.of(), r.parameters());
    }

    // ****  a batch of SQL texts: a BatchUpdateException that names the entry  ****

    @Test
    void statementBatch_theEntryTheDriverNames() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.addBatch("INSERT INTO sq_city (id, name) VALUES (20, 'x')");
            statement.addBatch("INSERT INTO sq_address (id, secret, country, city) VALUES (21, 'top', 'CH', 20)");
            statement.addBatch("INSERT INTO sq_address (id, secret, country, city) VALUES (22, 'top', 'ZZ', 20)");
            statement.addBatch("INSERT INTO sq_city (id, name) VALUES (23, 'y')");
            BatchUpdateException e = assertThrows(BatchUpdateException.class, statement::executeBatch);
            assertArrayEquals(((BatchUpdateException) e.getCause()).getUpdateCounts(), e.getUpdateCounts());
            ViolationReport r = report(e);
            assertForeignKey(r, "fk_sq_address_country", "sq_address", List.of("country"),
                    Map.of("country", "'ZZ'"));
            assertEquals(OptionalInt.of(2), r.batchIndex());
            assertTrue(e.getMessage().startsWith("batch entry 2: [SQLITE_CONSTRAINT_FOREIGNKEY]"),
                    "the database's text is kept (it shows no value): " + e.getMessage());
            assertEquals("INSERT INTO sq_address (id, secret, country, city) VALUES (22, '****', 'ZZ', 20)", r.sql());
        }
    }

    // ****  helpers  ****

    private ViolationReport fails(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Binding.bindAll(statement, values);
            SQLException e = assertThrows(SQLException.class, statement::executeUpdate);
            ViolationReport r = report(e);
            assertEquals(sql, r.sql());
            return r;
        }
    }

    private SQLException batch(String sql, Object[]... rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                Binding.bindAll(statement, row);
                statement.addBatch();
            }
            return assertThrows(SQLException.class, statement::executeBatch);
        }
    }

    private static ViolationReport report(SQLException e) {
        return IntegrityViolations.find(e).orElseThrow(() -> new AssertionError("no report in " + e, e));
    }

    private static void assertForeignKey(ViolationReport r, String constraint, String table, List<String> columns,
                                         Map<String, String> offending) {
        assertEquals(ViolationKind.FOREIGN_KEY, r.kind(), r.explain());
        assertEquals(Optional.ofNullable(constraint), r.constraint(), "constraint: " + r.explain());
        assertEquals(Optional.ofNullable(table), r.table(), "table: " + r.explain());
        assertEquals(columns, r.columns(), "columns: " + r.explain());
        assertEquals(offending, r.offendingValues(), "offending: " + r.explain());
    }

    private int count(String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void execute(String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }
}
