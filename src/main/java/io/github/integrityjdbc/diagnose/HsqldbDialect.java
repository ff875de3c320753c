package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HSQLDB 2.x. Its messages read {@code <kind> ; <CONSTRAINT> table: <TABLE>[ column: <COLUMN>][ value: <v>]}; the
 * patterns anchor on the {@code ;} and the {@code table:} / {@code column:} / {@code value:} tokens, which are not
 * translated. Unique and primary key share 23505, and the parent side of a foreign key is 23504: the constraint's
 * type, columns and parent come from INFORMATION_SCHEMA.
 */
final class HsqldbDialect implements Dialect {

    private static final String NAME = "([^\\s;:]+)";
    /** "; FK_CHILD_PARENT table: CHILD[ column: NAME]"; a foreign key adds " value: 999", which the statement has. */
    private static final Pattern CONSTRAINT_TABLE = Pattern.compile(
            "; " + NAME + " table: " + NAME + "(?: column: " + NAME + ")?");
    /** A foreign key's " value: 999": the child row's key values. */
    private static final Pattern FOREIGN_KEY_VALUE = Pattern.compile(" value: (.*)$", Pattern.DOTALL);
    /** A unique index created with CREATE UNIQUE INDEX: "... violation: UX_ACCOUNT_USERNAME", no table. */
    private static final Pattern INDEX_ONLY = Pattern.compile(": " + NAME + "\\s*$");
    /** "; size limit: 10 table: PERSON column: NAME". */
    private static final Pattern TOO_LONG = Pattern.compile(
            "; size limit: (\\d+) table: " + NAME + " column: " + NAME);

    private static final String DESCRIBE_KEY =
            "SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME, r.TABLE_NAME, r.COLUMN_NAME"
                    + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                    + " LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                    + " ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                    + " LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
                    + " ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                    + " LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE r"
                    + " ON r.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
                    + " AND r.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME"
                    + " AND r.ORDINAL_POSITION = k.POSITION_IN_UNIQUE_CONSTRAINT"
                    + " WHERE tc.CONSTRAINT_NAME = ? AND (CAST(? AS VARCHAR(128)) IS NULL OR tc.CONSTRAINT_SCHEMA = ?)"
                    + " ORDER BY tc.TABLE_SCHEMA, k.ORDINAL_POSITION";
    /** Columns of a CHECK constraint (no order in the standard views: by name). */
    private static final String CHECK_COLUMNS =
            "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.CONSTRAINT_COLUMN_USAGE"
                    + " WHERE CONSTRAINT_NAME = ? AND CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ? ORDER BY COLUMN_NAME";

    @Override
    public void read(SQLException violation, ErrorReading facts) {
        String message = violation.getMessage();
        if (message == null) {
            return;
        }
        String state = violation.getSQLState() == null ? "" : violation.getSQLState();
        if (state.startsWith("23")) {
            Matcher m = CONSTRAINT_TABLE.matcher(message);
            if (m.find()) {
                facts.constraint = m.group(1);
                facts.table = m.group(2);
                if (m.group(3) != null) {
                    facts.columns.add(m.group(3));
                }
                Matcher value = FOREIGN_KEY_VALUE.matcher(message).region(m.end(), message.length());
                if (value.lookingAt()) {
                    facts.shownOfColumns(value.start(1), value.end(1));
                }
                facts.recognised();
            } else if ("23505".equals(state)) {
                Matcher index = INDEX_ONLY.matcher(message);
                if (index.find()) {
                    facts.constraint = index.group(1);
                    facts.recognised();
                }
            }
            if ("23502".equals(state) && facts.constraint != null && facts.constraint.startsWith("SYS_CT_")) {
                facts.constraint = null; // generated for every NOT NULL column, renumbered with every CREATE TABLE
            }
        } else if ("22001".equals(state)) {
            Matcher m = TOO_LONG.matcher(message);
            if (m.find()) {
                facts.table = m.group(2);
                facts.columns.add(m.group(3));
                facts.columnType = "(size limit " + m.group(1) + ")";
                facts.recognised();
            }
        } else if ("22003".equals(state) && message.indexOf('\'') < 0 && message.indexOf('"') < 0) {
            facts.recognised(); // "data exception: numeric value out of range": no value
        }
        // 22003 "numeric value out of range" names nothing: the column comes from the statement (explainBind)
    }

    @Override
    public ConstraintInfo describeConstraint(Connection connection, String schema, String constraint)
            throws SQLException {
        String tableSchema = null;
        String table = null;
        String type = null;
        String referencedTable = null;
        List<String> columns = new ArrayList<>();
        List<String> referencedColumns = new ArrayList<>();
        try (PreparedStatement query = Dialect.prepareLookup(connection, DESCRIBE_KEY)) {
            query.setString(1, constraint);
            query.setString(2, schema);
            query.setString(3, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (table != null && !(table.equals(rows.getString(2)) && tableSchema.equals(rows.getString(1)))) {
                        return null; // the same name in two schemas: do not guess
                    }
                    tableSchema = rows.getString(1);
                    table = rows.getString(2);
                    type = rows.getString(3);
                    addIfPresent(columns, rows.getString(4));
                    referencedTable = rows.getString(5) != null ? rows.getString(5) : referencedTable;
                    addIfPresent(referencedColumns, rows.getString(6));
                }
            }
        }
        if (table == null) {
            return null;
        }
        if (columns.isEmpty()) {
            try (PreparedStatement query = Dialect.prepareLookup(connection, CHECK_COLUMNS)) {
                query.setString(1, constraint);
                query.setString(2, tableSchema);
                query.setString(3, table);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        columns.add(rows.getString(1));
                    }
                }
            }
        }
        boolean foreignKey = referencedTable != null && referencedColumns.size() == columns.size();
        return new ConstraintInfo(tableSchema, table, columns, kindOf(type),
                foreignKey ? referencedTable : null, foreignKey ? referencedColumns : List.of());
    }

    private static ViolationKind kindOf(String constraintType) {
        if (constraintType == null) {
            return null;
        }
        switch (constraintType) {
            case "PRIMARY KEY":
                return ViolationKind.PRIMARY_KEY;
            case "UNIQUE":
                return ViolationKind.UNIQUE;
            case "FOREIGN KEY":
                return ViolationKind.FOREIGN_KEY;
            case "CHECK":
                return ViolationKind.CHECK;
            default:
                return null;
        }
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null) {
            list.add(value);
        }
    }

    @Override
    public String storedName(String identifier, boolean quoted) {
        return quoted ? identifier : identifier.toUpperCase(Locale.ROOT);
    }
}
