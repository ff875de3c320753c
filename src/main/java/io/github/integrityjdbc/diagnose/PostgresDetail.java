package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads PostgreSQL's detail line by its structure, never by its words, which the server translates
 * ({@code lc_messages}): {@code Key (a, b)=(1, x) already exists.} and {@code Schlüssel »(a, b)=(1, x)« existiert
 * bereits.} are the same key {@code (columns)=(values)}, found by its {@code )=(} separator; an exclusion
 * constraint's detail has a second key, the existing row's; a NOT NULL or CHECK detail lists the failing row
 * {@code (v1, v2, …)}, its only parenthesised list. The words around them (in every translation PostgreSQL ships) hold
 * no parenthesis and show no value. Which side of a foreign key the key is, the child's or the parent's, only the
 * schema tells ({@link ForeignKeySide}).
 */
final class PostgresDetail {

    private static final String SEPARATOR = ")=(";

    private PostgresDetail() {
    }

    /**
     * Reads {@code detail}, which stands in the message at {@code at} (-1 when the message does not show it): the
     * key's columns and values, and where the message shows values. What cannot be read is opaque.
     */
    static void read(String detail, int at, ErrorReading facts) {
        ViolationKind kind = facts.kind;
        if (kind == ViolationKind.NOT_NULL || kind == ViolationKind.CHECK) {
            failingRow(detail, at, facts);
        } else if (kind == ViolationKind.UNIQUE || kind == ViolationKind.FOREIGN_KEY
                || kind == ViolationKind.EXCLUSION) {
            key(detail, at, kind == ViolationKind.EXCLUSION, facts);
        } else {
            opaque(at, 0, detail.length(), facts);
        }
    }

    /** The failing row: every value between the first opening and the last closing parenthesis. */
    private static void failingRow(String detail, int at, ErrorReading facts) {
        int open = detail.indexOf('(');
        int close = detail.lastIndexOf(')');
        if (open < 0 || close < open) {
            opaque(at, 0, detail.length(), facts);
            return;
        }
        if (at >= 0) {
            List<int[]> spans = valueSpans(detail, open + 1, close);
            for (int i = 0; i < spans.size(); i++) {
                facts.shownInRow(i, spans.size(), at + spans.get(i)[0], at + spans.get(i)[1]);
            }
        }
    }

    /** {@code (columns)=(values)}, and for an exclusion constraint the existing row's {@code (columns)=(values)}. */
    private static void key(String detail, int at, boolean exclusion, ErrorReading facts) {
        int separator = detail.indexOf(SEPARATOR);
        int open = separator < 0 ? -1 : openingParenthesis(detail, separator);
        if (open < 0) {
            opaque(at, 0, detail.length(), facts);
            return;
        }
        String columnList = detail.substring(open + 1, separator);
        List<String> columns = names(columnList);
        facts.columns.addAll(columns);
        int from = separator + SEPARATOR.length();
        int last = detail.lastIndexOf(')');
        if (last < from) {
            opaque(at, from, detail.length(), facts);
            return;
        }
        if (!exclusion) {
            showValues(columns, detail, from, last, at, facts);
            return;
        }
        String otherKey = "(" + columnList + SEPARATOR;
        int other = detail.indexOf(otherKey, from);
        int end = other < 0 ? -1 : detail.lastIndexOf(')', other - 1);
        if (other < 0 || detail.indexOf(otherKey, other + 1) >= 0 || end < from) {
            // where the statement's values end and the existing row's begin cannot be told: the key's values
            if (at >= 0) {
                facts.shownOfColumns(at + from, at + last);
            }
            return;
        }
        showValues(columns, detail, from, end, at, facts);
        int otherFrom = other + otherKey.length();
        if (at >= 0) {
            List<int[]> values = valueSpans(detail, otherFrom, last);
            if (values.size() != columns.size()) {
                facts.shownOfColumns(at + otherFrom, at + last);
                return;
            }
            for (int i = 0; i < columns.size(); i++) {
                facts.shownOther(columns.get(i), at + values.get(i)[0], at + values.get(i)[1]);
            }
        }
    }

    /**
     * The values at detail[from, to), each of its column where they are as many as the columns; otherwise (a value
     * with a comma) all of them together, none attributed.
     */
    private static void showValues(List<String> columns, String detail, int from, int to, int at,
                                   ErrorReading facts) {
        List<int[]> values = valueSpans(detail, from, to);
        if (values.size() != columns.size()) {
            if (at >= 0) {
                facts.shownOfColumns(at + from, at + to);
            }
            return;
        }
        for (int i = 0; i < columns.size(); i++) {
            String value = detail.substring(values.get(i)[0], values.get(i)[1]);
            String literal = value.equals("null") ? "NULL" : SqlText.literal(value);
            if (at >= 0) {
                facts.shown(columns.get(i), literal, at + values.get(i)[0], at + values.get(i)[1]);
            } else {
                facts.messageValues.put(columns.get(i), literal);
            }
        }
    }

    /**
     * The parenthesis that opens the column list ending at {@code close}: columns may be expressions with
     * parentheses ({@code lower(email)}) or quoted names.
     */
    private static int openingParenthesis(String text, int close) {
        int depth = 0;
        boolean quoted = false;
        for (int i = close - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ')') {
                depth++;
            } else if (!quoted && c == '(') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** The names of a column list {@code a, "B c", lower(d)}: quoted names unquoted, expressions as written. */
    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (c == ',' && (i == list.length() || !quoted && depth == 0)) {
                names.add(unquoted(list.substring(start, i).trim()));
                start = i + 1;
            }
        }
        return names;
    }

    private static String unquoted(String name) {
        if (name.length() >= 2 && name.charAt(0) == '"' && name.endsWith("\"")) {
            String inner = name.substring(1, name.length() - 1);
            if (!inner.replace("\"\"", "").contains("\"")) {
                return inner.replace("\"\"", "\"");
            }
        }
        return name;
    }

    /**
     * Where the values of "1, a@x.io" in text[from, to) stand, split at the commas that separate values (a value with
     * a comma makes the split ambiguous: the count then differs from the columns').
     */
    static List<int[]> valueSpans(String text, int from, int to) {
        List<int[]> values = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : ',';
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && (depth == 0 || i == to)) {
                int s = start;
                while (s < i && text.charAt(s) == ' ') {
                    s++;
                }
                values.add(new int[] {s, i});
                start = i + 1;
            }
        }
        return values;
    }

    private static void opaque(int at, int from, int to, ErrorReading facts) {
        if (at >= 0 && to > from) {
            facts.opaque(at + from, at + to);
        }
    }
}
