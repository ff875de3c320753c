package io.github.integrityjdbc.diagnose;

import java.util.ArrayList;
import java.util.List;

/**
 * A forgiving SQL tokenizer: quotes, quoted names, comments, dollar quotes and JDBC {@code ?} parameters. It never
 * throws on odd text (unterminated quotes run to the end) and runs in time linear in the text.
 */
final class SqlText {

    enum Type { WORD, QUOTED_NAME, STRING, NUMBER, PARAM, SYMBOL }

    /**
     * One token: where it stands in the SQL, without a copy of its text until {@link #text()} is asked for.
     * {@code parameter} is the 1-based JDBC parameter index of a {@code ?}, 0 for other tokens.
     */
    record Token(Type type, String sql, int start, int end, int parameter) {

        String text() {
            return sql.substring(start, end);
        }

        boolean isWord(String word) {
            return type == Type.WORD && end - start == word.length() && sql.regionMatches(true, start, word, 0,
                    word.length());
        }

        boolean isSymbol(char c) {
            return type == Type.SYMBOL && end - start == 1 && sql.charAt(start) == c;
        }

        boolean isName() {
            return type == Type.WORD || type == Type.QUOTED_NAME;
        }

        /** A name without its quotes. */
        String name() {
            if (type != Type.QUOTED_NAME) {
                return text();
            }
            char open = sql.charAt(start);
            char close = open == '[' ? ']' : open;
            boolean closed = end - start > 1 && sql.charAt(end - 1) == close;
            String inner = sql.substring(start + 1, closed ? end - 1 : end);
            return inner.replace("" + close + close, "" + close);
        }
    }

    private SqlText() {
    }

    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        if (sql == null) {
            return tokens;
        }
        int n = sql.length();
        int i = 0;
        int parameters = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
                continue;
            }
            if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                continue;
            }
            Type type;
            if (c == '\'') {
                i = endOfQuoted(sql, i, '\'');
                type = Type.STRING;
            } else if (c == '"' || c == '`') {
                i = endOfQuoted(sql, i, c);
                type = Type.QUOTED_NAME;
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                i = close < 0 ? n : close + tag.length();
                type = Type.STRING;
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                i = endOfNumber(sql, i);
                type = Type.NUMBER;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$' || sql.charAt(i) == '#')) {
                    i++;
                }
                if (i < n && sql.charAt(i) == '\'' && i - start == 1 && "NnXxEeBbUu".indexOf(c) >= 0) {
                    i = endOfQuoted(sql, i, '\''); // N'...', X'...', E'...'
                    type = Type.STRING;
                } else {
                    type = Type.WORD;
                }
            } else if (c == '?') {
                if (i + 1 < n && sql.charAt(i + 1) == '?') {
                    i += 2; // escaped question mark (PostgreSQL JSON operators)
                    type = Type.SYMBOL;
                } else {
                    i++;
                    tokens.add(new Token(Type.PARAM, sql, start, i, ++parameters));
                    continue;
                }
            } else {
                i++;
                type = Type.SYMBOL;
            }
            tokens.add(new Token(type, sql, start, i, 0));
        }
        return tokens;
    }

    private static int endOfQuoted(String sql, int open, char quote) {
        int i = open + 1;
        int n = sql.length();
        while (i < n) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    private static int dollarTagEnd(String sql, int i) {
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            if (j == i + 1 && Character.isDigit(sql.charAt(j))) {
                return -1; // $1 is a positional parameter, not a tag
            }
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
    }

    private static int endOfNumber(String sql, int i) {
        int n = sql.length();
        while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
            i++;
        }
        if (i < n && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
                j++;
            }
            if (j < n && Character.isDigit(sql.charAt(j))) {
                i = j;
                while (i < n && Character.isDigit(sql.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    /** A value as an error message shows it, written as values are shown everywhere: numbers bare, text quoted. */
    static String literal(String raw) {
        return raw.matches("-?\\d+(\\.\\d+)?") ? raw : "'" + raw.replace("'", "''") + "'";
    }

    /** Splits a comma-separated list of SQL values at its top level, returning each element's text. */
    static List<String> splitList(String list) {
        List<String> elements = new ArrayList<>();
        for (int[] span : splitSpans(list, 0, list.length())) {
            elements.add(list.substring(span[0], span[1]));
        }
        return elements;
    }

    /**
     * Where the elements of the comma-separated list of SQL values in {@code text[from, to)} stand: one {start, end}
     * pair per element, offsets into {@code text}, each trimmed of white space (an empty element is an empty span).
     */
    static List<int[]> splitSpans(String text, int from, int to) {
        List<int[]> spans = new ArrayList<>();
        String list = text.substring(from, to);
        int depth = 0;
        int start = -1;
        int end = -1;
        for (Token t : tokenize(list)) {
            if (t.isSymbol(',') && depth == 0) {
                spans.add(start < 0 ? new int[] {from + t.start(), from + t.start()}
                        : new int[] {from + start, from + end});
                start = -1;
                continue;
            }
            if (t.isSymbol('(')) {
                depth++;
            } else if (t.isSymbol(')')) {
                depth--;
            }
            if (start < 0) {
                start = t.start();
            }
            end = t.end();
        }
        if (start >= 0) {
            spans.add(new int[] {from + start, from + end});
        }
        return spans;
    }
}
