package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.diagnose.ErrorFacts.MessageSpans;
import io.github.integrityjdbc.diagnose.ErrorFacts.ShownValue;
import io.github.integrityjdbc.diagnose.ErrorFacts.Span;
import io.github.integrityjdbc.diagnose.SqlShape.ColumnValue;
import io.github.integrityjdbc.diagnose.SqlText.Token;
import io.github.integrityjdbc.report.ValueRenderer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Masking by position, never by substring: a bound value by its parameter index, an SQL literal by the token that
 * gives a masked column its value, and the database's own message by the places its dialect read values from. What
 * cannot be placed where a masked column's value could stand is cut. Nothing else changes.
 */
final class Masking {

    private static final String MASK = ValueRenderer.MASK;

    private final IntegrityConfig config;
    private final FailedStatement statement;
    private String statementSql;

    /** Masking for one explanation, of {@code statement}'s SQL and values among the rest. */
    Masking(IntegrityConfig config, FailedStatement statement) {
        this.config = config;
        this.statement = statement;
    }

    /** True when some column may be masked at all. */
    boolean active() {
        return config.masks();
    }

    boolean masked(String column) {
        return config.isMasked(column);
    }

    /**
     * Whether the statement's SQL can give a masked column a value at all: it names one, or it is an INSERT without a
     * column list whose table's columns include one or are unknown. Names are read from the SQL's tokens, so a text in
     * which no masked fragment occurs names none: the statement is then not read again.
     */
    private boolean statementMayMask() {
        return active() && statement.sql() != null && (config.mentionsMasked(statement.sql())
                || statement.shape().positionalInsert()
                && (statement.tableColumns().isEmpty() || anyMasked(statement.tableColumns())));
    }

    /** Which of the statement's parameters (index 0 being parameter 1) give a masked column its value. */
    boolean[] maskedParameters() {
        boolean[] masked = new boolean[statement.values().length];
        if (!statementMayMask()) {
            return masked;
        }
        List<Token> tokens = SqlText.tokenize(statement.sql());
        boolean all = false;
        for (ColumnValue cv : maskedValues(statement.sql(), statement.shape(), statement.tableColumns(), tokens)) {
            if (cv == null) {
                all = true;
            } else if (cv.parameter() > 0) {
                mark(masked, cv.parameter());
            } else {
                for (Token t : tokens) {
                    if (t.type() == SqlText.Type.PARAM && t.start() >= cv.from() && t.end() <= cv.to()) {
                        mark(masked, t.parameter());
                    }
                }
            }
        }
        if (all) {
            java.util.Arrays.fill(masked, true);
        }
        return masked;
    }

    private static void mark(boolean[] masked, int parameter) {
        if (parameter > 0 && parameter <= masked.length) {
            masked[parameter - 1] = true;
        }
    }

    /** The statement's SQL, masked as {@link #sql(String, List)} says; read once. */
    String statementSql() {
        if (statementSql == null && statement.sql() != null) {
            statementSql = statementMayMask() ? sql(statement.sql(), statement.tableColumns()) : statement.sql();
        }
        return statementSql;
    }

