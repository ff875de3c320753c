package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.diagnose.ErrorFacts.Span;
import io.github.integrityjdbc.diagnose.SqlShape.ColumnValue;
import io.github.integrityjdbc.diagnose.SqlText.Token;
import io.github.integrityjdbc.report.ValueRenderer;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text masked by token position: the literals that give a masked column its value, found by the SQL reader, are
 * replaced by {@code ****}. Never by searching for a value's text.
 */
final class MaskedSql {

    private static final String MASK = ValueRenderer.MASK;

    private final IntegrityConfig config;

    MaskedSql(IntegrityConfig config) {
        this.config = config;
    }

    /**
     * SQL text with the literals that give a masked column its value replaced by {@code ****}: the literals of the
     * column's value expression, in every row of a multi-row INSERT and in {@code column = literal} tests. Where a
     * masked column is named in a way the SQL reader does not follow ({@code password LIKE 'x%'}, INSERT … SELECT),
     * every literal of the statement is masked.
     *
     * @param tableColumns the statement's table's columns in order, for an INSERT without a column list
     */
    String mask(String sql, List<String> tableColumns) {
        if (sql == null || !config.masks()) {
            return sql;
        }
        List<Token> tokens = SqlText.tokenize(sql);
        List<ColumnValue> masked = maskedValues(SqlShape.of(sql), tableColumns, tokens);
        if (masked.isEmpty()) {
            return sql;
        }
        boolean all = masked.contains(null);
        List<Span> literals = new ArrayList<>();
        for (Token t : tokens) {
            if ((t.type() == SqlText.Type.STRING || t.type() == SqlText.Type.NUMBER)
                    && (all || within(t, masked))) {
                literals.add(valueOf(sql, t.start(), t.end()));
            }
        }
        return replace(sql, literals);
    }

    /**
     * Where the value stands in an SQL literal at text[start, end): inside the quotes of a string ('x', N'x', E'x',
     * $$x$$), so that masking keeps the SQL's shape; the whole of anything else (a number, H2's {@code U&'\00c0'}).
     */
    static Span valueOf(String text, int start, int end) {
        String literal = text.substring(start, end);
        int quote = literal.indexOf('\'');
        if (quote >= 0 && quote <= 1 && literal.length() >= quote + 2 && literal.endsWith("'")) {
            return new Span(start + quote + 1, end - 1);
        }
        if (literal.startsWith("$")) {
            int tagEnd = literal.indexOf('$', 1) + 1;
            if (tagEnd > 0 && literal.length() >= 2 * tagEnd && literal.endsWith(literal.substring(0, tagEnd))) {
                return new Span(start + tagEnd, end - tagEnd);
            }
        }
        return new Span(start, end);
    }

    private static boolean within(Token t, List<ColumnValue> values) {
        for (ColumnValue cv : values) {
            if (cv != null && t.start() >= cv.from() && t.end() <= cv.to()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The values of masked columns in the SQL, each with where it stands; a null element when a masked column is
     * named where no value can be placed, or a value's column cannot be told.
     */
    List<ColumnValue> maskedValues(SqlShape shape, List<String> tableColumns, List<Token> tokens) {
        List<ColumnValue> masked = new ArrayList<>();
        List<ColumnValue> placed = new ArrayList<>(shape.assignments());
        int width = shape.assignments().size();
        for (int i = 0; i < shape.otherRows().size(); i++) {
            placed.add(shape.otherRows().get(i));
        }
        placed.addAll(shape.conditions());
        int rowValue = 0;
        for (ColumnValue cv : placed) {
            String column = cv.column();
            if (column == null && shape.positionalInsert() && rowValue < width + shape.otherRows().size()) {
                int ordinal = width == 0 ? -1 : rowValue % width;
                column = ordinal >= 0 && ordinal < tableColumns.size() ? tableColumns.get(ordinal) : null;
                rowValue++;
                if (column == null) {
                    masked.add(null); // a value whose column the schema did not tell
                    continue;
                }
            }
            if (config.isMasked(column) && cv.from() >= 0) {
                masked.add(cv);
            }
        }
        for (Token t : tokens) {
            if (t.isName() && config.isMasked(t.name()) && !placedColumn(t, placed) && !t.name().equals(shape.table())
                    && !t.name().equals(shape.schema())) {
                masked.add(null); // named where the reader does not follow it
                break;
            }
        }
        return masked;
    }

    /** True when the name token {@code t} is a column whose values the reader placed. */
    private static boolean placedColumn(Token t, List<ColumnValue> placed) {
        for (ColumnValue cv : placed) {
            if (cv.column() != null && cv.column().equalsIgnoreCase(t.name())) {
                return true;
            }
        }
        return false;
    }

    /** Text with each span replaced by {@code ****}; spans in order, not overlapping. */
    private static String replace(String text, List<Span> spans) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (Span span : spans) {
            out.append(text, at, span.start()).append(MASK);
            at = span.end();
        }
        return out.append(text, at, text.length()).toString();
    }
}
