package io.github.integrityjdbc.vendors;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Apache Derby 10.16 embedded, in memory. Constraint and table come from Derby's exception getters (read by
 * reflection), columns, the primary-key kind and a foreign key's parent from the SYS catalog. A too-long message
 * shows the value but no column: the column is the one the statement gave that value. An out-of-range value is
 * rejected already by the setter, and explained there. A batch stops at the failing row.
 */
class DerbyMatrixTest extends VendorViolationsContract {

    @Override
    protected Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:integrity:derby:memory:matrix;create=true");
    }

    @Override
    protected void drop(Statement statement, String table) throws SQLException {
        try {
            statement.execute("DROP TABLE " + table);
        } catch (SQLException e) {
            if (!"42Y55".equals(e.getSQLState())) { // does not exist
                throw e;
            }
        }
    }

    @Override
    protected Expected expected(ViolationCase c) {
        return standard(c).names(name -> name.toUpperCase(Locale.ROOT));
    }
}
