package io.github.integrityjdbc.guarantees;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.CapturedLog;
import io.github.integrityjdbc.testing.Servers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The masking contract, on every database of the matrix: a value of a masked column ({@code secret_token}, masked by
 * the default {@code integrity.mask}), of the statement's row or of another row, never appears in anything
 * integrity-jdbc emits, and the database's part of the message is its own text with exactly those values replaced by
 * {@code ****}. The values are the hard ones: one character, pieces of keywords and of the table's name, a piece of
 * the other row's value, unicode, quotes, empty.
 */
class MaskedValuesPropertyTest {

    private static final String TABLE = "mask_prop";
    private static final String INSERT = "INSERT INTO " + TABLE + " (id, nick, secret_token) VALUES (?, ?, ?)";
    private static final Set<String> CREATED = new HashSet<>();

    /** One database: the URL through integrity-jdbc and its DDL for the test table. */
    private enum Database {
        H2("jdbc:integrity:h2:mem:mask_prop;DB_CLOSE_DELAY=-1", "VARCHAR(200)"),
        HSQLDB("jdbc:integrity:hsqldb:mem:mask_prop", "VARCHAR(200)"),
        DERBY("jdbc:integrity:derby:memory:mask_prop;create=true", "VARCHAR(200)"),
        SQLITE("jdbc:integrity:sqlite:target/mask_prop.sqlite", "VARCHAR(200)"),
        POSTGRESQL(Servers.POSTGRES_URL, "VARCHAR(200)"),
        MARIADB(Servers.MARIADB_URL, "VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");

        final String url;
        final String text;

        Database(String url, String text) {
            this.url = url;
            this.text = text;
        }

        Connection open() throws SQLException {
            if (this == POSTGRESQL) {
                Servers.requirePostgres();
            } else if (this == MARIADB) {
                Servers.requireMariaDb();
            }
            Properties everyLine = new Properties();
            everyLine.setProperty("integrity.log.rate", "unlimited"); // every line is checked, over many tries
            Connection connection = DriverManager.getConnection(url, everyLine);
            if (CREATED.add(name())) {
                try (Statement statement = connection.createStatement()) {
                    try {
                        statement.execute("DROP TABLE " + TABLE);
                    } catch (SQLException absent) {
                        // first run
                    }
                    statement.execute("CREATE TABLE " + TABLE + " (id INT PRIMARY KEY, nick " + text
                            + " NOT NULL, secret_token " + text + " UNIQUE)");
                }
            }
            return connection;
        }
    }

