package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a database's error says about a violation, filled by a {@link Dialect} and completed from the schema and the
 * statement. Fields stay null (or empty) for what is not known: nothing here is guessed.
 */
final class ErrorFacts {

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
