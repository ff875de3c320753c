package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.testing.Servers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * MariaDB 10.11 through MariaDB Connector/J: SQLState 23000 for every kind, told apart by vendor code. A primary key
 * is reported as index PRIMARY (MariaDB discards the constraint's name); the default bulk batch is atomic, so the row
 * comes from matching the duplicate value against the captured rows.
 */
class MariaDbMatrixTest extends VendorViolationsContract {

    @Override
    protected Connection open() throws SQLException {
        Servers.requireMariaDb();
        return DriverManager.getConnection(url());
    }

    protected String url() {
        return Servers.MARIADB_URL;
    }

    @Override
    protected Expected expected(ViolationCase c) {
        Expected standard = standard(c);
        switch (c) {
            case DUPLICATE_PRIMARY_KEY:
                return standard.constraint("PRIMARY");
            case NOT_NULL:
            case VALUE_TOO_LONG:
            case OUT_OF_RANGE:
                return standard;
            default:
                return standard;
        }
    }
}
