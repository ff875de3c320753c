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
        text.append(headline(facts, shape, dialect, dataError));
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
            text.append(": ").append(oneLine(sql, maxSql));
            if (!parameters.isEmpty()) {
                text.append("; parameters: [").append(String.join(", ", parameters)).append(']');
            }
            if (batchIndex != null) {
                text.append("; batch row ").append(batchIndex).append(" of ").append(batchSize).append(" (0-based)");
            }
            text.append('.');
        }
        return text.toString();
    }

    private static String headline(ErrorFacts facts, SqlShape shape, Dialect dialect, boolean dataError) {
        String on = on(facts.table(), facts.columns());
        String name = facts.constraint() == null ? "" : " " + facts.constraint();
        switch (facts.kind()) {
            case PRIMARY_KEY:
                return "Duplicate key for primary key" + name + on;
            case UNIQUE:
                return "Duplicate value for unique constraint" + name + on;
            case FOREIGN_KEY:
                String parent = facts.referencedTable() == null ? "the parent table" : facts.referencedTable();
                boolean parentSide = facts.parentSide(shape);
                if (parentSide && facts.referencedTable() == null) {
                    parent = dialect.storedName(shape.table(), shape.tableQuoted());
                }
                String foreignKey = name.isEmpty() ? " a foreign key" : " foreign key" + name;
                return parentSide
                        ? "Row of " + parent + " is still referenced by" + foreignKey + on
                        : "No matching row in " + parent + " for" + foreignKey + on;
            case NOT_NULL:
                return "NULL is not allowed in column " + column(facts);
            case CHECK:
                return "Check constraint" + name + on + " rejected the row";
            case EXCLUSION:
                return "Row conflicts with another under exclusion constraint" + name + on;
            case VALUE_TOO_LONG:
                return "Value too long for column " + column(facts)
                        + (facts.columnType() == null ? "" : " " + facts.columnType());
            case OUT_OF_RANGE:
                return "Value out of range for column " + column(facts);
            default:
                return (dataError ? "Data error" : "Integrity violation")
                        + (facts.constraint() == null ? "" : " of constraint" + name) + on;
        }
    }

    private static String on(String table, List<String> columns) {
        if (table == null) {
            return columns.isEmpty() ? "" : " on (" + String.join(", ", columns) + ")";
        }
        return " on " + table + (columns.isEmpty() ? "" : "(" + String.join(", ", columns) + ")");
    }

    private static String column(ErrorFacts facts) {
        String column = facts.columns().isEmpty() ? "?" : facts.columns().get(0);
        return facts.table() == null ? column : facts.table() + "." + column;
    }

    private static void appendValues(StringBuilder text, Map<String, String> values) {
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            text.append(first ? "" : ", ").append(e.getKey()).append('=').append(e.getValue());
            first = false;
        }
    }

    /** Whitespace runs (newlines included) as one space, cut at {@code max} characters. */
    private static String oneLine(String sql, int max) {
        String line = isOneLine(sql) ? sql : WHITE_SPACE.matcher(sql).replaceAll(" ").trim();
        return line.length() > max ? line.substring(0, max) + "…" : line;
    }

    /** True for text that {@link #oneLine} would leave as it is: single spaces inside, none at either end. */
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
