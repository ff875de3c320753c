package io.github.integrityjdbc.testing;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Binds test values the way applications do: setObject, and setNull for a null. */
public final class Binding {

    private Binding() {
    }

    public static void bindAll(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }
}
