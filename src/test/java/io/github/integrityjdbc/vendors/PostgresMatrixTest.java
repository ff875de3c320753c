package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.testing.Servers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * PostgreSQL 15 through pgjdbc: a plain PSQLException for every violation, facts from its server error fields. A data
 * error names no column: the column comes from the column sizes and the bound values. A batch runs atomically (all
 * counts failed): the row comes from matching the reported key against the captured rows.
 */
class PostgresMatrixTest extends VendorViolationsContract {

    @Override
    protected Connection open() throws SQLException {
        Servers.requirePostgres();
        return DriverManager.getConnection(Servers.POSTGRES_URL);
    }

    @Override
    protected Expected expected(ViolationCase c) {
        return standard(c);
    }
}
