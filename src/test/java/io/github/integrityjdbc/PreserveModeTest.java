package io.github.integrityjdbc;

import io.github.integrityjdbc.testing.H2Database;
import org.h2.jdbc.JdbcBatchUpdateException;
import org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** integrity.mode=preserve: the very original object, with the explanation attached. */
class PreserveModeTest {

    @Test
    void rethrowsTheOriginalObject_reportFoundThroughSuppressed() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("integrity.mode", "preserve");
        try (Connection connection = H2Database.openWithSchema(H2Database.uniqueName("preserve"), properties)) {
            SQLException e = ReportingTest.fail(connection,
                    "INSERT INTO person (id, email, name, age) VALUES (?, ?, ?, ?)", 3, "a@example.com", "C", 1);

            assertInstanceOf(JdbcSQLIntegrityConstraintViolationException.class, e);
            assertNull(e.getCause(), "nothing wraps the original");
            assertTrue(e.getMessage().startsWith("Unique index or primary key violation"));
            assertEquals(1, e.getSuppressed().length);
            assertTrue(e.getSuppressed()[0].getMessage().startsWith("integrity-jdbc: Duplicate value for unique"),
                    e.getSuppressed()[0].getMessage());
            ViolationReport r = IntegrityViolations.find(e).orElseThrow();
            assertEquals(ViolationKind.UNIQUE, r.kind());
            assertEquals(Optional.of("UQ_PERSON_EMAIL"), r.constraint());

            // and through a wrapper, as Spring's or Hibernate's exceptions wrap it
            RuntimeException wrapped = new RuntimeException("translated", e);
            assertEquals(r, IntegrityViolations.find(wrapped).orElseThrow());
        }
    }

    @Test
    void batch_originalBatchUpdateExceptionKept() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("integrity.mode", "preserve");
        try (Connection connection = H2Database.openWithSchema(H2Database.uniqueName("preserve"), properties);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO parent (id) VALUES (?)")) {
            for (int id : new int[] {5, 1, 6}) {
                insert.setInt(1, id);
                insert.addBatch();
            }
            SQLException e = assertThrows(SQLException.class, insert::executeBatch);
            assertInstanceOf(JdbcBatchUpdateException.class, e);
            assertEquals(OptionalInt.of(1), IntegrityViolations.find(e).orElseThrow().batchIndex());
        }
    }

    @Test
    void findOnNullOrUnexplained() {
        assertEquals(Optional.empty(), IntegrityViolations.find(null));
        assertEquals(Optional.empty(), IntegrityViolations.find(new SQLException("x", "23505")));
        RuntimeException loop = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", loop);
        loop.initCause(other);
        assertEquals(Optional.empty(), IntegrityViolations.find(loop));
    }
}
