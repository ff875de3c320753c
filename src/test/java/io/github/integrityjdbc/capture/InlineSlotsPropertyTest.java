package io.github.integrityjdbc.capture;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A prepared statement proxy keeps its first values in fields of its own (1, 3, 5 or 7 of them, by the SQL's
 * parameter count), a primitive's bits in its one inline {@code long} or in the overflow, the rest in the overflow.
 * Whatever the application binds, rebinds, clears and adds to a batch, in any order, the statement's values and
 * batch rows read back as the values it bound, on real H2 statements of 1 to 9 parameters.
 */
class InlineSlotsPropertyTest {

    private static final int MAX_PARAMETERS = 9;
    private static Connection connection;

    @BeforeContainer
    static void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:integrity:h2:mem:inline_slots_" + System.nanoTime());
        StringJoiner columns = new StringJoiner(", ");
        for (int i = 1; i <= MAX_PARAMETERS; i++) {
            columns.add("c" + i + " VARCHAR(100)");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE slots (" + columns + ")");
        }
    }

    @AfterContainer
    static void close() throws SQLException {
        connection.close();
    }

    /** One call on the statement: a setter of parameter {@code index} with {@code value}, or another method. */
    record Action(String what, int index, Object value) {
        @Override
        public String toString() {
            return what + (index > 0 ? "(" + index + ", " + value + ")" : "()");
        }
    }

    @Property(tries = 400)
    void anyBindings_readBackAsBound(@ForAll @IntRange(min = 1, max = MAX_PARAMETERS) int parameters,
                                     @ForAll("actions") List<Action> actions) throws SQLException {
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        for (int i = 1; i <= parameters; i++) {
            columns.add("c" + i);
            marks.add("?");
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO slots (" + columns + ") VALUES (" + marks + ")")) {
            CapturedStatement captured = (CapturedStatement) statement;
            Object[] bound = new Object[parameters];
            List<Object[]> rows = new ArrayList<>();
            for (Action action : actions) {
                if (action.index > parameters) {
                    continue;
                }
                apply(statement, action);
                switch (action.what) {
                    case "clearParameters" -> Arrays.fill(bound, null);
                    case "addBatch" -> {
                        if (Arrays.asList(bound).contains(null)) {
                            continue; // H2 refuses a row with a parameter not set; not applied
                        }
                        rows.add(bound.clone());
                    }
                    default -> bound[action.index - 1] = action.value;
                }
                assertArrayEquals(trimmed(bound), captured.values(), () -> actions.toString());
            }
            assertEquals(rows.size(), captured.batchSize());
            for (int row = 0; row < rows.size(); row++) {
                assertArrayEquals(trimmed(rows.get(row)), captured.rowValues(row), "row " + row + " of " + actions);
            }
        }
    }

    private static void apply(PreparedStatement statement, Action action) throws SQLException {
        int i = action.index;
        Object v = action.value;
        switch (action.what) {
            case "setInt" -> statement.setInt(i, (Integer) v);
            case "setLong" -> statement.setLong(i, (Long) v);
            case "setDouble" -> statement.setDouble(i, (Double) v);
            case "setFloat" -> statement.setFloat(i, (Float) v);
            case "setShort" -> statement.setShort(i, (Short) v);
            case "setByte" -> statement.setByte(i, (Byte) v);
            case "setBoolean" -> statement.setBoolean(i, (Boolean) v);
            case "setString" -> statement.setString(i, (String) v);
            case "setBigDecimal" -> statement.setBigDecimal(i, (BigDecimal) v);
            case "setNull" -> statement.setNull(i, Types.VARCHAR);
            case "clearParameters" -> statement.clearParameters();
            case "addBatch" -> {
                try {
                    statement.addBatch();
                } catch (SQLException notAllSet) {
                    // H2: "Parameter #n is not set"; the model does not add the row either
                }
            }
            default -> throw new IllegalArgumentException(action.what);
        }
    }

    /** The values as {@code values()} shows them: up to the last bound one. */
    private static Object[] trimmed(Object[] bound) {
        int end = bound.length;
        while (end > 0 && bound[end - 1] == null) {
            end--;
        }
        return Arrays.copyOf(bound, end);
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Integer> index = Arbitraries.integers().between(1, MAX_PARAMETERS);
        Arbitrary<Action> set = Arbitraries.oneOf(
                Combinators.combine(index, Arbitraries.integers()).as((i, v) -> new Action("setInt", i, v)),
                Combinators.combine(index, Arbitraries.longs()).as((i, v) -> new Action("setLong", i, v)),
                Combinators.combine(index, Arbitraries.doubles()).as((i, v) -> new Action("setDouble", i, v)),
                Combinators.combine(index, Arbitraries.floats()).as((i, v) -> new Action("setFloat", i, v)),
                Combinators.combine(index, Arbitraries.shorts()).as((i, v) -> new Action("setShort", i, v)),
                Combinators.combine(index, Arbitraries.bytes()).as((i, v) -> new Action("setByte", i, v)),
                Combinators.combine(index, Arbitraries.of(true, false)).as((i, v) -> new Action("setBoolean", i, v)),
                Combinators.combine(index, Arbitraries.strings().ofMaxLength(5))
                        .as((i, v) -> new Action("setString", i, v)),
                Combinators.combine(index, Arbitraries.bigDecimals().ofScale(2))
                        .as((i, v) -> new Action("setBigDecimal", i, v)),
                index.map(i -> new Action("setNull", i, StatementCapture.NULL)));
        Arbitrary<Action> other = Arbitraries.of(new Action("clearParameters", 0, null),
                new Action("addBatch", 0, null));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, set),
                net.jqwik.api.Tuple.of(1, other)).list().ofMaxSize(40);
    }
}
