package io.github.integrityjdbc.integration;

import com.mysql.cj.jdbc.exceptions.MysqlDataTruncation;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.H2Database;
import io.github.integrityjdbc.testing.SameType;
import io.github.integrityjdbc.testing.Servers;
import org.apache.derby.shared.common.error.DerbySQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.export.MariaDbDataTruncation;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.net.URL;
import java.net.URLClassLoader;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Code written against the raw driver keeps working in the default mode: a {@code catch} of the driver's own
 * exception type catches the enriched exception, the driver's own getters answer as on the original, and the
 * message is still enriched and the report still found.
 */
class DriverExceptionTypesTest {

    @Test
    void postgres_catchPSQLException_serverErrorMessageIsTheOriginals() throws SQLException {
        Servers.requirePostgres();
        try (Connection connection = DriverManager.getConnection(Servers.POSTGRES_URL);
             Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS types_pg_user");
            ddl.execute("CREATE TABLE types_pg_user (id INT PRIMARY KEY, email VARCHAR(10) NOT NULL"
                    + " CONSTRAINT uq_types_pg_email UNIQUE)");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO types_pg_user (id, email) VALUES (?, ?)")) {
                insert(insert, 1, "ada@x.org");
                try {
                    insert(insert, 2, "ada@x.org");
                    fail("the duplicate was accepted");
                } catch (PSQLException e) {
                    ServerErrorMessage server = e.getServerErrorMessage();
                    assertEquals("uq_types_pg_email", server.getConstraint());
                    assertEquals("types_pg_user", server.getTable());
                    assertSame(((PSQLException) e.getCause()).getServerErrorMessage(), server);
                    assertEnriched(e);
                    assertEquals(ViolationKind.UNIQUE, IntegrityViolations.find(e).orElseThrow().kind());
                }
                PSQLException notNull = assertThrows(PSQLException.class, () -> insert(insert, 3, null));
                assertEquals("email", notNull.getServerErrorMessage().getColumn());
                assertEnriched(notNull);
                PSQLException tooLong = assertThrows(PSQLException.class, () -> insert(insert, 4, "x".repeat(11)));
                assertEquals("22001", tooLong.getSQLState());
                assertEnriched(tooLong);
                assertEquals(ViolationKind.VALUE_TOO_LONG, IntegrityViolations.find(tooLong).orElseThrow().kind());
            } finally {
                ddl.execute("DROP TABLE IF EXISTS types_pg_user");
            }
        }
    }

    /** pgjdbc chains the per-row PSQLException as next exception: the enriched batch chains its enriched copy. */
    @Test
    void postgres_batch_sameCounts_nextExceptionIsAnEnrichedPSQLException() throws SQLException {
        Servers.requirePostgres();
        try (Connection connection = DriverManager.getConnection(Servers.POSTGRES_URL);
             Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS types_pg_batch");
            ddl.execute("CREATE TABLE types_pg_batch (id INT CONSTRAINT pk_types_pg_batch PRIMARY KEY)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO types_pg_batch VALUES (?)")) {
                for (int id : new int[] {1, 2, 1}) {
                    insert.setInt(1, id);
                    insert.addBatch();
                }
                BatchUpdateException e = assertThrows(BatchUpdateException.class, insert::executeBatch);
                BatchUpdateException original = assertInstanceOf(BatchUpdateException.class, e.getCause());
                assertArrayEquals(original.getLargeUpdateCounts(), e.getLargeUpdateCounts());
                assertEnriched(e);
                PSQLException next = assertInstanceOf(PSQLException.class, e.getNextException());
                PSQLException originalNext = assertInstanceOf(PSQLException.class, original.getNextException());
                assertSame(originalNext, next.getCause());
                assertSame(originalNext.getServerErrorMessage(), next.getServerErrorMessage());
                assertEquals("pk_types_pg_batch", next.getServerErrorMessage().getConstraint());
                assertEnriched(next);
                assertSame(IntegrityViolations.find(e).orElseThrow(), IntegrityViolations.find(next).orElseThrow());
                assertEquals(originalNext.getNextException(), next.getNextException());
            } finally {
                ddl.execute("DROP TABLE IF EXISTS types_pg_batch");
            }
        }
    }

    @Test
    void derby_catchDerbysViolation_constraintAndTableNamesAreTheOriginals() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:integrity:derby:memory:types;create=true");
             Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE types_derby (id INT NOT NULL CONSTRAINT pk_types_derby PRIMARY KEY,"
                    + " name VARCHAR(10) NOT NULL)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO types_derby VALUES (?, ?)")) {
                insert(insert, 1, "ada");
                try {
                    insert(insert, 1, "bob");
                    fail("the duplicate was accepted");
                } catch (DerbySQLIntegrityConstraintViolationException e) {
                    DerbySQLIntegrityConstraintViolationException original =
                            (DerbySQLIntegrityConstraintViolationException) e.getCause();
                    assertEquals("PK_TYPES_DERBY", e.getConstraintName());
                    assertEquals(original.getConstraintName(), e.getConstraintName());
                    assertEquals(original.getTableName(), e.getTableName());
                    assertEnriched(e);
                }
                // Derby's NOT NULL violation is a plain SQLIntegrityConstraintViolationException; so is the enriched
                SQLIntegrityConstraintViolationException notNull = assertThrows(
                        SQLIntegrityConstraintViolationException.class, () -> insert(insert, 2, null));
                assertFalse(notNull instanceof DerbySQLIntegrityConstraintViolationException);
                assertEnriched(notNull);
            } finally {
                ddl.execute("DROP TABLE types_derby");
            }
        }
    }

    @Test
    void sqlite_catchSQLiteException_resultCodeIsTheOriginals() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:integrity:sqlite::memory:");
             Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE types_sqlite (id INT PRIMARY KEY, email TEXT UNIQUE)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO types_sqlite VALUES (?, ?)")) {
                insert(insert, 1, "ada@x.org");
                try {
                    insert(insert, 2, "ada@x.org");
                    fail("the duplicate was accepted");
                } catch (SQLiteException e) {
                    assertEquals(SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE, e.getResultCode());
                    assertEquals(19, e.getErrorCode());
                    assertEnriched(e);
                    assertEquals(ViolationKind.UNIQUE, IntegrityViolations.find(e).orElseThrow().kind());
                }
            }
        }
    }

    @Test
    void h2_finalClasses_standardTypes_batchChainsTheEnrichedRowException() throws SQLException {
        String url = "jdbc:integrity:h2:mem:" + H2Database.uniqueName("types") + ";DB_CLOSE_DELAY=-1";
        try (Connection connection = DriverManager.getConnection(url);
             Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE types_h2 (id INT CONSTRAINT pk_types_h2 PRIMARY KEY, name VARCHAR(3))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO types_h2 VALUES (?, ?)")) {
                insert(insert, 1, "ada");
                SQLIntegrityConstraintViolationException duplicate = assertThrows(
                        SQLIntegrityConstraintViolationException.class, () -> insert(insert, 1, "bob"));
                assertInstanceOf(org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException.class, duplicate.getCause());
                assertEnriched(duplicate);
                SQLException tooLong = assertThrows(java.sql.SQLDataException.class, () -> insert(insert, 2, "abcd"));
                assertEnriched(tooLong);

                for (int id : new int[] {3, 1, 4}) {
                    insert.setInt(1, id);
                    insert.setString(2, "x");
                    insert.addBatch();
                }
                BatchUpdateException batch = assertThrows(BatchUpdateException.class, insert::executeBatch);
                assertEnriched(batch);
                BatchUpdateException original = (BatchUpdateException) batch.getCause();
                assertArrayEquals(original.getLargeUpdateCounts(), batch.getLargeUpdateCounts());
                SQLException next = assertInstanceOf(SQLIntegrityConstraintViolationException.class,
                        batch.getNextException());
                assertSame(original.getNextException(), next.getCause());
                assertEnriched(next);
            }
        }
    }

    @Test
    void mariaDb_catchMariaDbDataTruncation() throws SQLException {
        Servers.requireMariaDb();
        SQLException e = tooLongOnMariaDb(Servers.MARIADB_URL);
        MariaDbDataTruncation truncation = assertInstanceOf(MariaDbDataTruncation.class, e);
        assertEquals("22001", truncation.getSQLState());
        assertEquals(1406, truncation.getErrorCode());
        assertEnriched(truncation);
    }

    @Test
    void mysqlConnectorJ_catchMysqlDataTruncation() throws SQLException {
        Servers.requireMariaDb();
        SQLException e = tooLongOnMariaDb(Servers.MYSQL_CJ_URL);
        MysqlDataTruncation truncation = assertInstanceOf(MysqlDataTruncation.class, e);
        assertEquals(1406, truncation.getErrorCode());
        assertTrue(truncation.getMessage().startsWith("Data truncation: Data too long for column 'name'"),
                truncation.getMessage());
        assertEnriched(truncation);
    }

    private static SQLException tooLongOnMariaDb(String url) throws SQLException {
        return tooLong(DriverManager.getConnection(url));
    }

    private static SQLException tooLong(Connection opened) throws SQLException {
        try (Connection connection = opened;
             Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS types_maria");
            ddl.execute("CREATE TABLE types_maria (id INT PRIMARY KEY, name VARCHAR(3))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO types_maria VALUES (?, ?)")) {
                return assertThrows(SQLException.class, () -> insert(insert, 1, "abcd"));
            } finally {
                ddl.execute("DROP TABLE IF EXISTS types_maria");
            }
        }
    }

    /**
     * pgjdbc in a class loader of its own: its PSQLException is not the one integrity-jdbc was compiled against, so
     * the enriched exception falls back to the standard type of the original, a plain SQLException (not a
     * SQLIntegrityConstraintViolationException, which would change Hibernate's verdict).
     */
    @Test
    void postgresInItsOwnClassLoader_plainSQLException() throws Exception {
        Servers.requirePostgres();
        URL pgJar = org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {pgJar}, ClassLoader.getPlatformClassLoader())) {
            Driver pg = (Driver) isolated.loadClass("org.postgresql.Driver").getConstructor().newInstance();
            javax.sql.DataSource source = new org.springframework.jdbc.datasource.SimpleDriverDataSource(pg,
                    Servers.POSTGRES_PLAIN_URL);
            try (Connection connection = io.github.integrityjdbc.IntegrityDataSource.wrap(source).getConnection();
                 Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS types_pg_isolated");
                ddl.execute("CREATE TABLE types_pg_isolated (id INT CONSTRAINT pk_types_pg_isolated PRIMARY KEY)");
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO types_pg_isolated VALUES (?)")) {
                    insert.setInt(1, 1);
                    insert.executeUpdate();
                    SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
                    Class<?> isolatedType = isolated.loadClass("org.postgresql.util.PSQLException");
                    assertNotSame(PSQLException.class, isolatedType);
                    assertInstanceOf(isolatedType, e.getCause());
                    assertFalse(e instanceof PSQLException);
                    assertFalse(isolatedType.isInstance(e));
                    assertFalse(e instanceof SQLIntegrityConstraintViolationException);
                    assertEquals("23505", e.getSQLState());
                    assertEnriched(e);
                    assertEquals("pk_types_pg_isolated", IntegrityViolations.find(e).orElseThrow().constraint()
                            .orElseThrow());
                } finally {
                    ddl.execute("DROP TABLE IF EXISTS types_pg_isolated");
                }
            }
        }
    }

    /**
     * MariaDB Connector/J in a class loader of its own: a value too long is its MariaDbDataTruncation there, and the
     * enriched exception the standard DataTruncation (a SQLWarning, not a SQLDataException, as the driver's).
     */
    @Test
    void mariaDbInItsOwnClassLoader_standardDataTruncation() throws Exception {
        Servers.requireMariaDb();
        URL jar = org.mariadb.jdbc.Driver.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader())) {
            Driver mariaDb = (Driver) isolated.loadClass("org.mariadb.jdbc.Driver").getConstructor().newInstance();
            javax.sql.DataSource source = new org.springframework.jdbc.datasource.SimpleDriverDataSource(mariaDb,
                    Servers.MARIADB_URL.replace("jdbc:integrity:", "jdbc:"));
            SQLException e = tooLong(io.github.integrityjdbc.IntegrityDataSource.wrap(source).getConnection());
            Class<?> isolatedType = isolated.loadClass("org.mariadb.jdbc.export.MariaDbDataTruncation");
            assertInstanceOf(isolatedType, e.getCause());
            assertFalse(isolatedType.isInstance(e));
            assertFalse(e instanceof MariaDbDataTruncation);
            java.sql.DataTruncation truncation = assertInstanceOf(java.sql.DataTruncation.class, e);
            assertFalse(e instanceof java.sql.SQLDataException);
            assertEquals("22001", truncation.getSQLState());
            assertEquals(1406, truncation.getErrorCode());
            assertEnriched(truncation);
        }
    }

    private static void insert(PreparedStatement insert, int id, String value) throws SQLException {
        insert.setInt(1, id);
        insert.setString(2, value);
        insert.executeUpdate();
    }

    /**
     * The enriched exception against its cause, the original: same types, SQLState, vendor code and stack trace;
     * the message is the original's then the explanation, and toString and getLocalizedMessage say the same.
     */
    static void assertEnriched(SQLException e) {
        SQLException original = assertInstanceOf(SQLException.class, e.getCause(), "the original is the cause");
        SameType.assertSameType(original, e);
        assertEquals(original.getSQLState(), e.getSQLState());
        assertEquals(original.getErrorCode(), e.getErrorCode());
        assertTrue(Arrays.equals(original.getStackTrace(), e.getStackTrace()), "the original's stack trace");
        String message = e.getMessage();
        assertNotNull(message);
        assertTrue(message.startsWith(original.getMessage() + "\nintegrity-jdbc: "), message);
        assertEquals(message, e.getLocalizedMessage());
        assertEquals(e.getClass().getName() + ": " + message, e.toString());
        ViolationReport report = IntegrityViolations.find(e).orElseThrow(() -> new AssertionError("no report", e));
        assertTrue(message.endsWith("integrity-jdbc: " + report.explain()), message);
    }

}
