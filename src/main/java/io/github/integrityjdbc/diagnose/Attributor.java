package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.diagnose.Dialect.ConstraintInfo;
import io.github.integrityjdbc.diagnose.SchemaCache.ColumnInfo;
import io.github.integrityjdbc.diagnose.SqlShape.ColumnValue;
import io.github.integrityjdbc.report.ValueRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The attributing stages: the table, columns and values a violation concerns, completed first from what the schema
 * says of the named constraint, then from the located statement. Each takes facts and returns new facts; where two
 * candidates fit, neither is chosen.
 */
final class Attributor {

    private Attributor() {
    }

    /**
     * What the schema says of the named constraint: its table, columns, type (primary key or unique, where the error
     * cannot tell) and referenced table. {@code statementShape} gives the failed statement's shape, whose table helps
     * databases whose constraint names are unique only within a table; it is read only when the schema is asked.
     */
    static ErrorFacts fromSchema(ErrorFacts read, Supplier<SqlShape> statementShape, SchemaLookups lookups) {
        Dialect dialect = lookups.dialect;
        boolean primaryKeyUnknown = read.kind() == ViolationKind.UNIQUE && !dialect.namesPrimaryKeys();
        boolean sideUnknown = read.kind() == ViolationKind.FOREIGN_KEY && !dialect.namesForeignKeySide();
        boolean lookup = read.constraint() != null && (read.table() == null || read.columns().isEmpty()
                || primaryKeyUnknown || sideUnknown);
        if (!lookup && read.duplicateEntry() == null) {
            return read; // the error said all the schema could add
        }
        ErrorReading facts = new ErrorReading(read);
        if (lookup) {
            SqlShape statement = statementShape.get();
            String table = facts.table != null ? facts.table : statementTable(statement, dialect);
            String schema = facts.schema != null ? facts.schema
                    : statement.schema() != null ? dialect.storedName(statement.schema(), false) : null;
            ConstraintInfo info = lookups.constraint(schema, table, facts.constraint);
            if (sideUnknown) {
                ForeignKeySide.resolve(facts, info, statement, dialect);
            }
            if (info != null) {
                facts.schema = facts.schema == null ? info.schema() : facts.schema;
                facts.table = facts.table == null ? info.table() : facts.table;
                if (facts.columns.isEmpty()) {
                    facts.columns.addAll(info.columns());
                }
                if (info.kind() != null && (facts.kind == ViolationKind.OTHER
                        || facts.kind == ViolationKind.UNIQUE && info.kind() == ViolationKind.PRIMARY_KEY)) {
                    facts.kind = info.kind(); // the SQLState said only "unique" or "deferred"
                }
                if (facts.referencedTable == null && info.referencedTable() != null) {
                    facts.referencedTable = info.referencedTable();
                    facts.referencedColumns.addAll(info.referencedColumns());
                }
            }
        }
        if (facts.duplicateEntry != null && facts.columns.size() == 1) {
            facts.messageValues.putIfAbsent(facts.columns.get(0), SqlText.literal(facts.duplicateEntry));
        }
        return facts.facts();
    }

    /**
     * What the located statement adds: the column of a value rejected at bind time, of a data error that names none,
     * of a value the error shows without its column; the statement's table where the error names none. Also the
     * columns of the violation's table in order, which place the values of a row the message lists (looked up only if
     * masking asks, while {@code lookups} is open).
     *
     * @param failedParameter the 1-based index of a value the driver rejected when it was bound, or 0
     * @param masking whether any column may be masked: the table's columns are needed only then
     */
    static Attribution fromStatement(ErrorFacts attributed, FailedStatement statement, int failedParameter,
                                     boolean masking, SchemaLookups lookups) {
        Dialect dialect = lookups.dialect;
        boolean unnamedForeignKey = attributed.kind() == ViolationKind.FOREIGN_KEY && attributed.constraint() == null
                && attributed.table() == null && attributed.columns().isEmpty();
        if (!unnamedForeignKey && !attributed.columns().isEmpty() && attributed.table() != null) {
            return new Attribution(attributed, tableColumns(masking, lookups, attributed.schema(), attributed.table()));
        }
        ErrorReading facts = new ErrorReading(unnamedForeignKey
                ? lookups.foreignKeyOfStatement(attributed, statement) : attributed);
        SqlShape shape = statement.shape();
        if (facts.columns.isEmpty() && failedParameter > 0) {
            columnOfParameter(facts, statement, failedParameter, dialect);
        }
        if (facts.columns.isEmpty() && (facts.kind == ViolationKind.VALUE_TOO_LONG
                || facts.kind == ViolationKind.OUT_OF_RANGE)) {
            dataErrorColumn(facts, statement, lookups);
        }
        if (facts.columns.isEmpty() && facts.unattributedValue != null) {
            columnOfValue(facts, statement, dialect);
        }
        boolean writes = shape.operation() == SqlShape.Operation.INSERT
                || shape.operation() == SqlShape.Operation.UPDATE;
        if (facts.table == null && writes && shape.table() != null && facts.kind != ViolationKind.FOREIGN_KEY) {
            facts.table = statementTable(shape, dialect);
        }
        return new Attribution(facts.facts(), tableColumns(masking, lookups, facts.schema, facts.table));
    }

