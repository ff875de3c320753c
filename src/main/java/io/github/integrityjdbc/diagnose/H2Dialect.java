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
 * H2 2.x. Its messages carry most facts inside the first double-quoted part, for example
 * {@code "PUBLIC.UQ_PERSON_EMAIL INDEX PUBLIC.UQ_PERSON_EMAIL_INDEX_8 ON PUBLIC.PERSON(EMAIL NULLS FIRST) VALUES ( /* 1 * / 'a@example.com' )"}.
 * The patterns anchor on that quoted part, not on the English words around it. H2 reports a numeric overflow as
 * 22004, and a CHECK message names only the constraint: its table and columns come from INFORMATION_SCHEMA.
 */
final class H2Dialect implements Dialect {

    private static final String NAME = "(\\w+)";
    private static final String QUALIFIED = "(?:(\\w+)\\.)?(\\w+)";

    /** Unique and primary key: constraint [PRIMARY KEY | INDEX index] ON table(columns). */
    private static final Pattern UNIQUE = Pattern.compile(
            "\"" + QUALIFIED + "( PRIMARY KEY| INDEX (?:\\w+\\.)?(\\w+))? ON " + QUALIFIED + "\\(([^)]*)\\)");
    /**
     * The index values of a unique violation: VALUES ( /* 1 * / 'a@example.com' ), up to the end of the quoted part
     * (a value may itself contain )").
     */
    private static final Pattern UNIQUE_VALUES = Pattern.compile(
            "\\) VALUES \\( /\\*[^*]*\\*/ (.*?) ?\\)\"(?=; SQL statement:| \\[\\d|$)");
    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "\"" + NAME + ": " + QUALIFIED + " FOREIGN KEY\\(([^)]*)\\) REFERENCES " + QUALIFIED
                    + "\\(([^)]*)\\) \\((.*)\\)\"");
    private static final Pattern FIRST_QUOTED_NAME = Pattern.compile("\"" + NAME + "[\":]");
    private static final Pattern TOO_LONG = Pattern.compile("\"" + NAME + " ([^\"]*)\": \"(.*) \\((\\d+)\\)\"");
    private static final Pattern OUT_OF_RANGE = Pattern.compile("\"([^\"]*)\"(?:[^\"]*\"" + NAME + "\")?");

    private static final String DESCRIBE_CONSTRAINT =
            "SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, u.COLUMN_NAME"
                    + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                    + " LEFT JOIN INFORMATION_SCHEMA.CONSTRAINT_COLUMN_USAGE u"
                    + " ON u.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND u.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                    + " AND u.TABLE_NAME = tc.TABLE_NAME"
                    + " WHERE tc.CONSTRAINT_NAME = ? AND (CAST(? AS VARCHAR) IS NULL OR tc.CONSTRAINT_SCHEMA = ?)"
                    + " ORDER BY u.COLUMN_NAME";

    @Override
    public void read(SQLException violation, ErrorFacts facts) {
        String message = violation.getMessage();
        if (message == null) {
            return;
        }
        String state = violation.getSQLState() == null ? "" : violation.getSQLState();
        switch (state) {
            case "23505":
                readUnique(message, facts);
                break;
            case "23503":
            case "23506":
                readForeignKey(message, facts);
                break;
            case "23502":
                Matcher column = atQuotedPart(FIRST_QUOTED_NAME, message);
                if (column.lookingAt()) {
                    facts.columns.add(column.group(1));
                }
                break;
            case "23513":
                Matcher constraint = atQuotedPart(FIRST_QUOTED_NAME, message);
                if (constraint.lookingAt()) {
                    facts.constraint = constraint.group(1);
                }
                break;
            case "22001":
                readTooLong(message, facts);
                break;
            case "22003":
            case "22004": // H2 reports a numeric overflow in a column as 22004
                facts.kind = ViolationKind.OUT_OF_RANGE;
                readOutOfRange(message, facts);
                break;
            default:
                break;
        }
    }

    private static void readUnique(String message, ErrorFacts facts) {
        Matcher m = atQuotedPart(UNIQUE, message);
        if (!m.lookingAt()) {
            return;
        }
        facts.constraint = m.group(2);
        // A single-column key says PRIMARY KEY; a composite one names its index, which H2 calls PRIMARY_KEY_<n>.
        boolean primaryKey = " PRIMARY KEY".equals(m.group(3))
                || m.group(4) != null && m.group(4).startsWith("PRIMARY_KEY_");
        facts.kind = primaryKey ? ViolationKind.PRIMARY_KEY : ViolationKind.UNIQUE;
        facts.schema = m.group(5);
        facts.table = m.group(6);
        facts.columns.addAll(indexColumns(m.group(7)));
        // A single-column primary key message lists the whole existing row; an index message lists the key values.
        boolean listsKeyValues = !" PRIMARY KEY".equals(m.group(3));
        Matcher values = UNIQUE_VALUES.matcher(message).region(m.end() - 1, message.length());
        if (listsKeyValues && values.lookingAt()) {
            putValues(facts, facts.columns, SqlText.splitList(values.group(1)));
        }
    }

    private static void readForeignKey(String message, ErrorFacts facts) {
        Matcher m = atQuotedPart(FOREIGN_KEY, message);
        if (!m.lookingAt()) {
            return;
        }
        facts.constraint = m.group(1);
        facts.schema = m.group(2);
        facts.table = m.group(3);
        facts.columns.addAll(indexColumns(m.group(4)));
        facts.referencedTable = m.group(6);
        facts.referencedColumns.addAll(indexColumns(m.group(7)));
        putValues(facts, facts.columns, SqlText.splitList(m.group(8)));
    }

    private static void readTooLong(String message, ErrorFacts facts) {
        Matcher m = atQuotedPart(TOO_LONG, message);
        if (m.lookingAt()) {
            facts.columns.add(m.group(1));
            facts.columnType = m.group(2);
            facts.messageValues.put(m.group(1), m.group(3));
        }
    }

    private static void readOutOfRange(String message, ErrorFacts facts) {
        Matcher m = atQuotedPart(OUT_OF_RANGE, message);
        if (m.lookingAt() && m.group(2) != null) {
            facts.columns.add(m.group(2));
            facts.messageValues.put(m.group(2), m.group(1));
        }
    }

    /**
     * A matcher to be tried once ({@code lookingAt}), at the message's first double quote: the quoted part every H2
     * message leads with. Tried at every position instead, hostile text could cost quadratic time.
     */
    private static Matcher atQuotedPart(Pattern pattern, String message) {
        int quote = message.indexOf('"');
        return pattern.matcher(message).region(quote < 0 ? message.length() : quote, message.length());
    }

    private static void putValues(ErrorFacts facts, List<String> columns, List<String> values) {
        if (values.size() == columns.size()) {
            for (int i = 0; i < columns.size(); i++) {
                facts.messageValues.put(columns.get(i), values.get(i));
            }
        }
    }

    /** "EMAIL NULLS FIRST, USER_ID DESC" to [EMAIL, USER_ID]. */
    private static List<String> indexColumns(String list) {
        List<String> columns = new ArrayList<>();
        for (String part : list.split(",")) {
            String name = part.trim();
            int space = name.indexOf(' ');
            if (space > 0) {
                name = name.substring(0, space);
            }
            if (!name.isEmpty()) {
                columns.add(name);
            }
        }
        return columns;
    }

    @Override
    public ConstraintInfo describeConstraint(Connection connection, String schema, String constraint)
            throws SQLException {
        try (PreparedStatement query = Dialect.prepareLookup(connection, DESCRIBE_CONSTRAINT)) {
            query.setString(1, constraint);
            query.setString(2, schema);
            query.setString(3, schema);
            try (ResultSet rows = query.executeQuery()) {
                String tableSchema = null;
                String table = null;
                List<String> columns = new ArrayList<>();
                while (rows.next()) {
                    if (table != null && !table.equals(rows.getString(2))) {
                        return null; // the same name in two schemas: do not guess
                    }
                    tableSchema = rows.getString(1);
                    table = rows.getString(2);
                    if (rows.getString(3) != null) {
                        columns.add(rows.getString(3));
                    }
                }
                return table == null ? null : new ConstraintInfo(tableSchema, table, columns);
            }
        }
    }

    @Override
    public String storedName(String identifier, boolean quoted) {
        return quoted ? identifier : identifier.toUpperCase(Locale.ROOT);
    }
}
