package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.ViolationKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the report of one case must say on one database. A null constraint or table means the database does not
 * tell it, and the report must leave it empty rather than guess.
 *
 * @param raises false where the database accepts the statement (SQLite does not enforce VARCHAR lengths)
 * @param batchIndex the failing row, or null where the database cannot tell it
 */
record Expected(boolean raises, ViolationKind kind, String constraint, String table, List<String> columns,
                Map<String, String> offending, Integer batchIndex) {

    static Expected of(ViolationKind kind, String constraint, String table, List<String> columns,
                       Map<String, String> offending) {
        return new Expected(true, kind, constraint, table, columns, offending, null);
    }

    static Expected accepted() {
        return new Expected(false, null, null, null, List.of(), Map.of(), null);
    }

    Expected constraint(String constraint) {
        return new Expected(raises, kind, constraint, table, columns, offending, batchIndex);
    }

    Expected kind(ViolationKind kind) {
        return new Expected(raises, kind, constraint, table, columns, offending, batchIndex);
    }

    Expected batchIndex(Integer batchIndex) {
        return new Expected(raises, kind, constraint, table, columns, offending, batchIndex);
    }

    Expected offending(Map<String, String> offending) {
        return new Expected(raises, kind, constraint, table, columns, offending, batchIndex);
    }

    Expected table(String table) {
        return new Expected(raises, kind, constraint, table, columns, offending, batchIndex);
    }

    Expected columns(List<String> columns) {
        return new Expected(raises, kind, constraint, table, columns, offending, batchIndex);
    }

    /** The same expectation with every identifier (constraint, table, columns, offending keys) in the database's case. */
    Expected names(UnaryOperator<String> storedCase) {
        Map<String, String> renamed = new LinkedHashMap<>();
        offending.forEach((column, value) -> renamed.put(storedCase.apply(column), value));
        return new Expected(raises, kind, constraint == null ? null : storedCase.apply(constraint),
                table == null ? null : storedCase.apply(table), columns.stream().map(storedCase).toList(), renamed,
                batchIndex);
    }
}
