package io.github.integrityjdbc.diagnose;

import java.util.List;

/**
 * The facts of a violation once attributed, and the columns of its table in order (empty when not looked up or
 * unknown), which place the values of a row its message lists.
 */
record Attribution(ErrorFacts facts, List<String> tableColumns) {
}
