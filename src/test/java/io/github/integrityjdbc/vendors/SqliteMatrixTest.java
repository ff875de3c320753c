package io.github.integrityjdbc.vendors;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * SQLite (sqlite-jdbc, in memory, foreign keys switched on). No SQLState: the kind comes from the extended result
 * code in the message. Unique, primary key and NOT NULL name table and column but never the constraint, so the
 * report names none; a CHECK names only the constraint (its columns come from the DDL); a foreign key failure names
 * nothing, and the key is found from the statement and the schema (the only key of the child table, the only key
 * that references the parent). SQLite stores the too-long string and the out-of-range number. A prepared batch
 * throws a plain exception without update counts: for a duplicate the failing row, and so its values, cannot be
 * proven (see {@link SqliteMissingFactsTest} for the batches where it can).
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
            case VALUE_TOO_LONG:
            case OUT_OF_RANGE:
                return Expected.accepted();
            default:
                return standard(c);
        }
    }
}