    /**
     * SQL text with the literals that give a masked column its value replaced by {@code ****}: the literals of the
     * column's value expression, in every row of a multi-row INSERT and in {@code column = literal} tests. Where a
     * masked column is named in a way the SQL reader does not follow ({@code password LIKE 'x%'}, INSERT … SELECT),
     * every literal of the statement is masked.
     *
     * @param tableColumns the statement's table's columns in order, for an INSERT without a column list
     */
    String sql(String sql, List<String> tableColumns) {
        if (sql == null || !active()) {
            return sql;
        }
        List<Token> tokens = SqlText.tokenize(sql);
        List<ColumnValue> masked = maskedValues(sql, SqlShape.of(sql), tableColumns, tokens);
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
    private List<ColumnValue> maskedValues(String sql, SqlShape shape, List<String> tableColumns,
                                           List<Token> tokens) {
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
            if (masked(column) && cv.from() >= 0) {
                masked.add(cv);
            }
        }
        for (Token t : tokens) {
            if (t.isName() && masked(t.name()) && !placedColumn(t, placed) && !t.name().equals(shape.table())
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

    /**
     * The database's message with every value of a masked column replaced by {@code ****}: values the dialect placed
     * by column, values of a listed row placed by the table's columns, quoted SQL masked as SQL. Where a masked column
     * could be among what cannot be placed, that part is cut (replaced by {@code ****}) rather than guessed.
     */
    String message(String message, MessageSpans places, Attribution attribution) {
        if (message == null || !active()) {
            return message;
        }
        Boolean exposed = null; // asked only where something cannot be placed
        List<Span> cuts = new ArrayList<>();
        for (ShownValue value : places.shown()) {
            Boolean masked = masked(value, attribution);
            if (masked == null) {
                exposed = exposed != null ? exposed : couldShowMasked(attribution);
                masked = exposed;
            }
            if (masked) {
                cuts.add(new Span(value.start(), value.end()));
            }
        }
        if (!places.opaque().isEmpty() && (exposed != null ? exposed : couldShowMasked(attribution))) {
            cuts.addAll(places.opaque());
        }
        if (cuts.isEmpty() && (places.sql().isEmpty() || quotesOnlyTheStatementUnmasked(message, places))) {
            return message; // nothing to replace
        }
        List<Span> all = new ArrayList<>(cuts);
        all.addAll(places.sql());
        all.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        StringBuilder out = new StringBuilder(message.length());
        int at = 0;
        for (Span span : all) {
            if (span.start() < at || span.end() > message.length()) {
                continue; // inside a part already replaced
            }
            out.append(message, at, span.start());
            if (places.sql().contains(span) && !cuts.contains(span)) {
                String quoted = message.substring(span.start(), span.end());
                out.append(quoted.equals(statement.sql()) ? statementSql() : sql(quoted, statement.tableColumns()));
            } else {
                out.append(MASK);
            }
            at = span.end();
        }
        return out.append(message, at, message.length()).toString();
    }

    /**
     * The masked form of {@code part}, a text the message also shows at some place (a structured field of the
     * driver's exception, such as pgjdbc's detail): masked there as in the message. Where it is not in the message,
     * it cannot be placed: cut when a masked column could be in it.
     */
    String messagePart(String part, String message, MessageSpans places, Attribution attribution) {
        if (part == null || part.isEmpty() || !active()) {
            return part;
        }
        int from = message == null ? -1 : message.indexOf(part);
        if (from < 0) {
            return couldShowMasked(attribution) ? MASK : part;
        }
        int to = from + part.length();
        List<ShownValue> shown = new ArrayList<>();
        for (ShownValue v : places.shown()) {
            if (v.start() >= from && v.end() <= to) {
                shown.add(new ShownValue(v.column(), v.ordinal(), v.width(), v.start() - from, v.end() - from));
            }
        }
        return message(part, new MessageSpans(shown, clip(places.sql(), from, to), clip(places.opaque(), from, to)),
                attribution);
    }

    /** True when every SQL the message quotes is the statement's, and masking leaves that unchanged. */
    private boolean quotesOnlyTheStatementUnmasked(String message, MessageSpans places) {
        for (Span span : places.sql()) {
            if (statement.sql() == null || !message.regionMatches(span.start(), statement.sql(), 0, span.end() - span.start())
                    || span.end() - span.start() != statement.sql().length() || !statementSql().equals(statement.sql())) {
                return false;
            }
        }
        return true;
    }

    /** The spans that overlap [from, to), clipped to it and moved to start at 0. */
    private static List<Span> clip(List<Span> spans, int from, int to) {
        List<Span> clipped = new ArrayList<>();
        for (Span s : spans) {
            if (s.end() > from && s.start() < to) {
                clipped.add(new Span(Math.max(s.start(), from) - from, Math.min(s.end(), to) - from));
            }
        }
        return clipped;
    }

    /** Whether a value the message shows is of a masked column; null when its column cannot be told. */
    private Boolean masked(ShownValue value, Attribution attribution) {
        if (value.column() != null) {
            return masked(value.column());
        }
        List<String> table = attribution.tableColumns();
        if (value.ordinal() >= 0) {
            return table.size() == value.width() ? masked(table.get(value.ordinal())) : null;
        }
        ErrorFacts facts = attribution.facts();
        if (facts.columns().isEmpty() && facts.referencedColumns().isEmpty()) {
            return null;
        }
        return anyMasked(facts.columns()) || anyMasked(facts.referencedColumns());
    }

    /**
     * Whether a masked column's value could stand in the message: the constraint's columns include one; the statement
     * could name one (a masked fragment occurs in its text); or the violation's table has one (another row's values may
     * be shown), or its columns could not be read.
     */
    private boolean couldShowMasked(Attribution attribution) {
        ErrorFacts facts = attribution.facts();
        return anyMasked(facts.columns()) || anyMasked(facts.referencedColumns())
                || statement.sql() != null && config.mentionsMasked(statement.sql())
                || anyMasked(attribution.tableColumns())
                || facts.table() != null && attribution.tableColumns().isEmpty();
    }

    private boolean anyMasked(List<String> columns) {
        for (String column : columns) {
            if (masked(column)) {
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
