package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What only MySQL-family drivers do: HY000 for an omitted NOT NULL column, and three batch behaviours. */
class MariaDbSpecificTest {

    private static final String[] URLS = {Servers.MARIADB_URL, Servers.MYSQL_CJ_URL};

    @BeforeEach
    void setUp() throws SQLException {
        Servers.requireMariaDb();
        try (Connection connection = DriverManager.getConnection(Servers.MARIADB_URL);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS ij_my_person");
            statement.execute("CREATE TABLE ij_my_person (id INT PRIMARY KEY, email VARCHAR(100),"
                    + " name VARCHAR(10) NOT NULL, CONSTRAINT uq_ij_my_person_email UNIQUE (email))");
            statement.execute("INSERT INTO ij_my_person VALUES (1, 'a@example.com', 'Alice')");
        }
    }

    @AfterEach
    void tearDown() throws SQLException {
        try (Connection connection = DriverManager.getConnection(Servers.MARIADB_URL);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS ij_my_person");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void omittedNotNullColumn_isHY000ButExplained(int driver) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URLS[driver]);
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO ij_my_person (id, email) VALUES (?, ?)")) {
            insert.setInt(1, 2);
            insert.setString(2, "b@example.com");
            SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
            assertEquals("HY000", e.getSQLState());
            assertEquals(1364, e.getErrorCode());
            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            assertEquals(ViolationKind.NOT_NULL, r.kind());
            assertEquals(Optional.of("ij_my_person"), r.table());
            assertEquals(List.of("name"), r.columns());
            assertEquals(Map.of(), r.offendingValues(), "the statement gives the column no value");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        Servers.MARIADB_URL + "&useBulkStmts=false&useBulkStmtsForInserts=false",
        Servers.MYSQL_CJ_URL + "&continueBatchOnError=false",
        Servers.MYSQL_CJ_URL + "&rewriteBatchedStatements=true"})
    void batchRowFoundWhateverTheDriverDoesAfterTheFailure(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO ij_my_person (id, email, name) VALUES (?, ?, ?)")) {
            for (int row = 0; row < 5; row++) {
                insert.setInt(1, 101 + row);
                insert.setString(2, row == 3 ? "a@example.com" : "p" + row + "@example.com");
                insert.setString(3, "P" + row);
                insert.addBatch();
            }
            BatchUpdateException e = assertThrows(BatchUpdateException.class, insert::executeBatch);
            assertArrayEquals(((BatchUpdateException) e.getCause()).getUpdateCounts(), e.getUpdateCounts());
            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            assertEquals(ViolationKind.UNIQUE, r.kind());
            assertEquals(Optional.of("uq_ij_my_person_email"), r.constraint());
            assertEquals(OptionalInt.of(3), r.batchIndex());
            assertEquals(List.of("104", "'a@example.com'", "'P3'"), r.parameters());
        }
    }
}
