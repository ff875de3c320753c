package io.github.integrityjdbc.diagnose;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema cache stays bounded however many constraints a dynamic schema names, and a cached answer asks for no
 * connection (inside a PostgreSQL transaction that would be a new physical connection).
 */
class SchemaCacheTest {

    @Test
    void manyConstraints_cacheBounded_recentOnesKept_cachedAnswersOpenNothing() throws SQLException {
        Dialect answering = new Dialect() {
            @Override
            public void read(SQLException violation, ErrorReading facts) {
            }

            @Override
            public ConstraintInfo describeConstraint(Connection connection, String schema, String constraint) {
                return new ConstraintInfo(schema, "T_" + constraint, List.of("C"));
            }
        };
        String database = "jdbc:h2:mem:cachebound-" + System.nanoTime();
        try (Connection h2 = DriverManager.getConnection(database)) {
            for (int i = 0; i < 5000; i++) {
                assertEquals("T_CK_" + i,
                        SchemaCache.constraint(database, answering, () -> h2, "S", null, "CK_" + i).table());
            }
        }
        assertTrue(SchemaCache.size() <= 2000, "entries: " + SchemaCache.size());
        Dialect failing = new Dialect() {
            @Override
            public void read(SQLException violation, ErrorReading facts) {
            }

            @Override
            public ConstraintInfo describeConstraint(Connection connection, String schema, String constraint) {
                throw new AssertionError("a recent entry is answered from the cache");
            }
        };
        SchemaCache.LookupConnection none = () -> {
            throw new AssertionError("a cached answer opens no connection");
        };
        assertEquals("T_CK_4999", SchemaCache.constraint(database, failing, none, "S", null, "CK_4999").table());
    }
}
