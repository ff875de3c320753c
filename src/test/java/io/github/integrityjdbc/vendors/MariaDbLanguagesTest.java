package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.testing.Binding;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every language MariaDB 10.11 ships ({@code lc_messages}), each violation the MySQL dialect reads: the same facts as
 * in English, and a masked value replaced where the translated message shows it, the rest of the text kept. A
 * duplicate value holding quotes and the English words around it shows that nothing is read by words.
 */
class MariaDbLanguagesTest {

    private static final String INSERT = "INSERT INTO ij_lang_person (id, email, name, age, small) VALUES (?, ?, ?, ?, ?)";
    /** Quotes and the words of the English message inside a value. */
    private static final String TRICKY = "it's' for key 'uq_x";

    @BeforeAll
    static void createSchema() throws SQLException {
        Servers.requireMariaDb();
        try (Connection c = DriverManager.getConnection(Servers.MARIADB_URL);
             Statement s = c.createStatement()) {
            dropSchema(s);
            s.execute("CREATE TABLE ij_lang_parent (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE ij_lang_child (id INT PRIMARY KEY, parent_id INT,"
                    + " CONSTRAINT fk_ij_lang_child FOREIGN KEY (parent_id) REFERENCES ij_lang_parent (id))");
            s.execute("CREATE TABLE ij_lang_person (id INT PRIMARY KEY, email VARCHAR(100), name VARCHAR(10) NOT NULL,"
                    + " age INT, small SMALLINT, CONSTRAINT uq_ij_lang_email UNIQUE (email),"
                    + " CONSTRAINT ck_ij_lang_age CHECK (age >= 0))");
            s.execute("INSERT INTO ij_lang_parent VALUES (1)");
            s.execute("INSERT INTO ij_lang_child VALUES (10, 1)");
            s.execute("INSERT INTO ij_lang_person (id, email, name) VALUES (1, '" + TRICKY.replace("'", "''")
                    + "', 'Alice')");
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        try (Connection c = DriverManager.getConnection(Servers.MARIADB_URL);
             Statement s = c.createStatement()) {
            dropSchema(s);
        }
    }

    private static void dropSchema(Statement s) throws SQLException {
        s.execute("DROP TABLE IF EXISTS ij_lang_child, ij_lang_parent, ij_lang_person");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR", "nl_NL", "sv_SE", "da_DK", "nb_NO",
        "pl_PL", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "et_EE", "el_GR", "ru_RU", "uk_UA", "bg_BG", "sr_RS", "ka_GE",
        "hi_IN", "ja_JP", "ko_KR", "zh_CN"})
    void sameFactsInEveryLanguage(String language) throws SQLException {
        try (Connection c = open(language)) {
            ViolationReport duplicate = fails(c, INSERT, 2, TRICKY, "Bob", 1, 1);
            assertFacts(duplicate, ViolationKind.UNIQUE, "uq_ij_lang_email", "ij_lang_person", List.of("email"));
            assertEquals(Map.of("email", "****"), duplicate.offendingValues());

            assertFacts(fails(c, "INSERT INTO ij_lang_child (id, parent_id) VALUES (?, ?)", 11, 999),
                    ViolationKind.FOREIGN_KEY, "fk_ij_lang_child", "ij_lang_child", List.of("parent_id"));
            assertFacts(fails(c, "DELETE FROM ij_lang_parent WHERE id = ?", 1),
                    ViolationKind.FOREIGN_KEY, "fk_ij_lang_child", "ij_lang_child", List.of("parent_id"));
            assertFacts(fails(c, INSERT, 3, "c@x", null, 1, 1),
                    ViolationKind.NOT_NULL, null, "ij_lang_person", List.of("name"));
            assertFacts(fails(c, "INSERT INTO ij_lang_person (id, email) VALUES (?, ?)", 3, "c@x"),
                    ViolationKind.NOT_NULL, null, "ij_lang_person", List.of("name"));
            assertFacts(fails(c, INSERT, 3, "c@x", "Carol", -1, 1),
                    ViolationKind.CHECK, "ck_ij_lang_age", "ij_lang_person", List.of("age"));
            assertFacts(fails(c, INSERT, 3, "c@x", "ABCDEFGHIJKLMNOP", 1, 1),
                    ViolationKind.VALUE_TOO_LONG, null, "ij_lang_person", List.of("name"));
            assertFacts(fails(c, INSERT, 3, "c@x", "Carol", 1, 100000),
                    ViolationKind.OUT_OF_RANGE, null, "ij_lang_person", List.of("small"));
        }
    }

    /** The duplicate's message keeps the server's translated text, with exactly the masked value replaced. */
    @ParameterizedTest
    @ValueSource(strings = {"de_DE", "fr_FR", "ja_JP", "zh_CN"})
    void maskedValueReplacedInTheTranslatedMessage(String language) throws SQLException {
        try (Connection c = open(language);
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            Binding.bindAll(insert, 2, TRICKY, "Bob", 1, 1);
            SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
            String original = e.getCause().getMessage();
            assertNotEquals(-1, original.indexOf(TRICKY), original);
            String expected = original.replace(TRICKY, "****");
            assertEquals(expected, e.getMessage().substring(0, expected.length()));
            assertEquals(-1, e.getMessage().indexOf("it's"), e.getMessage());
        }
    }

    /** A connection whose server speaks {@code language}, with the email column masked. */
    private static Connection open(String language) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("integrity.mask", "email");
        return DriverManager.getConnection(Servers.MARIADB_URL + "&sessionVariables=lc_messages=" + language,
                properties);
    }

    private static ViolationReport fails(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            Binding.bindAll(statement, values);
            SQLException e = assertThrows(SQLException.class, statement::executeUpdate);
            return IntegrityViolations.find(e).orElseThrow(() -> new AssertionError("no report in " + e, e));
        }
    }

    private static void assertFacts(ViolationReport r, ViolationKind kind, String constraint, String table,
                                    List<String> columns) {
        String message = r.explain();
        assertEquals(kind, r.kind(), message);
        assertEquals(Optional.ofNullable(constraint), r.constraint(), "constraint: " + message);
        assertEquals(Optional.ofNullable(table), r.table(), "table: " + message);
        assertEquals(columns, r.columns(), "columns: " + message);
    }
}
