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
    private static final Map<String, List<ColumnInfo>> TABLE_COLUMNS = lru();

    /**
     * A column as {@code DatabaseMetaData.getColumns} describes it.
     *
     * @param type a {@link java.sql.Types} constant
     * @param size the declared length of a character column, or the precision of a number
     */
    record ColumnInfo(String name, int type, String typeName, int size) {
    }

    /** The connection to look up on, asked for only when the cache misses; null when none may be used now. */
    @FunctionalInterface
    interface LookupConnection {
        Connection get() throws SQLException;
    }

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

    static ConstraintInfo constraint(String database, Dialect dialect, LookupConnection lookup, String schema,
                                     String table, String constraint) throws SQLException {
        String key = database + '\u0000' + schema + '\u0000' + table + '\u0000' + constraint;
        Optional<ConstraintInfo> cached = CONSTRAINTS.get(key);
        if (cached == null) {
            Connection connection = paused(database) ? null : lookup.get();
            if (connection == null) {
                return null;
            }
            long start = System.nanoTime();
            try {
                cached = Optional.ofNullable(dialect.describeConstraint(connection, schema, table, constraint));
            } catch (SQLException | RuntimeException e) {
                pause(database);
                throw e;
            }
            pauseIfSlow(database, start);
            CONSTRAINTS.put(key, cached);
        }
        return cached.orElse(null);
    }

    /** The table's columns in declaration order; empty when unknown. */
    static List<ColumnInfo> tableColumns(String database, LookupConnection lookup, String schema, String table)
            throws SQLException {
        String key = database + '\u0000' + schema + '\u0000' + table;
        List<ColumnInfo> cached = TABLE_COLUMNS.get(key);
        if (cached == null) {
            Connection connection = paused(database) ? null : lookup.get();
            if (connection == null) {
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

    /** True while lookups on this database are paused after a failed or slow one. */
    static boolean paused(String database) {
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

    private static List<ColumnInfo> readColumns(DatabaseMetaData metaData, String schema, String table)
            throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        String tableSchema = null;
        // MySQL and MariaDB keep tables in catalogs (databases), not schemas
        boolean catalogs = !metaData.supportsSchemasInTableDefinitions();
        try (ResultSet rows = catalogs ? metaData.getColumns(schema, null, table, null)
                : metaData.getColumns(null, schema, table, null)) {
            while (rows.next()) {
                String rowSchema = rows.getString(catalogs ? "TABLE_CAT" : "TABLE_SCHEM");
                if (tableSchema != null && !tableSchema.equals(rowSchema)) {
                    return List.of(); // same table name in several schemas: do not guess
                }
                tableSchema = rowSchema;
                columns.add(new ColumnInfo(rows.getString("COLUMN_NAME"), rows.getInt("DATA_TYPE"),
                        rows.getString("TYPE_NAME"), rows.getInt("COLUMN_SIZE")));
            }
        }
        return List.copyOf(columns);
    }

    /** The number of cached lookups. */
    static int size() {
        return CONSTRAINTS.size() + TABLE_COLUMNS.size();
    }
}
