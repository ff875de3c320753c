package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.diagnose.SqlText.Token;
import io.github.integrityjdbc.diagnose.SqlText.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * What a DML statement writes where: its table, and for each column it sets (INSERT column lists and VALUES, UPDATE
 * SET clauses) or tests for equality (WHERE of UPDATE and DELETE), the JDBC parameter or literal that gives the
 * value. Statements it cannot read yield {@link Operation#OTHER} with no columns, never an exception.
 *
 * @param operation what the statement does
 * @param schema the table's schema as written, or null
 * @param table the table as written (without quotes), or null
 * @param tableQuoted whether the table name was quoted
 * @param assignments columns the statement writes, with their values; for an INSERT without a column list, the
 *                    values in order with a null column
 * @param conditions {@code column = value} tests of the WHERE clause
 * @param otherRows the values of a multi-row INSERT's second and later rows, with their columns as in
 *                  {@code assignments}: read for masking only, the statement's row being the first
 */
record SqlShape(Operation operation, String schema, String table, boolean tableQuoted,
                List<ColumnValue> assignments, List<ColumnValue> conditions, List<ColumnValue> otherRows) {

    enum Operation { INSERT, UPDATE, DELETE, OTHER }

    /**
     * A column and where its value comes from: {@code parameter} (1-based) or {@code literal} (SQL text); both empty
     * for an expression. {@code from} and {@code to} delimit the value's expression in the SQL text (-1 when unknown),
     * so that a masked column's value can be replaced where it stands.
     */
    record ColumnValue(String column, boolean quoted, int parameter, String literal, int from, int to) {

        ColumnValue(String column, boolean quoted, int parameter, String literal) {
            this(column, quoted, parameter, literal, -1, -1);
        }

        /** The same value, given to another column. */
        ColumnValue named(String name, boolean nameQuoted) {
            return new ColumnValue(name, nameQuoted, parameter, literal, from, to);
        }
    }

    private static final SqlShape UNKNOWN = new SqlShape(Operation.OTHER, null, null, false, List.of(), List.of(),
            List.of());

    /** True for an INSERT whose VALUES are not preceded by a column list. */
    boolean positionalInsert() {
        return operation == Operation.INSERT && !assignments.isEmpty() && assignments.get(0).column() == null;
    }

    static SqlShape of(String sql) {
        try {
            return new Reader(SqlText.tokenize(sql)).read();
        } catch (RuntimeException e) {
            return UNKNOWN; // an odd SQL text leaves the shape unknown, never breaks the explanation
        }
    }

    private static final class Reader {
        private final List<Token> tokens;
        private int at;
        private String schema;
        private String table;
        private boolean tableQuoted;

        Reader(List<Token> tokens) {
            this.tokens = tokens;
        }

        SqlShape read() {
            Token first = peek();
            if (first == null) {
                return UNKNOWN;
            }
            if (first.isWord("INSERT") || first.isWord("REPLACE") || first.isWord("UPSERT")) {
                return readInsert();
            }
            if (first.isWord("UPDATE")) {
                return readUpdate();
            }
            if (first.isWord("DELETE")) {
                return readDelete();
            }
            return UNKNOWN;
        }

        private SqlShape readInsert() {
            while (peek() != null && !peek().isWord("INTO") && at < 4) {
                at++;
            }
            if (!accept("INTO") || !readTable()) {
                return UNKNOWN;
            }
            List<ColumnValue> columns = new ArrayList<>();
            if (peek() != null && peek().isSymbol('(')) {
                at++;
                while (peek() != null && !peek().isSymbol(')')) {
                    Token t = next();
                    if (t.isName()) {
                        columns.add(new ColumnValue(t.name(), t.type() == Type.QUOTED_NAME, 0, null));
                    }
                }
                at++;
            }
            if (!(accept("VALUES") || accept("VALUE")) || peek() == null || !peek().isSymbol('(')) {
                return new SqlShape(Operation.INSERT, schema, table, tableQuoted, List.of(), List.of(), List.of());
            }
            at++;
            List<ColumnValue> assignments = row(columns, readExpressions(')'));
            List<ColumnValue> otherRows = new ArrayList<>();
            while (peek() != null && peek().isSymbol(',') && at + 1 < tokens.size()
                    && tokens.get(at + 1).isSymbol('(')) {
                at += 2;
                otherRows.addAll(row(columns, readExpressions(')')));
            }
            return new SqlShape(Operation.INSERT, schema, table, tableQuoted, assignments, List.of(), otherRows);
        }

        /** One VALUES row: each expression with its column (null for an INSERT without a column list). */
        private static List<ColumnValue> row(List<ColumnValue> columns, List<List<Token>> values) {
            List<ColumnValue> row = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                ColumnValue source = source(values.get(i));
                if (columns.isEmpty()) {
                    row.add(source);
                } else if (i < columns.size()) {
                    row.add(source.named(columns.get(i).column(), columns.get(i).quoted()));
                }
            }
            return row;
        }

        private SqlShape readUpdate() {
            at++;
            accept("ONLY");
            if (!readTable()) {
                return UNKNOWN;
            }
            while (peek() != null && !peek().isWord("SET")) {
                at++; // alias
            }
            if (!accept("SET")) {
                return UNKNOWN;
            }
            List<ColumnValue> assignments = new ArrayList<>();
            while (peek() != null && !isClauseEnd(peek())) {
                Token column = next();
                while (peek() != null && peek().isSymbol('.')) {
                    at++;
                    column = next(); // alias.column
                }
                if (column == null || !column.isName() || peek() == null || !peek().isSymbol('=')) {
                    break; // (a, b) = (...) and other forms: stop reading assignments
                }
                at++;
                List<Token> expression = readUntilTopLevelComma();
                assignments.add(source(expression).named(column.name(), column.type() == Type.QUOTED_NAME));
                if (peek() != null && peek().isSymbol(',')) {
                    at++;
                }
            }
            return new SqlShape(Operation.UPDATE, schema, table, tableQuoted, assignments, readWhere(), List.of());
        }

        private SqlShape readDelete() {
            at++;
            accept("FROM");
            if (!readTable()) {
                return UNKNOWN;
            }
            return new SqlShape(Operation.DELETE, schema, table, tableQuoted, List.of(), readWhere(), List.of());
        }

        /** {@code column = value} and {@code value = column} anywhere after WHERE. */
        private List<ColumnValue> readWhere() {
            while (peek() != null && !peek().isWord("WHERE")) {
                at++;
            }
            List<ColumnValue> conditions = new ArrayList<>();
            for (int i = at + 1; i + 2 < tokens.size(); i++) {
                Token left = tokens.get(i);
                Token op = tokens.get(i + 1);
                Token right = tokens.get(i + 2);
                if (!op.isSymbol('=')) {
                    continue;
                }
                if (left.isName() && isValue(right) && !isKeyword(left)) {
                    conditions.add(valueOf(left, right));
                } else if (right.isName() && isValue(left) && !isKeyword(right)
                        && (i + 3 >= tokens.size() || !tokens.get(i + 3).isSymbol('.'))) {
                    conditions.add(valueOf(right, left));
                }
            }
            return conditions;
        }

        private static ColumnValue valueOf(Token column, Token value) {
            return new ColumnValue(column.name(), column.type() == Type.QUOTED_NAME, value.parameter(),
                    value.type() == Type.PARAM ? null : value.text(), value.start(), value.end());
        }

        private static boolean isValue(Token t) {
            return t.type() == Type.PARAM || t.type() == Type.STRING || t.type() == Type.NUMBER;
        }

        private static boolean isKeyword(Token t) {
            return t.isWord("AND") || t.isWord("OR") || t.isWord("WHERE") || t.isWord("NOT");
        }

        private static boolean isClauseEnd(Token t) {
            return t.isWord("WHERE") || t.isWord("FROM") || t.isWord("RETURNING") || t.isWord("ORDER")
                    || t.isWord("LIMIT") || t.isSymbol(';');
        }

        /** Reads [schema.]table; the catalog part of catalog.schema.table is dropped. */
        private boolean readTable() {
            Token name = next();
            if (name == null || !name.isName()) {
                return false;
            }
            List<Token> parts = new ArrayList<>();
            parts.add(name);
            while (peek() != null && peek().isSymbol('.') && at + 1 < tokens.size() && tokens.get(at + 1).isName()) {
                at++;
                parts.add(next());
            }
            Token last = parts.get(parts.size() - 1);
            table = last.name();
            tableQuoted = last.type() == Type.QUOTED_NAME;
            schema = parts.size() > 1 ? parts.get(parts.size() - 2).name() : null;
            return true;
        }

        /** Reads comma-separated expressions up to the closing symbol that matches an already consumed '('. */
        private List<List<Token>> readExpressions(char close) {
            List<List<Token>> expressions = new ArrayList<>();
            List<Token> current = new ArrayList<>();
            int depth = 0;
            while (peek() != null) {
                Token t = next();
                if (depth == 0 && t.isSymbol(close)) {
                    break;
                }
                if (depth == 0 && t.isSymbol(',')) {
                    expressions.add(current);
                    current = new ArrayList<>();
                    continue;
                }
                if (t.isSymbol('(')) {
                    depth++;
                } else if (t.isSymbol(')')) {
                    depth--;
                }
                current.add(t);
            }
            expressions.add(current);
            return expressions;
        }

        private List<Token> readUntilTopLevelComma() {
            List<Token> expression = new ArrayList<>();
            int depth = 0;
            while (peek() != null) {
                Token t = peek();
                if (depth == 0 && (t.isSymbol(',') || isClauseEnd(t))) {
                    break;
                }
                if (t.isSymbol('(')) {
                    depth++;
                } else if (t.isSymbol(')')) {
                    depth--;
                }
                expression.add(t);
                at++;
            }
            return expression;
        }

        /**
         * A single parameter, a single literal (possibly signed), or an expression (neither), with where the
         * expression stands in the text.
         */
        private static ColumnValue source(List<Token> expression) {
            int from = expression.isEmpty() ? -1 : expression.get(0).start();
            int to = expression.isEmpty() ? -1 : expression.get(expression.size() - 1).end();
            if (expression.size() == 1) {
                Token t = expression.get(0);
                if (t.type() == Type.PARAM) {
                    return new ColumnValue(null, false, t.parameter(), null, from, to);
                }
                if (t.type() == Type.STRING || t.type() == Type.NUMBER || t.isWord("NULL") || t.isWord("TRUE")
                        || t.isWord("FALSE")) {
                    return new ColumnValue(null, false, 0, t.text(), from, to);
                }
            }
            if (expression.size() == 2 && (expression.get(0).isSymbol('-') || expression.get(0).isSymbol('+'))
                    && expression.get(1).type() == Type.NUMBER) {
                return new ColumnValue(null, false, 0, expression.get(0).text() + expression.get(1).text(), from,
                        to);
            }
            return new ColumnValue(null, false, 0, null, from, to);
        }

        private Token peek() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        private Token next() {
            return at < tokens.size() ? tokens.get(at++) : null;
        }

        private boolean accept(String word) {
            if (peek() != null && peek().isWord(word)) {
                at++;
                return true;
            }
            return false;
        }
    }
}
