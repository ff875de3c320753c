package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.diagnose.Dialect.ConstraintInfo;

import java.util.List;

/**
 * Whose key a foreign key error shows, where the error does not say it in words a reader may rely on (PostgreSQL,
 * whose detail is translated): the child row's columns, whose parent is missing, or the parent row's key, still
 * referenced. The schema tells: the constraint's own columns against the columns it references. Without the schema
 * only a DELETE tells (it can only remove a parent row) and an INSERT into the constraint's table (it can only add a
 * child row); otherwise the key's values are left unattributed.
 */
final class ForeignKeySide {

    private ForeignKeySide() {
    }

    /**
     * Completes {@code facts}, whose {@code columns} are the key the error showed, with {@code info} (null when the
     * schema could not be asked): the constraint's columns, its parent, and the key's values kept where they are the
     * child row's.
     */
    static void resolve(ErrorReading facts, ConstraintInfo info, SqlShape statement, Dialect dialect) {
        List<String> shown = List.copyOf(facts.columns);
        if (info != null && info.referencedTable() != null) {
            facts.referencedTable = info.referencedTable();
            facts.referencedColumns.clear();
            facts.referencedColumns.addAll(info.referencedColumns());
            facts.columns.clear();
            facts.columns.addAll(info.columns());
            if (!sameNames(shown, info.columns())) {
                forget(facts, shown); // the parent's key (or a key that matches neither): not the child row's values
            }
            return;
        }
        SqlShape.Operation operation = statement.operation();
        boolean insertsChild = operation == SqlShape.Operation.INSERT && statement.table() != null
                && dialect.storedName(statement.table(), statement.tableQuoted()).equals(facts.table);
        if (operation == SqlShape.Operation.DELETE) {
            facts.columns.clear();
            facts.referencedColumns.clear();
            facts.referencedColumns.addAll(shown);
            forget(facts, shown);
        } else if (!insertsChild) {
            facts.columns.clear();
            forget(facts, shown);
        }
    }

    private static void forget(ErrorReading facts, List<String> columns) {
        for (String column : columns) {
            facts.messageValues.remove(column);
        }
    }

    private static boolean sameNames(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
