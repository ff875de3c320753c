package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.capture.CapturedStatement;
import io.github.integrityjdbc.diagnose.SqliteForeignKeys.ForeignKey;
import io.github.integrityjdbc.diagnose.SqlText.Token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite through sqlite-jdbc. There is no SQLState: a violation is primary result code 19 (SQLITE_CONSTRAINT), and
 * its kind is the extended code's name that sqlite-jdbc puts first in the message ({@code [SQLITE_CONSTRAINT_UNIQUE]}).
 * Unique, primary key and NOT NULL messages name {@code table.column} but never the constraint; CHECK names only the
 * constraint (its columns are read from the table's DDL); a foreign key failure names nothing at all: the key is
 * found from the statement and the schema ({@link SqliteStatementFacts}). A prepared batch fails with a plain
 * exception without counts; a batch of SQL texts with a BatchUpdateException that names the entry. SQLite enforces
 * neither VARCHAR lengths nor integer ranges.
 */
final class SqliteDialect implements Dialect {

    private static final int SQLITE_CONSTRAINT = 19;
    private static final Pattern EXTENDED_CODE = Pattern.compile("\\[SQLITE_CONSTRAINT(?:_(\\w+))?\\]");
    private static final String NAME = "([^\\s,.()]+)";
    /** "constraint failed: person.email, person.nick" (unique, primary key) or "person.name" (NOT NULL). */
    private static final Pattern TABLE_COLUMNS = Pattern.compile(
            "constraint failed: (" + NAME + "\\." + NAME + "(?:, " + NAME + "\\." + NAME + ")*)");
    /** "CHECK constraint failed: ck_person_age". */
    private static final Pattern CHECK = Pattern.compile("constraint failed: " + NAME);

    private static final Pattern BATCH_ENTRY = Pattern.compile("batch entry (\\d{1,9}): ");

    private static final String TABLES_MENTIONING =
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND instr(lower(sql), lower(?)) > 0";

    @Override
    public ViolationKind classify(SQLException e) {
        String state = e.getSQLState();
        if (state != null && !state.isEmpty()) {
            return Dialect.super.classify(e);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher code = EXTENDED_CODE.matcher(message);
        boolean constraintCode = (e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT;
        if (!code.find() || !constraintCode) {
            return constraintCode ? ViolationKind.OTHER : null;
        }
        String extended = code.group(1) == null ? "" : code.group(1);
        switch (extended) {
            case "PRIMARYKEY":
                return ViolationKind.PRIMARY_KEY;
            case "UNIQUE":
                return ViolationKind.UNIQUE;
            case "FOREIGNKEY":
                return ViolationKind.FOREIGN_KEY;
            case "NOTNULL":
                return ViolationKind.NOT_NULL;
            case "CHECK":
                return ViolationKind.CHECK;
            default:
                return ViolationKind.OTHER; // TRIGGER, ROWID, DATATYPE (STRICT tables), ...
        }
    }

    @Override
    public void read(SQLException violation, ErrorReading facts) {
        String message = violation.getMessage();
        if (message == null || facts.kind == null) {
            return;
        }
        if (message.startsWith("[SQLITE_CONSTRAINT")) {
            facts.recognised(); // names a table's columns, a constraint or a CHECK's expression; never a row's value
        }
        switch (facts.kind) {
            case PRIMARY_KEY:
            case UNIQUE:
            case NOT_NULL: {
                Matcher m = TABLE_COLUMNS.matcher(message);
                if (m.find()) {
                    String table = null;
                    for (String qualified : m.group(1).split(", ")) {
                        int dot = qualified.indexOf('.');
                        String columnTable = qualified.substring(0, dot);
                        if (table != null && !table.equals(columnTable)) {
                            facts.columns.clear();
                            return;
                        }
                        table = columnTable;
                        facts.columns.add(qualified.substring(dot + 1));
                    }
                    facts.table = table;
                }
                break;
            }
            case CHECK: {
                Matcher m = CHECK.matcher(message);
                if (m.find()) {
                    facts.constraint = m.group(1);
                }
                break;
            }
            default:
                break; // FOREIGN KEY constraint failed: no constraint, table, column or value
        }
    }

    /**
     * A foreign key failure names nothing: the key is the one the statement proves ({@link SqliteStatementFacts}).
     * Its values come from the statement, as for any database.
     */
    @Override
    public void foreignKeyOfStatement(FailedStatement statement, Connection lookup, ErrorReading facts)
            throws SQLException {
        ForeignKey key = SqliteStatementFacts.violatedKey(lookup, statement);
        if (key != null) {
            facts.constraint = key.constraint();
            facts.table = key.table();
            facts.columns.addAll(key.columns());
            facts.referencedTable = key.parent();
            facts.referencedColumns.addAll(key.parentColumns());
        }
    }

    @Override
    public Integer provenBatchRow(ErrorFacts facts, CapturedStatement capture, SchemaLookups lookups)
            throws SQLException {
        return SqliteStatementFacts.failingRow(facts, capture, lookups);
    }

    /** A batch of SQL texts fails with a BatchUpdateException that names the entry: {@code batch entry 3: }. */
    @Override
    public Integer batchEntry(SQLException batchFailure) {
        Matcher m = BATCH_ENTRY.matcher(batchFailure.getMessage() == null ? "" : batchFailure.getMessage());
        return m.lookingAt() ? Integer.valueOf(m.group(1)) : null;
    }

    /** sqlite-jdbc's batch prefix {@code batch entry 3: } shows no value; anything else stays opaque. */
    @Override
    public void readBatchMessage(String message, int from, int to, ErrorReading facts) {
        Matcher m = BATCH_ENTRY.matcher(message);
        boolean prefix = m.lookingAt() && m.end() == from;
        Dialect.super.readBatchMessage(message, prefix ? 0 : from, to, facts);
    }

    /**
     * A named CHECK constraint (the only name SQLite reports): its table is the one whose DDL declares
     * {@code CONSTRAINT name CHECK (...)}, its columns the table's columns that the expression uses.
     */
    @Override
    public ConstraintInfo describeConstraint(Connection connection, String schema, String constraint)
            throws SQLException {
        ConstraintInfo found = null;
        try (PreparedStatement query = Dialect.prepareLookup(connection, TABLES_MENTIONING)) {
            query.setString(1, constraint);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<Token> expression = checkExpression(SqlText.tokenize(rows.getString(2)), constraint);
                    if (expression == null) {
                        continue;
                    }
                    if (found != null) {
                        return null; // two tables declare a check of that name: do not guess
                    }
                    String table = rows.getString(1);
                    found = new ConstraintInfo(null, table, columnsUsed(connection, table, expression),
                            ViolationKind.CHECK, null, List.of());
                }
            }
        }
        return found;
    }

    /** The tokens between the parentheses of {@code CONSTRAINT name CHECK ( ... )}, or null. */
    private static List<Token> checkExpression(List<Token> ddl, String constraint) {
        for (int i = 0; i + 3 < ddl.size(); i++) {
            if (ddl.get(i).isWord("CONSTRAINT") && ddl.get(i + 1).isName()
                    && ddl.get(i + 1).name().equalsIgnoreCase(constraint) && ddl.get(i + 2).isWord("CHECK")
                    && ddl.get(i + 3).isSymbol('(')) {
                int depth = 0;
                for (int j = i + 3; j < ddl.size(); j++) {
                    if (ddl.get(j).isSymbol('(')) {
                        depth++;
                    } else if (ddl.get(j).isSymbol(')') && --depth == 0) {
                        return ddl.subList(i + 4, j);
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static List<String> columnsUsed(Connection connection, String table, List<Token> expression)
            throws SQLException {
        Set<String> used = new LinkedHashSet<>();
        for (Token token : expression) {
            if (token.isName()) {
                used.add(token.name().toLowerCase(Locale.ROOT));
            }
        }
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getColumns(null, null, table, null)) {
            while (rows.next()) {
                String column = rows.getString("COLUMN_NAME");
                if (table.equalsIgnoreCase(rows.getString("TABLE_NAME"))
                        && used.contains(column.toLowerCase(Locale.ROOT))) {
                    columns.add(column);
                }
            }
        }
        return columns;
    }
}
