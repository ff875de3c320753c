package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.diagnose.ErrorFacts.Span;

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
 * The patterns anchor on that quoted part, not on the English words around it. Values are SQL literals there: their
 * places are recorded inside the quotes. H2 reports a numeric overflow as
 * 22004, and a CHECK message names only the constraint: its table and columns come from INFORMATION_SCHEMA.
 */
final class H2Dialect implements Dialect {

    private static final String NAME = "(\\w+)";
    private static final String QUALIFIED = "(?:(\\w+)\\.)?(\\w+)";

    private static final Pattern FOREIGN_KEY = Pattern.compile(
            "\"" + NAME + ": " + QUALIFIED + " FOREIGN KEY\\(([^)]*)\\) REFERENCES " + QUALIFIED
                    + "\\(([^)]*)\\) \\(((?s:.*?))\\)\"(?=; SQL statement:| \\[\\d|$)");
    /** Where H2 quotes the statement: {@code ; SQL statement:↵INSERT … [23505-252]}. */
    private static final String SQL_STATEMENT = "; SQL statement:\n";
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
    public void read(SQLException violation, ErrorReading facts) {
        String message = violation.getMessage();
        if (message == null) {
            return;
        }
        String state = violation.getSQLState() == null ? "" : violation.getSQLState();
        if (!readStatementPart(message, facts)) {
            return; // a message of another shape: it stays opaque
        }
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
                    facts.recognised(); // names only
                }
                break;
            case "23513":
                Matcher constraint = atQuotedPart(FIRST_QUOTED_NAME, message);
                if (constraint.lookingAt()) {
                    facts.constraint = constraint.group(1);
                    facts.recognised(); // the constraint's name and its expression, no row values
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

    private static void readUnique(String message, ErrorReading facts) {
        UniqueHead head = UniqueHead.read(message);
        if (head == null) {
            return;
        }
        facts.constraint = head.constraint;
        // A single-column key says PRIMARY KEY; a composite one names its index, which H2 calls PRIMARY_KEY_<n>.
        boolean primaryKey = head.primaryKey || head.index != null && head.index.startsWith("PRIMARY_KEY_");
        facts.kind = primaryKey ? ViolationKind.PRIMARY_KEY : ViolationKind.UNIQUE;
        facts.schema = head.schema;
        facts.table = head.table;
        facts.columns.addAll(indexColumns(head.columns));
        // A single-column primary key message lists the whole existing row; an index message lists the key values.
        if (head.primaryKey) {
            int[] row = listAfter(message, head.end - 1, ") ( /*");
            if (row != null) {
                List<int[]> spans = SqlText.splitSpans(message, row[0], row[1]);
                for (int i = 0; i < spans.size(); i++) {
                    Span value = MaskedSql.valueOf(message, spans.get(i)[0], spans.get(i)[1]);
                    facts.shownInRow(i, spans.size(), value.start(), value.end());
                }
                facts.recognised();
            }
            return;
        }
        int[] values = listAfter(message, head.end - 1, ") VALUES ( /*");
        if (values != null) {
            putValues(message, facts, values[0], values[1] > values[0] && message.charAt(values[1] - 1) == ' '
                    ? values[1] - 1 : values[1]);
            facts.recognised();
        }
    }

    /**
     * The quoted part a unique or primary key message leads with, {@code "[schema.]constraint[ PRIMARY KEY| INDEX
     * [schema.]index] ON [schema.]table(columns)}, read at the message's first double quote: what the regular
     * expression {@code "(?:(\w+)\.)?(\w+)( PRIMARY KEY| INDEX (?:\w+\.)?(\w+))? ON (?:(\w+)\.)?(\w+)\(([^)]*)\)}
     * matches there (names of {@code [A-Za-z0-9_]}), scanned once by hand: every unique violation on H2 reads it.
     */
    static final class UniqueHead {
        String constraint;
        boolean primaryKey;
        /** The index a composite key's message names, or null. */
        String index;
        /** The table's schema, or null. */
        String schema;
        String table;
        String columns;
        /** Just after the closing parenthesis of the columns. */
        int end;

        /** The head of {@code message}, or null when it does not read so. */
        static UniqueHead read(String message) {
            int quote = message.indexOf('"');
            if (quote < 0) {
                return null;
            }
            UniqueHead head = new UniqueHead();
            int at = head.qualified(message, quote + 1, 0);
            if (at < 0) {
                return null;
            }
            if (message.startsWith(" PRIMARY KEY", at)) {
                head.primaryKey = true;
                at += " PRIMARY KEY".length();
            } else if (message.startsWith(" INDEX ", at)) {
                at = head.qualified(message, at + " INDEX ".length(), 1);
                if (at < 0) {
                    return null;
                }
            }
            if (!message.startsWith(" ON ", at)) {
                return null;
            }
            at = head.qualified(message, at + " ON ".length(), 2);
            if (at < 0 || at == message.length() || message.charAt(at) != '(') {
                return null;
            }
            int close = message.indexOf(')', at + 1);
            if (close < 0) {
                return null;
            }
            head.columns = message.substring(at + 1, close);
            head.end = close + 1;
            return head;
        }

        /**
         * Reads {@code [qualifier.]name} at {@code at} into the constraint (0), the index (1) or the table (2);
         * returns where it ends, or -1. A name followed by a dot and no name (or a second dot) does not read: the
         * regular expression could not go on there either.
         */
        private int qualified(String message, int at, int which) {
            int first = wordEnd(message, at);
            if (first < 0) {
                return -1;
            }
            String qualifier = null;
            int nameStart = at;
            int end = first;
            if (first < message.length() && message.charAt(first) == '.') {
                end = wordEnd(message, first + 1);
                if (end < 0) {
                    return -1;
                }
                qualifier = message.substring(at, first);
                nameStart = first + 1;
            }
            String name = message.substring(nameStart, end);
            switch (which) {
                case 0:
                    constraint = name; // H2 qualifies it with the table's schema, which the table gives too
                    break;
                case 1:
                    index = name;
                    break;
                default:
                    schema = qualifier;
                    table = name;
                    break;
            }
            return end;
        }

        /** The end of the run of {@code [A-Za-z0-9_]} at {@code at}, or -1 when there is none. */
        private static int wordEnd(String text, int at) {
            int i = at;
            while (i < text.length() && isWordChar(text.charAt(i))) {
                i++;
            }
            return i > at ? i : -1;
        }

        private static boolean isWordChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }
    }

