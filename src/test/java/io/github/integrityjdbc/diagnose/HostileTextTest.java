package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.diagnose.SqlShape.ColumnValue;
import io.github.integrityjdbc.diagnose.SqlShape.Operation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random and hostile text fed to the message parser ({@link H2Dialect#read}) and the SQL reader ({@link SqlShape},
 * {@link SqlText}): nothing escapes, time stays bounded, and a fact given is the right one or is absent.
 */
class HostileTextTest {

    /**
     * Per call on a 1 MB text. Reading is linear (a fraction of a second on an idle machine, a few seconds on a
     * loaded CI runner); a quadratic or backtracking path takes hours on such a text, far past this bound. Small
     * random texts are read without a watch: the megabyte ones are where time could run away.
     */
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String[] STATES = {"23505", "23503", "23506", "23502", "23513", "22001", "22003", "22004",
        "23", "2", "", null};
    private static final int MB = 1 << 20;

    // ****  any text  ****

    @Property(tries = 300)
    void anyMessage_readWithoutEscapingException(@ForAll("hostile") String message) {
        for (String state : STATES) {
            ErrorFacts facts = read(message, state);
            assertFactsAreFromTheMessage(message, facts);
        }
    }

    /** Every dialect with the SQLStates and vendor codes its database uses for violations. */
    private static final List<Object[]> DIALECT_CASES = List.of(
            dialect(new PostgresDialect(), "23505", 0, "23503", 0, "23502", 0, "23514", 0, "23P01", 0, "22001", 0,
                    "22003", 0),
            dialect(new MySqlDialect(), "23000", 1062, "23000", 1452, "23000", 1451, "23000", 1048, "23000", 1216,
                    "23000", 1217, "23000", 1586, "HY000", 3819, "HY000", 4025, "22001", 1406, "22003", 1264,
                    "HY000", 1364),
            dialect(new HsqldbDialect(), "23505", -104, "23503", -177, "23502", -10, "23513", -157, "22001", -3401,
                    "22003", -3401),
            dialect(new DerbyDialect(), "23505", 20000, "23503", 20000, "23502", 20000, "23513", 20000,
                    "23516", 20000, "22001", 20000, "22003", 20000),
            dialect(new SqliteDialect(), null, 19, null, 2067, null, 1555, null, 787, null, 1299, null, 275,
                    "23000", 19));

    private static Object[] dialect(Dialect dialect, Object... statesAndCodes) {
        return new Object[] {dialect, statesAndCodes};
    }

    @Property(tries = 200)
    void anyMessage_everyVendorDialect_readWithoutEscapingException(@ForAll("hostile") String message) {
        for (Object[] c : DIALECT_CASES) {
            Object[] statesAndCodes = (Object[]) c[1];
            for (int i = 0; i < statesAndCodes.length; i += 2) {
                ErrorFacts facts = readWith((Dialect) c[0], message, (String) statesAndCodes[i],
                        (Integer) statesAndCodes[i + 1]);
                assertFactsAreFromTheMessage(message, facts);
            }
        }
    }

    @Property(tries = 300)
    void anySql_readWithoutEscapingException(@ForAll("hostile") String sql) {
        SqlShape shape = SqlShape.of(sql);
        List<SqlText.Token> tokens = SqlText.tokenize(sql);
        for (SqlText.Token t : tokens) {
            assertEquals(t.text(), sql.substring(t.start(), t.end()), "a token is a piece of the text");
        }
        for (ColumnValue cv : shape.assignments()) {
            assertTrue(cv.parameter() >= 0 && cv.parameter() <= parameterCount(tokens), sql);
            assertTrue(cv.literal() == null || sql.contains(cv.literal()), sql);
        }
        SqlText.splitList(sql);
    }

    /** Each parser path once (23503 reads as 23506, 22003 as 22004, any other state as none). */
    @Example
    void megabyteTexts_readInBoundedTime() {
        List<String> texts = List.of(
                "(".repeat(MB), ")".repeat(MB), "'".repeat(MB), "\"".repeat(MB), "/*".repeat(MB / 2),
                "--".repeat(MB / 2), "$a$".repeat(MB / 3), "?".repeat(MB), "''".repeat(MB / 2),
                "INSERT INTO t (" + "a, ".repeat(MB / 3) + ") VALUES (" + "?, ".repeat(MB / 3),
                "UPDATE t SET " + "a = ?, ".repeat(MB / 8) + " WHERE " + "b = ? AND ".repeat(MB / 10),
                "INSERT INTO t VALUES (" + "f(".repeat(MB / 2),
                "\"a b\": \"".repeat(MB / 8) + " (1)",
                "a '".repeat(MB / 3) + "' to length 10.", "'a'b'(x".repeat(MB / 7),
                "\"A INDEX B ON ".repeat(MB / 14),
                "\"" + "A".repeat(MB),
                "\"" + "A.".repeat(MB / 2),
                "\"FK: A.B FOREIGN KEY(C) REFERENCES D.E(F) (" + "(".repeat(MB),
                ") VALUES ( /* 1 */ ".repeat(MB / 19) + "x",
                "\uD800".repeat(MB), "\u2028\u0000\u001b[31m".repeat(MB / 8));
        for (String text : texts) {
            String start = text.substring(0, 20);
            within(() -> SqlShape.of(text), () -> "SqlShape.of " + start);
            within(() -> SqlText.splitList(text), () -> "SqlText.splitList " + start);
            for (String state : new String[] {"23505", "23506", "23502", "23513", "22001", "22004", null}) {
                within(() -> read(text, state), () -> "H2Dialect.read " + state + " " + start);
            }
            for (Object[] c : DIALECT_CASES) {
                Object[] statesAndCodes = (Object[]) c[1];
                for (int i = 0; i < statesAndCodes.length; i += 2) {
                    String state = (String) statesAndCodes[i];
                    int code = (Integer) statesAndCodes[i + 1];
                    within(() -> readWith((Dialect) c[0], text, state, code),
                            () -> c[0].getClass().getSimpleName() + ".read " + state + "/" + code + " " + start);
                }
            }
        }
    }

    // ****  texts shaped like the real thing: the facts are the right ones, or absent  ****

    @Property(tries = 300)
    void h2UniqueMessage_factsRightOrAbsent(@ForAll("identifier") String constraint,
                                            @ForAll("identifier") String table,
                                            @ForAll("identifier") String column,
                                            @ForAll("value") String value,
                                            @ForAll("hostile") String sql) {
        String literal = "'" + value.replace("'", "''") + "'";
        String message = "Unique index or primary key violation: \"PUBLIC." + constraint + " INDEX PUBLIC."
                + constraint + "_INDEX_8 ON PUBLIC." + table + "(" + column + " NULLS FIRST) VALUES ( /* 1 */ "
                + literal + " )\"; SQL statement:\n" + sql + " [23505-252]";
        ErrorFacts facts = read(message, "23505");
        assertEquals(constraint, facts.constraint());
        assertEquals(table, facts.table());
        assertEquals(List.of(column), facts.columns());
        String read = facts.messageValues().get(column);
        assertTrue(read == null || read.equals(literal), () -> "value " + read + " instead of " + literal);
    }

    @Property(tries = 300)
    void h2ForeignKeyMessage_factsRightOrAbsent(@ForAll("identifier") String constraint,
                                                @ForAll("identifier") String table,
                                                @ForAll("identifier") String column,
                                                @ForAll("identifier") String parent,
                                                @ForAll("identifier") String parentColumn,
                                                @ForAll("value") String value,
                                                @ForAll("hostile") String sql) {
        String literal = "'" + value.replace("'", "''") + "'";
        String message = "Referential integrity constraint violation: \"" + constraint + ": PUBLIC." + table
                + " FOREIGN KEY(" + column + ") REFERENCES PUBLIC." + parent + "(" + parentColumn + ") (" + literal
                + ")\"; SQL statement:\n" + sql + " [23506-252]";
        ErrorFacts facts = read(message, "23506");
        assertEquals(ViolationKind.FOREIGN_KEY, facts.kind());
        assertEquals(constraint, facts.constraint());
        assertEquals(table, facts.table());
        assertEquals(List.of(column), facts.columns());
        assertEquals(parent, facts.referencedTable());
        assertEquals(List.of(parentColumn), facts.referencedColumns());
        String read = facts.messageValues().get(column);
        assertTrue(read == null || read.equals(literal), () -> "value " + read + " instead of " + literal);
    }

    @Property(tries = 300)
    void h2NotNullAndCheckMessages_factsRightOrAbsent(@ForAll("identifier") String name,
                                                      @ForAll("hostile") String sql) {
        ErrorFacts notNull = read("NULL not allowed for column \"" + name + "\"; SQL statement:\n" + sql
                + " [23502-252]", "23502");
        assertEquals(List.of(name), notNull.columns());
        assertEquals(null, notNull.constraint());
        ErrorFacts check = read("Check constraint violation: \"" + name + ": \"; SQL statement:\n" + sql
                + " [23513-252]", "23513");
        assertEquals(name, check.constraint());
        assertEquals(List.of(), check.columns());
    }

    @Property(tries = 500)
    void insert_readRightOrNotAtAll(@ForAll("insert") Statement statement) {
        SqlShape shape = SqlShape.of(statement.sql);
        if (shape.operation() == Operation.OTHER) {
            return; // absent is allowed; wrong is not
        }
        assertEquals(Operation.INSERT, shape.operation(), statement.sql);
        assertEquals(statement.table, shape.table(), statement.sql);
        assertEquals(statement.expected, SqlShapeTest.unplaced(shape.assignments()), statement.sql);
    }

    @Property(tries = 500)
    void update_readRightOrNotAtAll(@ForAll("update") Statement statement) {
        SqlShape shape = SqlShape.of(statement.sql);
        if (shape.operation() == Operation.OTHER) {
            return;
        }
        assertEquals(Operation.UPDATE, shape.operation(), statement.sql);
        assertEquals(statement.table, shape.table(), statement.sql);
        assertEquals(statement.expected, SqlShapeTest.unplaced(shape.assignments()), statement.sql);
        assertEquals(statement.conditions, SqlShapeTest.unplaced(shape.conditions()), statement.sql);
    }

    // ****  generators  ****

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> sqlish = Arbitraries.strings()
                .withChars("'\"`()[]/*-?$;,.=\n\r\t\\ aAzZ09_é\u2028\u0000")
                .ofMaxLength(200);
        Arbitrary<String> fragments = Arbitraries.of("'", "''", "\"", "(", ")", "/*", "*/", "--", "\n", "$$",
                "$tag$", "?", "??", " VALUES ", " INTO ", "INSERT", "UPDATE", " SET ", " WHERE ", " = ", ",",
                "PUBLIC.", " ON ", " INDEX ", " PRIMARY KEY", " FOREIGN KEY(", " REFERENCES ", ": \"", " (12)\"",
                "/* 1 */", "\u0000", "\uD83D\uDE00", "\uD800", "é", "\u202E")
                .list().ofMaxSize(60).map(parts -> String.join("", parts));
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200), sqlish, fragments);
    }

    @Provide
    Arbitrary<String> identifier() {
        return Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.equals("ON"))
                .flatMap(head -> Arbitraries.strings().withCharRange('0', '9').withCharRange('A', 'Z')
                        .withChars('_').ofMaxLength(6).map(tail -> head + tail));
    }

    @Provide
    Arbitrary<String> value() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("'\"()/* ,?ab").ofMaxLength(40));
    }

    /** One column and its value in a generated statement. */
    private record Part(String column, String columnSql, boolean quoted, String valueSql, int parameters,
                        boolean single, String literal) {
    }

    /** A generated statement and what a right reading of it says. */
    static final class Statement {
        String sql;
        String table;
        List<ColumnValue> expected = new ArrayList<>();
        List<ColumnValue> conditions = new ArrayList<>();

        @Override
        public String toString() {
            return sql;
        }
    }

    @Provide
    Arbitrary<Statement> insert() {
        return Combinators.combine(name(), part().list().ofMinSize(1).ofMaxSize(8), gap(), gap())
                .as((table, parts, gap1, gap2) -> {
                    Statement s = new Statement();
                    s.table = table.name;
                    StringBuilder columns = new StringBuilder();
                    StringBuilder values = new StringBuilder();
                    int parameter = 0;
                    for (int i = 0; i < parts.size(); i++) {
                        Part p = parts.get(i);
                        columns.append(i == 0 ? "" : "," + gap1).append(p.columnSql);
                        values.append(i == 0 ? "" : gap2 + ",").append(p.valueSql);
                        s.expected.add(new ColumnValue(p.column, p.quoted,
                                p.single && p.parameters == 1 ? parameter + 1 : 0, p.literal));
                        parameter += p.parameters;
                    }
                    s.sql = "INSERT" + gap1 + "INTO " + table.sql + gap2 + "(" + columns + ")" + gap1 + "VALUES"
                            + gap2 + "(" + values + ")" + gap1;
                    return s;
                });
    }

    @Provide
    Arbitrary<Statement> update() {
        return Combinators.combine(name(), part().list().ofMinSize(1).ofMaxSize(6), part(), gap(), gap())
                .as((table, parts, where, gap1, gap2) -> {
                    Statement s = new Statement();
                    s.table = table.name;
                    StringBuilder set = new StringBuilder();
                    int parameter = 0;
                    for (int i = 0; i < parts.size(); i++) {
                        Part p = parts.get(i);
                        set.append(i == 0 ? "" : gap1 + ",").append(p.columnSql).append(gap2).append('=')
                                .append(p.valueSql);
                        s.expected.add(new ColumnValue(p.column, p.quoted,
                                p.single && p.parameters == 1 ? parameter + 1 : 0, p.literal));
                        parameter += p.parameters;
                    }
                    if (where.single && (where.parameters == 1 || where.literal != null
                            && !where.literal.matches("(?i)NULL|TRUE|FALSE|[-+].*"))) {
                        s.conditions.add(new ColumnValue(where.column, where.quoted,
                                where.parameters == 1 ? parameter + 1 : 0, where.literal));
                        s.sql = "UPDATE " + table.sql + gap1 + "SET " + set + gap2 + "WHERE " + where.columnSql
                                + " = " + where.valueSql;
                    } else {
                        s.sql = "UPDATE " + table.sql + gap1 + "SET " + set;
                    }
                    return s;
                });
    }

    private record Name(String name, String sql, boolean quoted) {
    }

    private Arbitrary<Name> name() {
        Arbitrary<Name> plain = identifier().map(id -> new Name(id.toLowerCase(), id.toLowerCase(), false));
        Arbitrary<Name> quoted = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(15)
                .map(text -> new Name(text, "\"" + text.replace("\"", "\"\"") + "\"", true));
        return Arbitraries.oneOf(plain, plain, quoted);
    }

    private Arbitrary<Part> part() {
        Arbitrary<String[]> value = Arbitraries.oneOf(
                Arbitraries.just(new String[] {"?", "1", "single", null}),
                Arbitraries.strings().all().ofMaxLength(20)
                        .map(text -> {
                            String literal = "'" + text.replace("'", "''") + "'";
                            return new String[] {literal, "0", "single", literal};
                        }),
                Arbitraries.integers().between(0, 1_000_000)
                        .map(n -> new String[] {String.valueOf(n), "0", "single", String.valueOf(n)}),
                Arbitraries.just(new String[] {"coalesce(?, ?)", "2", "expression", null}),
                Arbitraries.just(new String[] {"lower('a,b)')", "0", "expression", null}),
                Arbitraries.just(new String[] {"(? + 1)", "1", "expression", null}));
        return Combinators.combine(name(), value, gap())
                .as((name, v, gap) -> new Part(name.name, name.sql, name.quoted, gap + v[0] + gap,
                        Integer.parseInt(v[1]), v[2].equals("single"), v[3]));
    }

    /** Whitespace and comments, which may hold anything a comment can. */
    private Arbitrary<String> gap() {
        Arbitrary<String> blockComment = Arbitraries.strings().all().ofMaxLength(20)
                .filter(text -> !text.contains("*/"))
                .map(text -> " /*" + text + "*/ ");
        Arbitrary<String> lineComment = Arbitraries.strings().all().ofMaxLength(20)
                .filter(text -> text.indexOf('\n') < 0)
                .map(text -> " --" + text + "\n");
        return Arbitraries.oneOf(Arbitraries.of(" ", "\n\t", "  "), blockComment, lineComment);
    }

    // ****  helpers  ****

    private static ErrorFacts read(String message, String state) {
        ErrorReading reading = new ErrorReading(Dialect.standardKind(state));
        new H2Dialect().read(new SQLException(message, state), reading);
        return reading.facts(message, message, new H2Dialect());
    }

    /** As the explainer does: the kind the dialect classifies, then what it reads. */
    private static ErrorFacts readWith(Dialect dialect, String message, String state, int code) {
        SQLException e = new SQLException(message, state, code);
        ViolationKind kind = dialect.classify(e);
        ErrorReading reading = new ErrorReading(kind == null ? Dialect.standardKind(state) : kind);
        dialect.read(e, reading);
        return reading.facts(message, message, dialect);
    }

    /** Whatever the dialect read from a text, it found in that text. */
    private static void assertFactsAreFromTheMessage(String message, ErrorFacts facts) {
        for (String fact : new String[] {facts.constraint(), facts.table(), facts.schema(), facts.referencedTable()}) {
            assertTrue(fact == null || message.contains(fact), fact);
        }
        for (String column : facts.columns()) {
            assertTrue(message.contains(column), column);
        }
        facts.messageValues().values().forEach(value -> assertTrue(message.contains(value), value));
    }

    private static int parameterCount(List<SqlText.Token> tokens) {
        return (int) tokens.stream().filter(t -> t.type() == SqlText.Type.PARAM).count();
    }

    private static <T> T within(Supplier<T> work, Supplier<String> what) {
        return assertTimeoutPreemptively(BOUND, work::get, what);
    }
}
