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
 * Masking by position, never by substring, for one explanation: a bound value by its parameter index, an SQL literal
 * by the token that gives a masked column its value ({@link MaskedSql}), and the database's own message by the places
 * its dialect read values from. What cannot be placed where a masked column's value could stand is cut. Nothing else
 * changes.
 */
final class Masking {

    private static final String MASK = ValueRenderer.MASK;

    private final IntegrityConfig config;
    private final MaskedSql sql;
    private final FailedStatement statement;
    private String statementSql;
    /** {@link #statementMentionsMasked()} and {@link #statementMayMask()}, once asked. */
    private Boolean mentionsMasked;
    private Boolean mayMask;

    /** Masking for one explanation, of {@code statement}'s SQL and values among the rest. */
    Masking(IntegrityConfig config, FailedStatement statement) {
        this.config = config;
        this.sql = new MaskedSql(config);
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
        if (mayMask == null) {
            mayMask = active() && statement.sql() != null && (statementMentionsMasked()
                    || statement.shape().positionalInsert()
                    && (statement.tableColumns().isEmpty() || anyMasked(statement.tableColumns())));
        }
        return mayMask;
    }

    /** Whether a masked fragment occurs in the statement's SQL text; read once. */
    private boolean statementMentionsMasked() {
        if (mentionsMasked == null) {
            mentionsMasked = statement.sql() != null && config.mentionsMasked(statement.sql());
        }
        return mentionsMasked;
    }

    /** Which of the statement's parameters (index 0 being parameter 1) give a masked column its value. */
    boolean[] maskedParameters() {
        boolean[] masked = new boolean[statement.values().length];
        if (!statementMayMask()) {
            return masked;
        }
        List<Token> tokens = SqlText.tokenize(statement.sql());
        boolean all = false;
        for (ColumnValue cv : sql.maskedValues(statement.shape(), statement.tableColumns(), tokens)) {
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

    /** The statement's SQL, masked as {@link MaskedSql#mask} says; read once. */
    String statementSql() {
        if (statementSql == null && statement.sql() != null) {
            statementSql = statementMayMask() ? sql.mask(statement.sql(), statement.tableColumns()) : statement.sql();
        }
        return statementSql;
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
                out.append(quoted.equals(statement.sql()) ? statementSql() : sql.mask(quoted, statement.tableColumns()));
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
                || statementMentionsMasked()
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

}
