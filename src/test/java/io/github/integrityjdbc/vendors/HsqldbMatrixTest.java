package io.github.integrityjdbc.vendors;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * HSQLDB 2.7 (in-memory) names constraint and table in every integrity message; columns, the primary-key kind and a
 * referenced parent come from INFORMATION_SCHEMA. It stores 100000 in a SMALLINT bound with setObject/setInt, so the
 * out-of-range case is accepted; a batch stops at the failing row.
 */
class HsqldbMatrixTest extends VendorViolationsContract {

    @Override
    protected Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:integrity:hsqldb:mem:matrix", "SA", "");
    }

    @Override
    protected Expected expected(ViolationCase c) {
        if (c == ViolationCase.OUT_OF_RANGE) {
            return Expected.accepted();
        }
        return standard(c).names(name -> name.toUpperCase(Locale.ROOT));
    }
}
