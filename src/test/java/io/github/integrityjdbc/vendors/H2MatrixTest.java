package io.github.integrityjdbc.vendors;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/** H2 2.5 names everything; it stores unquoted names in upper case. */
class H2MatrixTest extends VendorViolationsContract {

    @Override
    protected Connection open() throws SQLException {
        return DriverManager.getConnection("jdbc:integrity:h2:mem:matrix;DB_CLOSE_DELAY=-1");
    }

    @Override
    protected Expected expected(ViolationCase c) {
        return standard(c).names(name -> name.toUpperCase(Locale.ROOT));
    }
}
