package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.ViolationKind;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * SQLite (sqlite-jdbc, in memory, foreign keys switched on). No SQLState: the kind comes from the extended result
 * code in the message. Unique, primary key and NOT NULL name table and column but never the constraint, so the
 * report names none; a CHECK names only the constraint (its columns come from the DDL); a foreign key failure names
 * nothing, so the report says only the kind. SQLite stores the too-long string and the out-of-range number. A batch
 * throws a plain exception without update counts: the failing row, and so its values, cannot be told.
 */
class SqliteMatrixTest extends VendorViolationsContract {

    @Override
    protected Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("foreign_keys", "true");
        return DriverManager.getConnection("jdbc:integrity:sqlite::memory:", properties);
    }

    @Override
    protected Expected expected(ViolationCase c) {
        switch (c) {
            case DUPLICATE_PRIMARY_KEY:
            case DUPLICATE_NAMED_UNIQUE:
            case UPDATE_TO_DUPLICATE:
            case LITERAL_STATEMENT_DUPLICATE:
                return standard(c).constraint(null);
            case BATCH_FOURTH_ROW_DUPLICATE:
                return standard(c).constraint(null).batchIndex(null).offending(Map.of());
            case MISSING_PARENT:
            case DELETE_REFERENCED_PARENT:
                return Expected.of(ViolationKind.FOREIGN_KEY, null, null, List.of(), Map.of());
            case VALUE_TOO_LONG:
            case OUT_OF_RANGE:
                return Expected.accepted();
            default:
                return standard(c);
        }
    }
}
