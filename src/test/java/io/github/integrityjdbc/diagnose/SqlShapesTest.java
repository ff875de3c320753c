package io.github.integrityjdbc.diagnose;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class SqlShapesTest {

    private final SqlShapes shapes = new SqlShapes();

    @Test
    void theSameText_isReadOnce_andReadsAsSqlShapeOf() {
        String sql = "INSERT INTO customer (id, email) VALUES (?, ?)";
        SqlShape first = shapes.of(sql);
        assertEquals(SqlShape.of(sql), first);
        assertSame(first, shapes.of(new String(sql.toCharArray())), "an equal text is the same statement");
    }

    @Test
    void anotherText_isReadAgain_andReplacesTheKeptOne() {
        SqlShape insert = shapes.of("INSERT INTO a (x) VALUES (?)");
        SqlShape update = shapes.of("UPDATE b SET y = ? WHERE id = ?");
        assertEquals("B", update.table().toUpperCase());
        assertEquals(SqlShape.of("UPDATE b SET y = ? WHERE id = ?"), update);
        assertNotSame(insert, shapes.of("INSERT INTO a (x) VALUES (?)"), "only the last text is kept");
    }

    @Test
    void aLongText_isNotKept() {
        String sql = "INSERT INTO a (x) VALUES (?) -- " + "x".repeat(SqlShapes.MAX_SQL);
        SqlShape first = shapes.of(sql);
        assertEquals(SqlShape.of(sql), first);
        assertNotSame(first, shapes.of(sql));
    }

    @Test
    void noText_readsAsUnknown() {
        assertEquals(SqlShape.of(null), shapes.of(null));
        assertEquals(SqlShape.Operation.OTHER, shapes.of(null).operation());
    }
}
