package io.github.integrityjdbc.diagnose;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@link H2Dialect.UniqueHead}, the hand-written reader of a unique violation's quoted part, reads exactly what the
 * regular expression it replaces matched at the message's first double quote: the same names, or nothing.
 */
class H2UniqueHeadTest {

    /** The regular expression H2Dialect used, the oracle. */
    private static final String QUALIFIED = "(?:(\\w+)\\.)?(\\w+)";
    private static final Pattern UNIQUE = Pattern.compile(
            "\"" + QUALIFIED + "( PRIMARY KEY| INDEX (?:\\w+\\.)?(\\w+))? ON " + QUALIFIED + "\\(([^)]*)\\)");

    @Example
    void realMessages_readAsTheRegularExpressionDoes() {
        assertSameAsRegex("Unique index or primary key violation: \"PUBLIC.UQ_CUSTOMER_EMAIL INDEX"
                + " PUBLIC.UQ_CUSTOMER_EMAIL_INDEX_5 ON PUBLIC.CUSTOMER(EMAIL NULLS FIRST) VALUES ( /* 1 */"
                + " 'ada@example.com' )\"; SQL statement:\nINSERT INTO customer VALUES (?) [23505-252]");
        assertSameAsRegex("Unique index or primary key violation: \"PUBLIC.PRIMARY_KEY_5 ON PUBLIC.T(ID)"
                + " ( /* key:1 */ 1, 'a')\"; SQL statement:\nINSERT INTO t VALUES (1, 'a') [23505-252]");
        assertSameAsRegex("\"PK PRIMARY KEY ON T(ID) ( /* key:1 */ 1)\"");
        H2Dialect.UniqueHead head = H2Dialect.UniqueHead.read("x \"S.C INDEX S.I ON S.T(A, B DESC)\" y");
        assertNotNull(head);
        assertEquals("C", head.constraint);
        assertEquals("I", head.index);
        assertEquals("S", head.schema);
        assertEquals("T", head.table);
        assertEquals("A, B DESC", head.columns);
        assertNull(H2Dialect.UniqueHead.read("\"A.B.C ON T(X)\""), "two dots: no reading");
        assertNull(H2Dialect.UniqueHead.read("\"C PRIMARY KEY INDEX I ON T(X)\""));
        assertNull(H2Dialect.UniqueHead.read("\"C ON T(X\""), "no closing parenthesis");
    }

    @Property(tries = 2000)
    void anyText_readAsTheRegularExpressionDoes(@ForAll("uniqueish") String message) {
        assertSameAsRegex(message);
    }

    @Provide
    Arbitrary<String> uniqueish() {
        Arbitrary<String> fragments = Arbitraries.of("\"", "PUBLIC", ".", "UQ_1", "C", "T", "é", " ", "  ", " ON ",
                " ON", "ON ", " INDEX ", " INDEX", " PRIMARY KEY", " PRIMARY", "(", ")", "A, B", "EMAIL NULLS FIRST",
                ")\"", " VALUES ( /* 1 */ 'a' )", "\n", "_", "9", "ß", "\u0000", ":", "-")
                .list().ofMaxSize(25).map(parts -> String.join("", parts));
        return Arbitraries.oneOf(fragments, fragments.map(text -> "Unique index or primary key violation: \"" + text),
                Arbitraries.strings().withChars("\"._ ()ONIDEXPRMAYKT1é").ofMaxLength(60));
    }

    private static void assertSameAsRegex(String message) {
        int quote = message.indexOf('"');
        Matcher m = UNIQUE.matcher(message).region(quote < 0 ? message.length() : quote, message.length());
        H2Dialect.UniqueHead head = H2Dialect.UniqueHead.read(message);
        if (!m.lookingAt()) {
            assertNull(head, message);
            return;
        }
        assertNotNull(head, message);
        assertEquals(m.group(2), head.constraint, message);
        assertEquals(" PRIMARY KEY".equals(m.group(3)), head.primaryKey, message);
        assertEquals(m.group(4), head.index, message);
        assertEquals(m.group(5), head.schema, message);
        assertEquals(m.group(6), head.table, message);
        assertEquals(m.group(7), head.columns, message);
        assertEquals(m.end(), head.end, message);
    }
}