    /**
     * The values H2 lists after {@code opening} at {@code at} ({@code ) VALUES ( /* 1 * / 'a@example.com' )} for an
     * index, {@code ) ( /* key:1 * / 1, 'a', …)} for a primary key's existing row): {start, end} of the text between
     * the comment and the first {@code )"} that ends the quoted part (followed by {@code ; SQL statement:}, by
     * {@code  [<digit>} or by the message's end; a value may itself contain {@code )"}); null when the message does not
     * read so, or a value holds a line break. Scanned once, in linear time.
     */
    private static int[] listAfter(String message, int at, String opening) {
        if (!message.startsWith(opening, at)) {
            return null;
        }
        int star = message.indexOf('*', at + opening.length());
        if (star < 0 || !message.startsWith("*/ ", star)) {
            return null;
        }
        int start = star + 3;
        for (int close = message.indexOf(")\"", start); close >= 0; close = message.indexOf(")\"", close + 1)) {
            int after = close + 2;
            if (after == message.length() || message.startsWith("; SQL statement:", after)
                    || message.startsWith(" [", after) && after + 2 < message.length()
                    && Character.isDigit(message.charAt(after + 2))) {
                return hasLineBreak(message, start, close) ? null : new int[] {start, close};
            }
        }
        return null;
    }

    private static boolean hasLineBreak(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    private static void readForeignKey(String message, ErrorReading facts) {
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
        putValues(message, facts, m.start(8), m.end(8));
        facts.recognised();
    }

    private static void readTooLong(String message, ErrorReading facts) {
        Matcher m = atQuotedPart(TOO_LONG, message);
        if (m.lookingAt()) {
            facts.columns.add(m.group(1));
            facts.columnType = m.group(2);
            Span value = MaskedSql.valueOf(message, m.start(3), m.end(3));
            facts.shown(m.group(1), m.group(3), value.start(), value.end());
            facts.recognised();
        }
    }

    private static void readOutOfRange(String message, ErrorReading facts) {
        Matcher m = atQuotedPart(OUT_OF_RANGE, message);
        if (!m.lookingAt()) {
            return;
        }
        if (m.group(2) != null) {
            facts.columns.add(m.group(2));
            facts.shown(m.group(2), m.group(1), m.start(1), m.end(1));
        } else {
            facts.shownOfColumns(m.start(1), m.end(1));
        }
        facts.recognised();
    }

    /**
     * The statement H2 appends to every message: recorded as quoted SQL. False for a message without it, which this
     * dialect does not know.
     */
    private static boolean readStatementPart(String message, ErrorReading facts) {
        int marker = message.indexOf(SQL_STATEMENT);
        int bracket = message.lastIndexOf(" [");
        if (marker < 0 || bracket < marker + SQL_STATEMENT.length() || !message.endsWith("]")
                || !isCodeAndVersion(message, bracket + 2, message.length() - 1)) {
            return false;
        }
        facts.quotesSql(marker + SQL_STATEMENT.length(), bracket);
        return true;
    }

    /** {@code 23505-252}: digits, a dash, digits. */
    private static boolean isCodeAndVersion(String text, int from, int to) {
        int dash = text.indexOf('-', from);
        return dash > from && dash < to - 1 && digits(text, from, dash) && digits(text, dash + 1, to);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return from < to;
    }

    /**
     * A matcher to be tried once ({@code lookingAt}), at the message's first double quote: the quoted part every H2
     * message leads with. Tried at every position instead, hostile text could cost quadratic time.
     */
    private static Matcher atQuotedPart(Pattern pattern, String message) {
        int quote = message.indexOf('"');
        return pattern.matcher(message).region(quote < 0 ? message.length() : quote, message.length());
    }

    /** The key values listed in message[from, to), one per key column; all of them the key's when they differ. */
    private static void putValues(String message, ErrorReading facts, int from, int to) {
        List<int[]> spans = SqlText.splitSpans(message, from, to);
        if (spans.size() != facts.columns.size()) {
            facts.shownOfColumns(from, to);
            return;
        }
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            Span value = MaskedSql.valueOf(message, span[0], span[1]);
            facts.shown(facts.columns.get(i), message.substring(span[0], span[1]), value.start(), value.end());
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
