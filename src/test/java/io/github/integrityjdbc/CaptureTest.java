package io.github.integrityjdbc;

import io.github.integrityjdbc.testing.H2Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the proxy captures per statement, as the report shows it. */
class CaptureTest {

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("integrity.maxValueLength", "12");
        connection = H2Database.openWithSchema(H2Database.uniqueName("capture"), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE doc (id INT PRIMARY KEY, title VARCHAR(200), body BLOB, notes CLOB,"
                    + " price DECIMAL(10, 2), at TIMESTAMP, raw VARBINARY(100))");
            statement.execute("INSERT INTO doc (id) VALUES (1)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void everySetterFormIsCaptured() throws SQLException {
        InputStream stream = new ByteArrayInputStream(new byte[4]);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO doc (id, title, body, notes, price, at, raw) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, 1, Types.INTEGER);
            insert.setString(2, "a title longer than twelve");
            insert.setBinaryStream(3, stream, 4L);
            insert.setCharacterStream(4, new StringReader("text"), 4);
            insert.setBigDecimal(5, new BigDecimal("12.50"));
            insert.setObject(6, Timestamp.valueOf("2026-11-28 10:00:00"), JDBCType.TIMESTAMP);
            insert.setBytes(7, new byte[] {1, 2, 3});
            SQLException e = assertThrows(SQLException.class, insert::executeUpdate);

            ViolationReport r = IntegrityViolations.find(e).orElseThrow(() -> new AssertionError(e));
            assertEquals(List.of("1", "'a title long…' (26 characters)", "<binary stream, 4 bytes>",
                    "<character stream, 4 characters>", "12.50", "'2026-11-28 1…' (21 characters)",
                    "<binary, 3 bytes>"), r.parameters());
        }
    }

    @Test
    void clearParameters_forgetsValues() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO doc (id, title) VALUES (?, ?)")) {
            insert.setInt(1, 7);
            insert.setString(2, "old");
            insert.clearParameters();
            insert.setInt(1, 1);
            insert.setNull(2, Types.VARCHAR);
            SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
            assertEquals(List.of("1", "NULL"), IntegrityViolations.find(e).orElseThrow().parameters());
        }
    }

    @Test
    void clearBatch_forgetsRows_andEachBatchStartsAfresh() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO doc (id, title) VALUES (?, ?)")) {
            insert.setInt(1, 50);
            insert.setString(2, "dropped");
            insert.addBatch();
            insert.clearBatch();
            insert.setInt(1, 60);
            insert.setString(2, "ok");
            insert.addBatch();
            insert.executeBatch();

            insert.setInt(1, 61);
            insert.setString(2, "ok too");
            insert.addBatch();
            insert.setInt(1, 1);
            insert.setString(2, "duplicate");
            insert.addBatch();
            SQLException e = assertThrows(SQLException.class, insert::executeBatch);
            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            assertEquals(OptionalInt.of(1), r.batchIndex());
            assertEquals(List.of("1", "'duplicate'"), r.parameters());
            assertEquals(Map.of("ID", "1"), r.offendingValues());
        }
    }

    @Test
    void rowsOfDifferentWidthsKeepTheirValues() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO doc (id, title) VALUES (?, ?)")) {
            insert.setInt(1, 70);
            insert.setString(2, "a");
            insert.addBatch();
            insert.setInt(1, 1);
            insert.setString(2, "b");
            insert.addBatch();
            SQLException e = assertThrows(SQLException.class, insert::executeBatch);
            assertEquals(List.of("1", "'b'"), IntegrityViolations.find(e).orElseThrow().parameters());
        }
    }
}
