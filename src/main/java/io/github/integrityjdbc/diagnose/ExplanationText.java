package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes {@code ViolationReport.explain()}: one line that says what happened, where, with which values. */
final class ExplanationText {

    private static final int MAX_SQL = 1000;
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private ExplanationText() {
    }

    /**
     * @param dataError true for SQLState class 22 (or a data exception type), which an OTHER kind cannot tell
     * @param offending the culprit values by column, already rendered and masked
     * @param sql the statement's SQL, masked; at commit the transaction's statement that wrote the row; or null
     * @param parameters the statement's values, rendered and masked
     */
    static String explain(ErrorFacts facts, boolean dataError, FailedStatement statement, Dialect dialect,
                          Map<String, String> offending, String sql, List<String> parameters) {
        SqlShape shape = statement.shape();
        boolean atCommit = statement.atCommit();
        Integer batchIndex = statement.batchIndex();
        int batchSize = statement.batchSize();
        int maxSql = MAX_SQL;
        StringBuilder text = new StringBuilder(256 + (sql == null ? 0 : Math.min(sql.length(), maxSql))
                + 16 * parameters.size());
        headline(text, facts, shape, dialect, dataError);
        if (!offending.isEmpty()) {
            text.append(": ");
            appendValues(text, offending);
        } else if (facts.kind() == ViolationKind.NOT_NULL && shape.operation() == SqlShape.Operation.INSERT
                && !facts.columns().isEmpty()) {
            text.append(": the statement gives ").append(facts.columns().get(0)).append(" no value");
        }
        text.append('.');
        if (sql == null && batchSize > 0) {
            text.append(" In a batch of ").append(batchSize)
                    .append(" statements; the database does not say which one failed.");
        } else if (sql == null) {
            text.append(" Reported at commit, outside any statement.");
        } else {
            text.append(atCommit ? " Reported at commit; the row was written by the statement" : " Statement");
            if (shape.operation() != SqlShape.Operation.OTHER && shape.table() != null) {
                text.append(" (").append(shape.operation()).append(" on ")
                        .append(dialect.storedName(shape.table(), shape.tableQuoted())).append(')');
            }
            appendOneLine(text.append(": "), sql, maxSql);
            if (!parameters.isEmpty()) {
                join(text.append("; parameters: ["), parameters).append(']');
            }
            if (batchIndex != null) {
                text.append("; batch row ").append(batchIndex).append(" of ").append(batchSize).append(" (0-based)");
            }
            text.append('.');
        }
        return text.toString();
    }

    /** What happened, where: appended to {@code text}. */
    private static void headline(StringBuilder text, ErrorFacts facts, SqlShape shape, Dialect dialect,
                                 boolean dataError) {
        String constraint = facts.constraint();
        switch (facts.kind()) {
            case PRIMARY_KEY:
                name(text.append("Duplicate key for primary key"), constraint);
                on(text, facts);
                return;
            case UNIQUE:
                name(text.append("Duplicate value for unique constraint"), constraint);
                on(text, facts);
                return;
            case FOREIGN_KEY:
                String parent = facts.referencedTable() == null ? "the parent table" : facts.referencedTable();
                boolean parentSide = facts.parentSide(shape);
                if (parentSide && facts.referencedTable() == null) {
                    parent = dialect.storedName(shape.table(), shape.tableQuoted());
                }
                if (parentSide) {
                    text.append("Row of ").append(parent).append(" is still referenced by");
                } else {
                    text.append("No matching row in ").append(parent).append(" for");
                }
                name(text.append(constraint == null ? " a foreign key" : " foreign key"), constraint);
                on(text, facts);
                return;
            case NOT_NULL:
                column(text.append("NULL is not allowed in column "), facts);
                return;
            case CHECK:
                name(text.append("Check constraint"), constraint);
                on(text, facts);
                text.append(" rejected the row");
                return;
            case EXCLUSION:
                name(text.append("Row conflicts with another under exclusion constraint"), constraint);
                on(text, facts);
                return;
            case VALUE_TOO_LONG:
                column(text.append("Value too long for column "), facts);
                if (facts.columnType() != null) {
                    text.append(' ').append(facts.columnType());
                }
                return;
            case OUT_OF_RANGE:
                column(text.append("Value out of range for column "), facts);
                return;
            default:
                text.append(dataError ? "Data error" : "Integrity violation");
                if (constraint != null) {
                    name(text.append(" of constraint"), constraint);
                }
                on(text, facts);
        }
    }

    /** " name", or nothing for an unknown constraint. */
    private static void name(StringBuilder text, String constraint) {
        if (constraint != null) {
            text.append(' ').append(constraint);
        }
    }

    /** " on table(columns)", " on (columns)" or nothing. */
    private static void on(StringBuilder text, ErrorFacts facts) {
        List<String> columns = facts.columns();
        if (facts.table() == null) {
            if (!columns.isEmpty()) {
                join(text.append(" on ("), columns).append(')');
            }
            return;
        }
        text.append(" on ").append(facts.table());
        if (!columns.isEmpty()) {
            join(text.append('('), columns).append(')');
        }
    }

    private static StringBuilder join(StringBuilder text, List<String> parts) {
        for (int i = 0; i < parts.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(parts.get(i));
        }
        return text;
    }

    private static void column(StringBuilder text, ErrorFacts facts) {
        if (facts.table() != null) {
            text.append(facts.table()).append('.');
        }
        text.append(facts.columns().isEmpty() ? "?" : facts.columns().get(0));
    }

    private static void appendValues(StringBuilder text, Map<String, String> values) {
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            text.append(first ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
    }

    /** Whitespace runs (newlines included) as one space, cut at {@code max} characters. */
    private static void appendOneLine(StringBuilder text, String sql, int max) {
        String line = isOneLine(sql) ? sql : WHITE_SPACE.matcher(sql).replaceAll(" ").trim();
        if (line.length() > max) {
            text.append(line, 0, max).append('…');
        } else {
            text.append(line);
        }
    }

    /** True for text that {@link #appendOneLine} would leave as it is: single spaces inside, none at either end. */
    private static boolean isOneLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)
                    && (c != ' ' || i == 0 || i == text.length() - 1 || text.charAt(i + 1) == ' ')) {
                return false;
            }
        }
        return true;
    }
}
