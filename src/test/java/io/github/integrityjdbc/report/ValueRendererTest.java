package io.github.integrityjdbc.report;

import io.github.integrityjdbc.capture.SizedStream;
import io.github.integrityjdbc.capture.StatementCapture;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Blob;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValueRendererTest {

    /** A stream that fails the test if anything reads it. */
    private static final InputStream UNREADABLE = new InputStream() {
        @Override
        public int read() {
            throw new AssertionError("a value was read");
        }
    };

    @Test
    void streamsAndLobsAreDescribed_neverRead() {
        assertEquals("<binary stream>", ValueRenderer.render(UNREADABLE, 100));
        assertEquals("<binary stream, 10 bytes>", ValueRenderer.render(new SizedStream(UNREADABLE, 10), 100));
        Reader reader = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) {
                throw new AssertionError("a value was read");
            }

            @Override
            public void close() {
            }
        };
        assertEquals("<character stream>", ValueRenderer.render(reader, 100));
        assertEquals("<character stream, 3 characters>", ValueRenderer.render(new SizedStream(reader, 3), 100));
        Blob blob = (Blob) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Blob.class}, (proxy, method, args) -> {
                    throw new AssertionError("a LOB was touched: " + method.getName());
                });
        assertEquals("<BLOB>", ValueRenderer.render(blob, 100));
        assertEquals("<binary, 1048576 bytes>", ValueRenderer.render(new byte[1 << 20], 100));
    }

    @Test
    void scalars() {
        assertEquals("NULL", ValueRenderer.render(null, 100));
        assertEquals("NULL", ValueRenderer.render(StatementCapture.NULL, 100));
        assertEquals("'it's'", ValueRenderer.render("it's", 100));
        assertEquals("42", ValueRenderer.render(42, 100));
        assertEquals("0.00000001", ValueRenderer.render(new BigDecimal("1E-8"), 100));
        assertEquals("true", ValueRenderer.render(true, 100));
        assertEquals("'2026-11-28'", ValueRenderer.render(LocalDate.of(2026, 11, 28), 100));
    }

    @Test
    void longValuesAreCut_hugeOnesCheaply() {
        assertEquals("'abc…' (6 characters)", ValueRenderer.render("abcdef", 3));
        String huge = "x".repeat(1 << 20);
        assertEquals("'" + "x".repeat(100) + "…' (1048576 characters)", ValueRenderer.render(huge, 100));
    }

    @Test
    void controlCharactersAreMadeVisible() {
        assertEquals("'a\\nb\\r\\tc\\u0000\\u2028'", ValueRenderer.render("a\nb\r\tc\u0000\u2028", 100));
    }

    @Test
    void aValueWhoseToStringThrows_isDescribedByItsType() {
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        assertEquals("<" + hostile.getClass().getName() + ">", ValueRenderer.render(hostile, 100));
    }
}
