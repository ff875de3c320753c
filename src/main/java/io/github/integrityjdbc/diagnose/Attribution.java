package io.github.integrityjdbc.diagnose;

import java.util.List;
import java.util.function.Supplier;

/**
 * The facts of a violation once attributed, and the columns of its table in order (empty when unknown), which place
 * the values of a row its message lists. The columns come from the schema, and are looked up only when masking needs
 * them, at most once.
 */
final class Attribution {

    private final ErrorFacts facts;
    private Supplier<List<String>> lookup;
    private List<String> tableColumns;

    Attribution(ErrorFacts facts, Supplier<List<String>> tableColumns) {
        this.facts = facts;
        this.lookup = tableColumns;
    }

    ErrorFacts facts() {
        return facts;
    }

    List<String> tableColumns() {
        if (tableColumns == null) {
            tableColumns = lookup.get();
            lookup = null;
        }
        return tableColumns;
    }
}
