package io.github.integrityjdbc.report;

import io.github.integrityjdbc.capture.SizedStream;
import io.github.integrityjdbc.capture.StatementCapture;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLXML;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.UUID;

/**
 * The only place values become text: a bound value rendered for a person to read, on one line (strings quoted, binary
 * values, streams and LOBs described by type and length, never read, long text cut, control characters made
 * visible); a bound value as the database writes it in its messages, to compare with what a message shows; and an
 * SQL literal read back as a value. What must be masked is decided elsewhere, by position, and shows as {@link #MASK}.
 */
public final class ValueRenderer {

    /** What a value of a masked column shows as, everywhere. */
    public static final String MASK = "****";

    private ValueRenderer() {
    }

    /**
     * @param value a bound value as captured (may be null, {@link StatementCapture#NULL} or a {@link SizedStream})
     * @param maxLength the number of characters kept of a long value
     */
    public static String render(Object value, int maxLength) {
        if (value == null || value == StatementCapture.NULL) {
            return "NULL";
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
            return quote(value.toString(), maxLength);
        }
        if (value instanceof BigDecimal) {
            return cut(((BigDecimal) value).toPlainString(), maxLength);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return cut(value.toString(), maxLength);
        }
        if (value instanceof byte[]) {
            return "<binary, " + ((byte[]) value).length + " bytes>";
        }
        if (value instanceof SizedStream) {
            SizedStream sized = (SizedStream) value;
            boolean chars = sized.stream() instanceof Reader;
            return "<" + (chars ? "character stream, " : "binary stream, ") + sized.length()
                    + (chars ? " characters>" : " bytes>");
        }
        String described = describe(value);
        if (described != null) {
            return described;
        }
        if (value instanceof Date || value instanceof TemporalAccessor) {
            return quote(value.toString(), maxLength);
        }
        try {
            return cut(escape(String.valueOf(value)), maxLength);
        } catch (RuntimeException e) {
            return "<" + value.getClass().getName() + ">";
        }
    }

    /** Types shown by kind only: reading them could block, consume a stream or cost a round trip. */
    private static String describe(Object value) {
        if (value instanceof InputStream) {
            return "<binary stream>";
        }
        if (value instanceof Reader) {
            return "<character stream>";
        }
        if (value instanceof NClob) {
            return "<NCLOB>";
        }
        if (value instanceof Clob) {
            return "<CLOB>";
        }
        if (value instanceof Blob) {
            return "<BLOB>";
        }
        if (value instanceof SQLXML) {
            return "<SQLXML>";
        }
        if (value instanceof Array) {
            return "<ARRAY>";
        }
        if (value instanceof Ref) {
            return "<REF>";
        }
        if (value instanceof RowId) {
            return "<ROWID>";
        }
        return null;
    }

    private static String quote(String text, int maxLength) {
        if (text.length() > maxLength) {
            return "'" + escape(text.substring(0, maxLength)) + "…' (" + text.length() + " characters)";
        }
        return "'" + escape(text) + "'";
    }

    /**
     * A value as SQL text already shows it (a literal of the statement, a value in the database's message): cut at
     * {@code maxLength} and escaped, not quoted again.
     */
    public static String renderLiteral(String sqlText, int maxLength) {
        return escape(cut(sqlText, maxLength));
    }

    private static String cut(String text, int maxLength) {
        return text.length() > maxLength ? text.substring(0, maxLength) + "… (" + text.length() + " characters)"
                : text;
    }

    /** Newlines, tabs and other control characters made visible, so that one value cannot forge a log line. */
    public static String escape(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                switch (c) {
                    case '\n':
                        out.append("\\n");
                        break;
                    case '\r':
                        out.append("\\r");
                        break;
                    case '\t':
                        out.append("\\t");
                        break;
                    default:
                        out.append(String.format("\\u%04x", (int) c));
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * A bound value as a database's message writes it, to compare with a value the message shows: text as is,
     * numbers in plain notation, booleans; null for values that no message shows as text (binary, streams, LOBs).
     */
    public static String databaseText(Object value) {
        if (value instanceof CharSequence || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        return value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }

    /** An SQL string literal's text without its quotes ('' read as '); anything else as it is. */
    public static String unquote(String literal) {
        if (literal != null && literal.length() >= 2 && literal.startsWith("'") && literal.endsWith("'")) {
            return literal.substring(1, literal.length() - 1).replace("''", "'");
        }
        return literal;
    }

    /** A literal of the SQL text as a value: a string without its quotes, a number, or null. */
    public static Object literalValue(String literal) {
        if (literal == null) {
            return null;
        }
        if (literal.startsWith("'")) {
            return unquote(literal);
        }
        try {
            return new BigDecimal(literal);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
