package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.capture.StatementCapture;
import io.github.integrityjdbc.diagnose.SqlText.Token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQLite's foreign keys as its schema declares them ({@code pragma_foreign_key_list}, names from the table's DDL),
 * and whether a parent row holds given values. Every query is a bounded lookup ({@link Dialect#prepareLookup}).
 */
final class SqliteForeignKeys {

    /** A foreign key of {@code table}: its {@code columns} reference {@code parentColumns} of {@code parent}. */
    record ForeignKey(String constraint, String table, List<String> columns, String parent,
                      List<String> parentColumns) {
    }

    /** What a parent lookup proved for one row: the parent is there (or a key value is NULL), it is missing, or unknown. */
    enum ParentCheck { PRESENT, MISSING, UNKNOWN }

    private static final String OWN_KEYS =
            "SELECT ?, id, seq, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?) ORDER BY id, seq";
    private static final String KEYS_REFERENCING = "SELECT m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\""
            + " FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
            + " WHERE m.type = 'table' AND f.\"table\" = ? COLLATE NOCASE ORDER BY m.name, f.id, f.seq";
    private static final String PRIMARY_KEY = "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk";
    private static final String DDL = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE";

    private SqliteForeignKeys() {
    }

    /** The foreign keys {@code table} declares (it is their child). */
    static List<ForeignKey> of(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = Dialect.prepareLookup(connection, OWN_KEYS)) {
            query.setString(1, table);
            query.setString(2, table);
            return read(connection, query);
        }
    }

    /** The foreign keys, of any table, that reference {@code parent}. */
    static List<ForeignKey> referencing(Connection connection, String parent) throws SQLException {
        try (PreparedStatement query = Dialect.prepareLookup(connection, KEYS_REFERENCING)) {
            query.setString(1, parent);
            return read(connection, query);
        }
    }

    /** Rows of (child table, key id, seq, parent, from, to), one per column of a key. */
    private static List<ForeignKey> read(Connection connection, PreparedStatement query) throws SQLException {
        Map<String, List<String[]>> keys = new LinkedHashMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                keys.computeIfAbsent(rows.getString(1) + '\u0000' + rows.getInt(2), k -> new ArrayList<>())
                        .add(new String[] {rows.getString(1), rows.getString(4), rows.getString(5), rows.getString(6)});
            }
        }
        List<ForeignKey> found = new ArrayList<>();
        Map<String, Map<String, String>> namesByTable = new HashMap<>();
        for (List<String[]> key : keys.values()) {
            String table = key.get(0)[0];
            String parent = key.get(0)[1];
            List<String> columns = new ArrayList<>();
            List<String> parentColumns = new ArrayList<>();
            for (String[] column : key) {
                columns.add(column[2]);
                if (column[3] != null) {
                    parentColumns.add(column[3]);
                }
            }
            if (parentColumns.isEmpty()) {
                parentColumns = primaryKey(connection, parent); // REFERENCES parent, without a column list
            }
            String name = namesByTable.computeIfAbsent(table, t -> constraintNames(connection, t)).get(key(columns));
            found.add(new ForeignKey(name, table, columns, parent, parentColumns));
        }
        return found;
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = Dialect.prepareLookup(connection, PRIMARY_KEY)) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    /**
     * Whether {@code parent} has a row with {@code values} in the key's parent columns. A NULL value satisfies the
     * key (SQLite's MATCH SIMPLE); a value the capture cannot bind leaves it unknown.
     */
    static ParentCheck parentHas(Connection connection, ForeignKey key, List<Object> values) throws SQLException {
        if (values.size() != key.parentColumns().size()) {
            return ParentCheck.UNKNOWN;
        }
        StringBuilder sql = new StringBuilder("SELECT 1 FROM ").append(quoted(key.parent())).append(" WHERE ");
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null || value == StatementCapture.NULL) {
                return ParentCheck.PRESENT;
            }
            if (!(value instanceof CharSequence || value instanceof Number || value instanceof Boolean)) {
                return ParentCheck.UNKNOWN;
            }
            sql.append(i == 0 ? "" : " AND ").append(quoted(key.parentColumns().get(i))).append(" = ?");
        }
        try (PreparedStatement query = Dialect.prepareLookup(connection, sql.append(" LIMIT 1").toString())) {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                query.setObject(i + 1, value instanceof CharSequence ? value.toString() : value);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? ParentCheck.PRESENT : ParentCheck.MISSING;
            }
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String key(List<String> columns) {
        return String.join("\u0000", columns).toLowerCase(Locale.ROOT);
    }

    /**
     * The names a table's DDL gives its foreign keys, by their columns: {@code CONSTRAINT name FOREIGN KEY (a, b)}
     * and a column's {@code CONSTRAINT name REFERENCES}. Unnamed keys are absent.
     */
    private static Map<String, String> constraintNames(Connection connection, String table) {
        Map<String, String> names = new HashMap<>();
        try (PreparedStatement query = Dialect.prepareLookup(connection, DDL)) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    for (List<Token> definition : definitions(SqlText.tokenize(rows.getString(1)))) {
                        nameIn(definition, names);
                    }
                }
            }
        } catch (SQLException e) {
            return Map.of(); // the names stay unknown; the keys themselves are known
        }
        return names;
    }

    /** The comma-separated definitions inside a CREATE TABLE's parentheses. */
    private static List<List<Token>> definitions(List<Token> ddl) {
        List<List<Token>> definitions = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < ddl.size(); i++) {
            Token t = ddl.get(i);
            if (t.isSymbol('(') && ++depth == 1) {
                start = i + 1;
            } else if (t.isSymbol(')') && depth-- == 1 || t.isSymbol(',') && depth == 1) {
                if (start >= 0 && start < i) {
                    definitions.add(ddl.subList(start, i));
                }
                start = depth == 1 ? i + 1 : -1;
            }
        }
        return definitions;
    }

    private static void nameIn(List<Token> definition, Map<String, String> names) {
        for (int i = 0; i + 2 < definition.size(); i++) {
            if (!definition.get(i).isWord("CONSTRAINT") || !definition.get(i + 1).isName()) {
                continue;
            }
            String name = definition.get(i + 1).name();
            Token next = definition.get(i + 2);
            if (i == 0 && next.isWord("FOREIGN")) {
                List<String> columns = new ArrayList<>();
                int j = i + 3;
                while (j < definition.size() && !definition.get(j).isSymbol('(')) {
                    j++;
                }
                for (j++; j < definition.size() && !definition.get(j).isSymbol(')'); j++) {
                    if (definition.get(j).isName()) {
                        columns.add(definition.get(j).name());
                    }
                }
                names.put(key(columns), name);
            } else if (i > 0 && next.isWord("REFERENCES") && definition.get(0).isName()) {
                names.put(key(List.of(definition.get(0).name())), name);
            }
        }
    }
}
