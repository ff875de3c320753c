package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB, through MariaDB Connector/J or MySQL Connector/J. Both report SQLState 23000 for every kind, so
 * the kind comes from the vendor code. A duplicate names the index ({@code PRIMARY} for every primary key), not the
 * table: the table comes from the statement and the index columns from information_schema. MariaDB Connector/J
 * prefixes messages with {@code (conn=N) }, MySQL Connector/J prefixes data errors with {@code Data truncation: };
 * neither prefix holds a quote. Messages are read in any language the server speaks ({@code lc_messages}).
 */
final class MySqlDialect implements Dialect {

    private static final String NAME = "`((?:[^`]|``)+)`";
    /** SQL text in every language: {@code `db`.`child`, CONSTRAINT `fk` FOREIGN KEY (`a`) REFERENCES `parent` (`b`)}. */
    private static final Pattern FOREIGN_KEY = Pattern.compile(NAME + "\\." + NAME + ", CONSTRAINT " + NAME
            + " FOREIGN KEY \\(([^)]*)\\) REFERENCES " + NAME + " \\(([^)]*)\\)");
    private static final Pattern BACKQUOTED = Pattern.compile(NAME);

    private static final String INDEX_COLUMNS = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME"
            + " FROM information_schema.STATISTICS"
            + " WHERE INDEX_NAME = ? AND TABLE_NAME = ? AND TABLE_SCHEMA = COALESCE(?, DATABASE())"
            + " ORDER BY SEQ_IN_INDEX";
    private static final String CHECK_CLAUSE = "SELECT cc.CONSTRAINT_SCHEMA, tc.TABLE_NAME, cc.CHECK_CLAUSE"
            + " FROM information_schema.CHECK_CONSTRAINTS cc"
            + " JOIN information_schema.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA"
            + " AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME AND tc.CONSTRAINT_TYPE = 'CHECK'"
            + " WHERE cc.CONSTRAINT_NAME = ? AND cc.CONSTRAINT_SCHEMA = COALESCE(?, DATABASE())"
            + " AND (CAST(? AS CHAR) IS NULL OR tc.TABLE_NAME = ?)";
    private static final String TABLE_COLUMNS = "SELECT COLUMN_NAME FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";

    @Override
    public ViolationKind classify(SQLException e) {
        switch (e.getErrorCode()) {
            case 1062: // ER_DUP_ENTRY
            case 1586: // ER_DUP_ENTRY_WITH_KEY_NAME
                return ViolationKind.UNIQUE;
            case 1216: // ER_NO_REFERENCED_ROW (old servers)
            case 1217: // ER_ROW_IS_REFERENCED (old servers)
            case 1451: // ER_ROW_IS_REFERENCED_2
            case 1452: // ER_NO_REFERENCED_ROW_2
                return ViolationKind.FOREIGN_KEY;
            case 1048: // ER_BAD_NULL_ERROR
            case 1364: // ER_NO_DEFAULT_FOR_FIELD: a NOT NULL column left out (SQLState HY000)
                return ViolationKind.NOT_NULL;
            case 3819: // MySQL 8 ER_CHECK_CONSTRAINT_VIOLATED (SQLState HY000)
            case 4025: // MariaDB ER_CONSTRAINT_FAILED
                return ViolationKind.CHECK;
            case 1406: // ER_DATA_TOO_LONG
                return ViolationKind.VALUE_TOO_LONG;
            case 1264: // ER_WARN_DATA_OUT_OF_RANGE (MySQL Connector/J says 22001, MariaDB's driver 22003)
                return ViolationKind.OUT_OF_RANGE;
            default:
                return Dialect.super.classify(e);
        }
    }

    /**
     * Reads by vendor code and by where the quoted names stand, never by the words around them: the server
     * translates its messages ({@code lc_messages}), not the names and values it quotes, nor the SQL it cites.
     * Only the first line is the server's.
     */
    @Override
    public void read(SQLException violation, ErrorReading facts) {
        String message = violation.getMessage();
        if (message == null) {
            return;
        }
        int end = message.indexOf('\n');
        end = end < 0 ? message.length() : end;
        switch (violation.getErrorCode()) {
            case 1062: // Duplicate entry '%s' for key '%s'
            case 1586:
                readDuplicate(message, end, facts);
                break;
            case 1451: // Cannot delete or update a parent row: ... (`db`.`child`, CONSTRAINT ...)
            case 1452: // Cannot add or update a child row: ... (`db`.`child`, CONSTRAINT ...)
                readForeignKey(message, end, facts);
                break;
            case 4025: // CONSTRAINT `%s` failed for `%s`.`%s`
                List<String> names = backquoted(message.substring(0, end));
                if (names.size() == 3) {
                    facts.constraint = names.get(0);
                    facts.schema = names.get(1);
                    facts.table = names.get(2);
                    recognised(message, facts);
                }
                break;
            case 3819: // MySQL 8: Check constraint '%s' is violated.
                readQuotedName(message, end, facts, name -> facts.constraint = name);
                break;
            case 1048: // Column '%s' cannot be null
            case 1364: // Field '%s' doesn't have a default value
            case 1406: // Data too long for column '%s' at row %ld
            case 1264: // Out of range value for column '%s' at row %ld
                readQuotedName(message, end, facts, facts.columns::add);
                break;
            default:
                break;
        }
    }

