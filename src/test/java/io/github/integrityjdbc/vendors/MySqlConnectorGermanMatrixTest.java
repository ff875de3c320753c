package io.github.integrityjdbc.vendors;

/** The MariaDB contract through MySQL Connector/J with the server speaking German: the same facts. */
class MySqlConnectorGermanMatrixTest extends MySqlConnectorMatrixTest {

    @Override
    protected String url() {
        return super.url() + "&sessionVariables=lc_messages=de_DE";
    }
}
