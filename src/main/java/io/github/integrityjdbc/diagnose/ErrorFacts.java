package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.util.List;
import java.util.Map;

/**
 * What is known about a violation: first what the database's error states ({@link Dialect#read}), then completed from
 * the schema and the statement ({@link Attributor}). Immutable; null (or empty) for what is not known.
 *
 * @param messageValues column to value as the error message shows it (SQL literal form)
 * @param columnType the column's declared type, when a data error names it
 * @param duplicateEntry a duplicate key's value as the error shows it before its columns are known (MySQL)
 * @param unattributedValue a value a data error shows without naming its column (Derby, Db2)
 * @param message where the message of the failure the application sees shows values
 * @param rowMessage the same for the message of the exception that describes the violation (for a batch, the
 *                   per-row exception); the same object where that is the failure itself
 */
record ErrorFacts(ViolationKind kind, String constraint, String schema, String table, List<String> columns,
                  String referencedTable, List<String> referencedColumns, Map<String, String> messageValues,
                  String columnType, String duplicateEntry, String unattributedValue, MessageSpans message,
                  MessageSpans rowMessage) {

    /**
     * Where one message shows values, and whose; where it quotes SQL text; and the parts that may show values no
     * dialect can place.
     */
    record MessageSpans(List<ShownValue> shown, List<Span> sql, List<Span> opaque) {
    }

    /** [start, end) of a message. */
    record Span(int start, int end) {
    }

    /**
     * A value the message shows at [start, end): of {@code column}; or, with {@code ordinal} &ge; 0, the
     * {@code ordinal}-th of a row of {@code width} values in the table's column order; or, with neither, the violated
     * key's values together.
     */
    record ShownValue(String column, int ordinal, int width, int start, int end) {
    }

    /**
     * True for a foreign key that blocks a change to the parent row (a DELETE or key UPDATE of a referenced row), as
     * opposed to a child row whose parent is missing.
     */
    boolean parentSide(SqlShape shape) {
        if (kind != ViolationKind.FOREIGN_KEY || shape.table() == null) {
            return false;
        }
        if (referencedTable == null) {
            return shape.operation() == SqlShape.Operation.DELETE; // a DELETE can only remove a parent row
        }
        return referencedTable.equalsIgnoreCase(shape.table()) && !referencedTable.equalsIgnoreCase(table);
    }
}
