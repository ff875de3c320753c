package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.diagnose.SqlShape.ColumnValue;
import io.github.integrityjdbc.diagnose.SqlShape.Operation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlShapeTest {

    @Test
    void insertWithColumns_mapsParametersAndLiterals() {
        SqlShape shape = SqlShape.of("insert into app.\"Person\" (id, \"E-mail\", name, age) "
                + "values (?, 'it''s', lower(?), -5) -- comment ?");
        assertEquals(Operation.INSERT, shape.operation());
        assertEquals("app", shape.schema());
        assertEquals("Person", shape.table());
        assertTrue(shape.tableQuoted());
        assertEquals(List.of(
                new ColumnValue("id", false, 1, null),
                new ColumnValue("E-mail", true, 0, "'it''s'"),
                new ColumnValue("name", false, 0, null),
                new ColumnValue("age", false, 0, "-5")), unplaced(shape.assignments()));
    }

    @Test
    void parametersInsideExpressionsStillCount() {
        SqlShape shape = SqlShape.of("INSERT INTO t (a, b) VALUES (coalesce(?, ?), ?)");
        assertEquals(List.of(new ColumnValue("a", false, 0, null), new ColumnValue("b", false, 3, null)),
                unplaced(shape.assignments()));
    }

    @Test
    void updateSetAndWhere() {
        SqlShape shape = SqlShape.of("UPDATE person p SET p.email = ?, age = age + 1, name = 'x' WHERE id = ? AND ? = nick");
        assertEquals(Operation.UPDATE, shape.operation());
        assertEquals("person", shape.table());
        assertEquals(List.of(new ColumnValue("email", false, 1, null), new ColumnValue("age", false, 0, null),
                new ColumnValue("name", false, 0, "'x'")), unplaced(shape.assignments()));
        assertEquals(List.of(new ColumnValue("id", false, 2, null), new ColumnValue("nick", false, 3, null)),
                unplaced(shape.conditions()));
    }

    @Test
    void deleteWhere() {
        SqlShape shape = SqlShape.of("DELETE FROM parent WHERE id = ?");
        assertEquals(Operation.DELETE, shape.operation());
        assertEquals(List.of(new ColumnValue("id", false, 1, null)), unplaced(shape.conditions()));
    }

    @Test
    void positionalInsert() {
        SqlShape shape = SqlShape.of("INSERT INTO t VALUES (?, 2)");
        assertTrue(shape.positionalInsert());
        assertEquals(List.of(new ColumnValue(null, false, 1, null), new ColumnValue(null, false, 0, "2")),
                unplaced(shape.assignments()));
    }

    @Test
    void oddTextNeverThrows() {
        for (String sql : new String[] {null, "", "(((", "INSERT", "INSERT INTO", "UPDATE t SET", "'unterminated",
                "/* open", "\"x", "DELETE FROM", "INSERT INTO t (a VALUES (?", "$$ dollar", "SELECT ?? FROM x"}) {
            SqlShape shape = SqlShape.of(sql);
            assertTrue(unplaced(shape.assignments()).size() <= 1, sql);
        }
        assertEquals(Operation.OTHER, SqlShape.of("SELECT 1").operation());
    }

    /** Columns and values without where they stand, to compare with what a test expects. */
    static List<ColumnValue> unplaced(List<ColumnValue> values) {
        return values.stream().map(v -> new ColumnValue(v.column(), v.quoted(), v.parameter(), v.literal())).toList();
    }

    @Test
    void placesEachValueWhereItStands_andReadsEveryRowOfAMultiRowInsert() {
        String sql = "INSERT INTO t (a, b) VALUES (?, 'x'), (2, UPPER('y'))";
        SqlShape shape = SqlShape.of(sql);
        ColumnValue b = shape.assignments().get(1);
        assertEquals("'x'", sql.substring(b.from(), b.to()));
        assertEquals(List.of("2", "UPPER('y')"), shape.otherRows().stream()
                .map(v -> sql.substring(v.from(), v.to())).toList());
        assertEquals(List.of("a", "b"), shape.otherRows().stream().map(ColumnValue::column).toList());
    }
}
