package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.diagnose.ErrorFacts.MessageSpans;
import io.github.integrityjdbc.diagnose.ErrorFacts.ShownValue;
import io.github.integrityjdbc.diagnose.ErrorFacts.Span;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Dialect} writes while it reads one error; {@link #facts()} freezes it into the {@link ErrorFacts}
 * that the next stages read. Fields stay null (or empty) for what is not known: nothing here is guessed. Offsets are
 * into the message of the exception being read.
 */
final class ErrorReading {

    ViolationKind kind;
    String constraint;
    /** Schema of the table that owns the constraint, when the error names it. */
    String schema;
    /** Table that owns the constraint. */
    String table;
    final List<String> columns = new ArrayList<>();
    /** For a foreign key: the referenced (parent) table and its columns, in the order of {@link #columns}. */
    String referencedTable;
    final List<String> referencedColumns = new ArrayList<>();
    /** Column to value as the error message shows it (SQL literal form), when it shows one. */
    final Map<String, String> messageValues = new LinkedHashMap<>();
    /** The column's declared type, when a data error names it (e.g. CHARACTER VARYING(10), smallint). */
    String columnType;
    /** A duplicate key's value as the error shows it before its columns are known (MySQL: '100-200'). */
    String duplicateEntry;
    /**
     * A value a data error shows without naming its column (Derby: {@code shrink VARCHAR 'ABC…' to length 10}); its
     * column is the one written column the statement gives exactly this value.
     */
    String unattributedValue;

    private final List<ShownValue> shown = new ArrayList<>();
    private final List<Span> sql = new ArrayList<>();
    private final List<Span> opaque = new ArrayList<>();
    private boolean recognised;
    private MessageSpans message;
    private MessageSpans rowMessage;

    ErrorReading(ViolationKind kind) {
        this.kind = kind;
    }

    /** Facts already read, to be completed (from the schema, from the statement). */
    ErrorReading(ErrorFacts facts) {
        kind = facts.kind();
        constraint = facts.constraint();
        schema = facts.schema();
        table = facts.table();
        columns.addAll(facts.columns());
        referencedTable = facts.referencedTable();
        referencedColumns.addAll(facts.referencedColumns());
        messageValues.putAll(facts.messageValues());
        columnType = facts.columnType();
        duplicateEntry = facts.duplicateEntry();
        unattributedValue = facts.unattributedValue();
        message = facts.message();
        rowMessage = facts.rowMessage();
        recognised = true;
    }

    /** The message shows {@code column}'s value as {@code literal}, at [start, end). */
    void shown(String column, String literal, int start, int end) {
        messageValues.put(column, literal);
        shown.add(new ShownValue(column, -1, 0, start, end));
    }

    /** The message shows, at [start, end), a value of {@code column} that is not the statement's (another row). */
    void shownOther(String column, int start, int end) {
        shown.add(new ShownValue(column, -1, 0, start, end));
    }

    /**
     * The message shows a whole row in the table's column order ({@code Failing row contains (…)}): value
     * {@code ordinal} of {@code width} at [start, end). Its column is known once the table's columns are.
     */
    void shownInRow(int ordinal, int width, int start, int end) {
        shown.add(new ShownValue(null, ordinal, width, start, end));
    }

    /**
     * The message shows, at [start, end), values of the error's columns together (MySQL's {@code '100-200'} for a
     * composite key) or a value whose column is found later (Derby's too-long value).
     */
    void shownOfColumns(int start, int end) {
        shown.add(new ShownValue(null, -1, 0, start, end));
    }

    /** The message quotes SQL text at [start, end), with the statement's literals (H2: {@code SQL statement:}). */
    void quotesSql(int start, int end) {
        sql.add(new Span(start, end));
    }

    /** Part of the message may show values that cannot be placed: it is cut when a masked column could be in it. */
    void opaque(int start, int end) {
        opaque.add(new Span(start, end));
    }

    /**
     * The dialect recognised the message: every part of it that may show a value is recorded above. A message the
     * dialect did not recognise is opaque as a whole.
     */
    void recognised() {
        recognised = true;
    }

    /**
     * The facts read from {@code read}, the message the dialect read, with their places in it and in {@code shown},
     * the message the application will see: the same, or a batch failure's that contains it.
     */
    ErrorFacts facts(String read, String shown, Dialect dialect) {
        if (!recognised) {
            this.shown.clear();
            sql.clear();
            opaque.clear();
            if (read != null && !read.isEmpty()) {
                opaque.add(new Span(0, read.length()));
            }
        }
        rowMessage = spans(0);
        message = rowMessage;
        if (shown != null && !shown.equals(read)) {
            int at = read == null || read.isEmpty() ? -1 : shown.indexOf(read);
            if (at < 0) {
                message = new MessageSpans(List.of(), List.of(), List.of(new Span(0, shown.length())));
            } else {
                MessageSpans inside = spans(at);
                this.shown.clear();
                sql.clear();
                opaque.clear();
                dialect.readBatchMessage(shown, at, at + read.length(), this);
                MessageSpans around = spans(0);
                message = new MessageSpans(join(inside.shown(), around.shown()), join(inside.sql(), around.sql()),
                        join(inside.opaque(), around.opaque()));
            }
        }
        return facts();
    }

    /** What is recorded now, each place moved by {@code offset}. */
    private MessageSpans spans(int offset) {
        if (offset == 0) {
            return new MessageSpans(List.copyOf(shown), List.copyOf(sql), List.copyOf(opaque));
        }
        List<ShownValue> values = new ArrayList<>();
        for (ShownValue v : shown) {
            values.add(new ShownValue(v.column(), v.ordinal(), v.width(), v.start() + offset, v.end() + offset));
        }
        List<Span> quoted = new ArrayList<>();
        for (Span s : sql) {
            quoted.add(new Span(s.start() + offset, s.end() + offset));
        }
        List<Span> unplaced = new ArrayList<>();
        for (Span s : opaque) {
            unplaced.add(new Span(s.start() + offset, s.end() + offset));
        }
        return new MessageSpans(List.copyOf(values), List.copyOf(quoted), List.copyOf(unplaced));
    }

    private static <T> List<T> join(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The facts as they are now; for a reading that did not come from a message, with no places in one. */
    ErrorFacts facts() {
        MessageSpans none = new MessageSpans(List.of(), List.of(), List.of());
        return new ErrorFacts(kind, constraint, schema, table, List.copyOf(columns), referencedTable,
                List.copyOf(referencedColumns), Collections.unmodifiableMap(new LinkedHashMap<>(messageValues)),
                columnType, duplicateEntry, unattributedValue, message == null ? none : message,
                rowMessage == null ? none : rowMessage);
    }
}
