package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.diagnose.Dialect.ConstraintInfo;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Schema facts looked up on the slow path, cached per database (its delegate URL), schema and name, so that a
 * constraint is looked up once. Bounded: the least recently used entries go first. A lookup that fails, or takes
 * longer than {@link Dialect#LOOKUP_TIMEOUT_SECONDS}, pauses all lookups on that database for
 * {@link #PAUSE_SECONDS}: explanations then go on with what the error and the statement say.
 */
final class SchemaCache {

    private static final int MAX_ENTRIES = 1000;
    static final int PAUSE_SECONDS = 60;

    /** Database to the System.nanoTime() until which its lookups are paused. */
    private static final Map<String, Long> PAUSED = new ConcurrentHashMap<>();

    private static final Map<String, Optional<ConstraintInfo>> CONSTRAINTS = lru();
    private static final Map<String, List<String>> TABLE_COLUMNS = lru();

    private SchemaCache() {
    }

    private static <V> Map<String, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        });
    }

    static ConstraintInfo constraint(String database, Dialect dialect, Connection connection, String schema,
                                     String constraint) throws SQLException {
        String key = database + '\u0000' + schema + '\u0000' + constraint;
        Optional<ConstraintInfo> cached = CONSTRAINTS.get(key);
        if (cached == null) {
            if (paused(database)) {
                return null;
            }
            long start = System.nanoTime();
            try {
                cached = Optional.ofNullable(dialect.describeConstraint(connection, schema, constraint));
            } catch (SQLException | RuntimeException e) {
                pause(database);
                throw e;
            }
            pauseIfSlow(database, start);
            CONSTRAINTS.put(key, cached);
        }
        return cached.orElse(null);
    }

    /** The table's columns in declaration order (for an INSERT without a column list); empty when unknown. */
    static List<String> tableColumns(String database, Connection connection, String schema, String table)
            throws SQLException {
        String key = database + '\u0000' + schema + '\u0000' + table;
        List<String> cached = TABLE_COLUMNS.get(key);
        if (cached == null) {
            if (paused(database)) {
                return List.of();
            }
            long start = System.nanoTime();
            try {
                cached = readColumns(connection.getMetaData(), schema, table);
            } catch (SQLException | RuntimeException e) {
                pause(database);
                throw e;
            }
            pauseIfSlow(database, start);
            TABLE_COLUMNS.put(key, cached);
        }
        return cached;
    }

    private static boolean paused(String database) {
        Long until = PAUSED.get(database);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until < 0) {
            return true;
        }
        PAUSED.remove(database, until);
        return false;
    }

    private static void pause(String database) {
        if (PAUSED.size() >= MAX_ENTRIES) {
            PAUSED.clear(); // more failing databases than that: forget the pauses rather than grow
        }
        PAUSED.put(database, System.nanoTime() + TimeUnit.SECONDS.toNanos(PAUSE_SECONDS));
    }

    private static void pauseIfSlow(String database, long start) {
        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(Dialect.LOOKUP_TIMEOUT_SECONDS)) {
            pause(database);
        }
    }

    private static List<String> readColumns(DatabaseMetaData metaData, String schema, String table)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        String tableSchema = null;
        try (ResultSet rows = metaData.getColumns(null, schema, table, null)) {
            while (rows.next()) {
                if (tableSchema != null && !tableSchema.equals(rows.getString("TABLE_SCHEM"))) {
                    return List.of(); // same table name in several schemas: do not guess
                }
                tableSchema = rows.getString("TABLE_SCHEM");
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(columns);
    }

    /** The number of cached lookups. */
    static int size() {
        return CONSTRAINTS.size() + TABLE_COLUMNS.size();
    }

    /** Forgets everything; for tests that recreate a schema under the same names. */
    static void clear() {
        CONSTRAINTS.clear();
        TABLE_COLUMNS.clear();
        PAUSED.clear();
    }
}
