package io.github.integrityjdbc.vendors;

import io.github.integrityjdbc.testing.Servers;

/**
 * The same MariaDB server through MySQL Connector/J 9: the product name says MySQL, data errors are
 * MysqlDataTruncation with SQLState 22001 even for out-of-range, and a batch goes on past a failed row.
 */
class MySqlConnectorMatrixTest extends MariaDbMatrixTest {

    @Override
    protected String url() {
        return Servers.MYSQL_CJ_URL;
    }
}