    @AfterContainer
    static void dropTables() {
        for (String name : CREATED) {
            try (Connection connection = DriverManager.getConnection(Database.valueOf(name).url);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + TABLE);
            } catch (SQLException ignored) {
                // an in-memory database may be gone already
            }
        }
        CREATED.clear();
    }

    @Property(tries = 40)
    void h2(@ForAll("secrets") Tuple2<String, String> secrets) throws SQLException {
        check(Database.H2, secrets.get1(), secrets.get2());
    }

    @Property(tries = 40)
    void hsqldb(@ForAll("secrets") Tuple2<String, String> secrets) throws SQLException {
        check(Database.HSQLDB, secrets.get1(), secrets.get2());
    }

    @Property(tries = 30)
    void derby(@ForAll("secrets") Tuple2<String, String> secrets) throws SQLException {
        check(Database.DERBY, secrets.get1(), secrets.get2());
    }

    @Property(tries = 40)
    void sqlite(@ForAll("secrets") Tuple2<String, String> secrets) throws SQLException {
        check(Database.SQLITE, secrets.get1(), secrets.get2());
    }

    @Property(tries = 30)
    void postgresql(@ForAll("secrets") Tuple2<String, String> secrets) throws SQLException {
        check(Database.POSTGRESQL, secrets.get1(), secrets.get2());
    }

    @Property(tries = 30)
    void mariadb(@ForAll("secrets") Tuple2<String, String> secrets) throws SQLException {
        check(Database.MARIADB, secrets.get1(), secrets.get2());
    }

    /**
     * The existing row holds {@code existing}; three statements fail: the same primary key with {@code mine} (H2
     * lists the existing row), {@code existing} again in the unique masked column (its value is the key), once bound
     * and once as an SQL literal, and a NOT NULL failure of a row holding {@code mine} (PostgreSQL lists the row).
     */
    private static void check(Database database, String existing, String mine) throws SQLException {
        List<String> secrets = List.of(existing, mine);
        try (Connection connection = database.open();
             CapturedLog log = new CapturedLog("io.github.integrityjdbc.violations")) {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM " + TABLE);
            }
            insert(connection, 101, "nick101", existing);

            SQLException duplicateKey = failing(connection, 101, "nick102", mine);
            assertMasked(duplicateKey, secrets, 2);
            SQLException duplicateSecret = failing(connection, 102, "nick102", existing);
            assertMasked(duplicateSecret, secrets, 2);
            SQLException literal;
            try (Statement statement = connection.createStatement()) {
                literal = assertThrowsSql(() -> statement.executeUpdate("INSERT INTO " + TABLE
                        + " (id, nick, secret_token) VALUES (103, 'nick103', '" + existing.replace("'", "''")
                        + "')"));
            }
            assertMasked(literal, secrets, -1);
            SQLException notNull = failing(connection, 104, null, mine);
            assertMasked(notNull, secrets, 2);

            assertEquals(4, log.events().size(), "one line per violation");
            for (ILoggingEvent event : log.events()) {
                assertNoValue(event.getFormattedMessage(), secrets, "log line");
                assertNoValue(CapturedLog.keyValues(event).toString(), secrets, "log key-values");
            }
        }
    }

    private static void insert(Connection connection, int id, String nick, String secret) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setInt(1, id);
            insert.setString(2, nick);
            insert.setString(3, secret);
            insert.executeUpdate();
        }
    }

    private static SQLException failing(Connection connection, int id, String nick, String secret)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setInt(1, id);
            insert.setString(2, nick);
            insert.setString(3, secret);
            return assertThrowsSql(insert::executeUpdate);
        }
    }

    private interface Failing {
        void run() throws SQLException;
    }

    private static SQLException assertThrowsSql(Failing failing) {
        try {
            failing.run();
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("the statement did not fail");
    }

    /**
     * Every output: the report's fields, its explanation and toString; and the message, whose database part must be
     * the original's text with only masked values replaced.
     *
     * @param secretParameter 0-based index of the bound secret, or -1 for a statement with literals
     */
    private static void assertMasked(SQLException e, List<String> secrets, int secretParameter) {
        ViolationReport report = IntegrityViolations.find(e).orElseThrow(() -> new AssertionError("no report", e));
        if (secretParameter >= 0) {
            assertEquals("****", report.parameters().get(secretParameter), report.parameters().toString());
        }
        String explanation = "\nintegrity-jdbc: " + report.explain();
        assertTrue(e.getMessage().endsWith(explanation), e.getMessage());
        String databasePart = e.getMessage().substring(0, e.getMessage().length() - explanation.length());
        String original = e.getCause().getMessage();
        assertNotNull(original);
        assertOnlyValuesReplaced(databasePart, original, secrets);
        assertNoValue(databasePart, secrets, "message");
        assertNoValue(report.explain(), secrets, "explanation");
        assertNoValue(String.valueOf(report.sql()), secrets, "sql");
        assertNoValue(report.parameters().toString(), secrets, "parameters");
        assertNoValue(report.offendingValues().toString(), secrets, "offending values");
        assertNoValue(report.toString(), secrets, "report");
        for (String value : report.offendingValues().values()) {
            assertFalse(secrets.contains(value), value);
        }
    }

    /**
     * The masked text is the original with some parts replaced by ****, each part one of the masked values as the
     * database wrote it: raw, with its quotes doubled, or as H2's unicode literal.
     */
    private static void assertOnlyValuesReplaced(String masked, String original, List<String> secrets) {
        String[] pieces = masked.split(Pattern.quote("****"), -1);
        StringBuilder regex = new StringBuilder("(?s)");
        for (int i = 0; i < pieces.length; i++) {
            regex.append(Pattern.quote(pieces[i]));
            if (i < pieces.length - 1) {
                regex.append("(.*?)");
            }
        }
        Matcher m = Pattern.compile(regex.toString()).matcher(original);
        assertTrue(m.matches(), () -> "not the database's text with values replaced:\n" + masked + "\nfrom\n"
                + original);
        Set<String> allowed = new HashSet<>();
        for (String secret : secrets) {
            allowed.add(secret);
            allowed.add(secret.replace("'", "''"));
            allowed.add(secret.replace("'", "''").replace("\"", "\"\"")); // inside H2's double-quoted part
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            String replaced = m.group(g);
            assertTrue(allowed.contains(replaced) || allowed.contains(fromH2UnicodeLiteral(replaced)),
                    "replaced '" + replaced + "', not a masked value, in:\n" + original);
        }
    }

    /**
     * No masked value stands in {@code text} as a value: quoted (as integrity-jdbc, H2, MariaDB and SQL show text), as
     * PostgreSQL's key detail shows it, or last in a listed row (the masked column is the table's last).
     */
    private static void assertNoValue(String text, List<String> secrets, String where) {
        for (String secret : secrets) {
            if (secret.isEmpty()) {
                continue;
            }
            List<String> forms = new ArrayList<>();
            for (String inner : new HashSet<>(List.of(secret, secret.replace("'", "''")))) {
                forms.add("'" + inner + "'");
                forms.add("=(" + inner + ")");
                forms.add(", " + inner + ")");
            }
            for (String form : forms) {
                assertFalse(text.contains(form), () -> where + " shows the masked value " + form + ": " + text);
            }
        }
    }

    /** The value of H2's {@code U&'\\00c0'} (text beyond ASCII), masked whole; null for anything else. */
    private static String fromH2UnicodeLiteral(String literal) {
        if (!literal.startsWith("U&'") || !literal.endsWith("'")) {
            return null;
        }
        Matcher escape = Pattern.compile("\\\\{1,2}(\\+[0-9a-fA-F]{6}|[0-9a-fA-F]{4})")
                .matcher(literal.substring(3, literal.length() - 1).replace("''", "'"));
        StringBuilder value = new StringBuilder();
        while (escape.find()) {
            String hex = escape.group(1);
            escape.appendReplacement(value, Matcher.quoteReplacement(Character.toString(
                    Integer.parseInt(hex.startsWith("+") ? hex.substring(1) : hex, 16))));
        }
        escape.appendTail(value);
        return value.toString();
    }

    @Provide
    Arbitrary<Tuple2<String, String>> secrets() {
        Arbitrary<String> any = Arbitraries.oneOf(
                Arbitraries.chars().alpha().map(String::valueOf),
                Arbitraries.of("a", "e", "i", "o", "r", "y", "KEY", "Key", "INSERT", "INTO", "VALUES", "primary",
                        "violation", "constraint", "unique", "PUBLIC", "Column", "cannot", "exists", "row", "ERROR"),
                Arbitraries.of("mask", "prop", "MASK", "PROP", "sk_p", "K_PR", "secret", "token"),
                Arbitraries.strings().withCharRange('\u00c0', '\u024f').withChars('€', '日', '本')
                        .ofMinLength(1).ofMaxLength(8),
                Arbitraries.of("it's", "'", "''", "a'b", "\"q\"", "O'Hara"),
                Arbitraries.just(""),
                Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(12));
        Arbitrary<Tuple2<String, String>> unrelated = Combinators.combine(any, any).as(Tuple::of);
        Arbitrary<Tuple2<String, String>> pieceOfTheOther = any.filter(s -> s.length() >= 2)
                .map(s -> Tuple.of(s + "-1", s));
        return Arbitraries.oneOf(unrelated, pieceOfTheOther).filter(t -> !t.get1().equals(t.get2()));
    }
}