    /**
     * The value is the first quoted text and the key the last one of the line: the words between them never hold a
     * quote, in any language, while the value may (MariaDB does not escape it).
     */
    private static void readDuplicate(String message, int end, ErrorReading facts) {
        int keyClose = message.lastIndexOf('\'', end - 1);
        int keyOpen = keyClose <= 0 ? -1 : message.lastIndexOf('\'', keyClose - 1);
        int valueOpen = keyOpen <= 0 ? -1 : message.indexOf('\'');
        int valueClose = keyOpen <= 0 ? -1 : message.lastIndexOf('\'', keyOpen - 1);
        if (valueOpen < 0 || valueClose <= valueOpen || keyClose == keyOpen + 1) {
            return;
        }
        String key = message.substring(keyOpen + 1, keyClose);
        int dot = key.lastIndexOf('.'); // MySQL 8: 'table.key'
        if (dot > 0) {
            facts.table = key.substring(0, dot);
            key = key.substring(dot + 1);
        }
        facts.constraint = key;
        facts.kind = key.equals("PRIMARY") ? ViolationKind.PRIMARY_KEY : ViolationKind.UNIQUE;
        facts.duplicateEntry = message.substring(valueOpen + 1, valueClose);
        facts.shownOfColumns(valueOpen + 1, valueClose);
        recognised(message, facts);
    }

    private static void readForeignKey(String message, int end, ErrorReading facts) {
        Matcher fk = FOREIGN_KEY.matcher(message).region(0, end);
        if (fk.find()) {
            facts.schema = unquoted(fk.group(1));
            facts.table = unquoted(fk.group(2));
            facts.constraint = unquoted(fk.group(3));
            facts.columns.addAll(backquoted(fk.group(4)));
            facts.referencedTable = unquoted(fk.group(5));
            facts.referencedColumns.addAll(backquoted(fk.group(6)));
            recognised(message, facts);
        }
    }

    /**
     * A message that quotes one name ('%s'), a column or MySQL 8's CHECK constraint: the first quoted text of the
     * line. The words after it may hold an apostrophe ({@code doesn't}); those before it hold none in any of
     * MariaDB's languages. These messages show no value.
     */
    private static void readQuotedName(String message, int end, ErrorReading facts, Consumer<String> name) {
        int open = message.indexOf('\'');
        int close = open < 0 || open >= end ? -1 : message.indexOf('\'', open + 1);
        if (close < 0 || close >= end || close == open + 1) {
            return;
        }
        name.accept(message.substring(open + 1, close));
        recognised(message, facts);
    }

    /**
     * A message of a known shape: it names but shows no value, but for a duplicate entry. MariaDB Connector/J appends
     * the query and its parameters on a line of its own where asked to (dumpQueriesOnException): that part is opaque.
     */
    private static void recognised(String message, ErrorReading facts) {
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            facts.opaque(newline, message.length());
        }
        facts.recognised();
    }

    private static List<String> backquoted(String list) {
        List<String> names = new ArrayList<>();
        Matcher m = BACKQUOTED.matcher(list);
        while (m.find()) {
            names.add(unquoted(m.group(1)));
        }
        return names;
    }

    /** A backquoted name's text: MySQL doubles a backquote inside it. */
    private static String unquoted(String name) {
        return name.replace("``", "`");
    }

    /** Index columns for a duplicate (index names are unique per table only), or a CHECK's columns from its clause. */
    @Override
    public ConstraintInfo describeConstraint(Connection connection, String schema, String table, String constraint)
            throws SQLException {
        if (table != null) {
            try (PreparedStatement query = Dialect.prepareLookup(connection, INDEX_COLUMNS)) {
                query.setString(1, constraint);
                query.setString(2, table);
                query.setString(3, schema);
                try (ResultSet rows = query.executeQuery()) {
                    List<String> columns = new ArrayList<>();
                    String foundSchema = null;
                    while (rows.next()) {
                        foundSchema = rows.getString(1);
                        columns.add(rows.getString(3));
                    }
                    if (!columns.isEmpty()) {
                        return new ConstraintInfo(foundSchema, table, columns);
                    }
                }
            }
        }
        return checkColumns(connection, schema, table, constraint);
    }

    /** A CHECK's columns: the backquoted names in its clause that are columns of its table. */
    private static ConstraintInfo checkColumns(Connection connection, String schema, String table, String constraint)
            throws SQLException {
        String foundSchema;
        String foundTable;
        String clause;
        try (PreparedStatement query = Dialect.prepareLookup(connection, CHECK_CLAUSE)) {
            query.setString(1, constraint);
            query.setString(2, schema);
            query.setString(3, table);
            query.setString(4, table);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                foundSchema = rows.getString(1);
                foundTable = rows.getString(2);
                clause = rows.getString(3);
                if (rows.next()) {
                    return null; // the same name on two tables: do not guess
                }
            }
        }
        Set<String> tableColumns = new LinkedHashSet<>();
        try (PreparedStatement query = Dialect.prepareLookup(connection, TABLE_COLUMNS)) {
            query.setString(1, foundSchema);
            query.setString(2, foundTable);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tableColumns.add(rows.getString(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        Set<String> columns = new LinkedHashSet<>();
        for (String name : backquoted(clause == null ? "" : clause)) {
            if (tableColumns.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                columns.add(name);
            }
        }
        return new ConstraintInfo(foundSchema, foundTable, new ArrayList<>(columns));
    }
}