    /** The table's columns, looked up when asked for, where masking may need them. */
    private static Supplier<List<String>> tableColumns(boolean masking, SchemaLookups lookups, String schema,
                                                       String table) {
        return masking ? () -> SchemaLookups.names(lookups.tableColumns(schema, table)) : List::of;
    }

    /** A value rejected at bind time: its column is the one the statement gives the parameter. */
    private static void columnOfParameter(ErrorReading facts, FailedStatement statement, int parameter,
                                          Dialect dialect) {
        for (ColumnValue cv : valuesOf(statement)) {
            if (cv.parameter() == parameter && cv.column() != null) {
                facts.columns.add(dialect.storedName(cv.column(), cv.quoted()));
                if (facts.table == null) {
                    facts.table = statementTable(statement.shape(), dialect);
                }
                return;
            }
        }
    }

    /**
     * A data error that names no column (PostgreSQL: "value too long for type character varying(10)"): the one
     * written column whose value does not fit its declared size or type. Left unknown when none or several do.
     */
    private static void dataErrorColumn(ErrorReading facts, FailedStatement statement, SchemaLookups lookups) {
        List<ColumnInfo> columns = lookups.tableColumns(statement.shape());
        String found = null;
        for (ColumnValue cv : statement.written()) {
            ColumnInfo column = info(columns, cv.column());
            if (column != null && DataFit.doesNotFit(facts.kind, facts.columnType, column, statement.valueOf(cv))) {
                if (found != null) {
                    return; // two candidates: do not guess
                }
                found = column.name();
            }
        }
        if (found != null) {
            facts.columns.add(found);
            if (facts.table == null) {
                facts.table = statementTable(statement.shape(), lookups.dialect);
            }
        }
    }

    /** A data error that shows the value but not the column: the one written column given exactly that value. */
    private static void columnOfValue(ErrorReading facts, FailedStatement statement, Dialect dialect) {
        ColumnValue match = null;
        for (ColumnValue cv : statement.written()) {
            Object bound = cv.parameter() > 0 ? statement.valueOf(cv) : null;
            String value = cv.parameter() > 0 ? bound == null ? null : bound.toString()
                    : ValueRenderer.unquote(cv.literal());
            if (cv.column() != null && value != null && facts.unattributedValue.equals(value)) {
                if (match != null) {
                    return; // two columns were given that value: do not guess
                }
                match = cv;
            }
        }
        if (match != null) {
            facts.columns.add(dialect.storedName(match.column(), match.quoted()));
            if (facts.table == null) {
                facts.table = statementTable(statement.shape(), dialect);
            }
        }
    }

    private static List<ColumnValue> valuesOf(FailedStatement statement) {
        List<ColumnValue> all = new ArrayList<>(statement.written());
        all.addAll(statement.shape().conditions());
        return all;
    }

    private static String statementTable(SqlShape shape, Dialect dialect) {
        return shape.table() == null ? null : dialect.storedName(shape.table(), shape.tableQuoted());
    }

    private static ColumnInfo info(List<ColumnInfo> columns, String name) {
        for (ColumnInfo column : columns) {
            if (name != null && column.name().equalsIgnoreCase(name)) {
                return column;
            }
        }
        return null;
    }

    static ColumnValue find(List<ColumnValue> columns, String name) {
        for (ColumnValue cv : columns) {
            if (cv.column() != null && cv.column().equalsIgnoreCase(name)) {
                return cv;
            }
        }
        return null;
    }
}
