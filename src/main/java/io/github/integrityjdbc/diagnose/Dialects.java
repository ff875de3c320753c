package io.github.integrityjdbc.diagnose;

import java.util.Locale;

/** Chooses the dialect for a database product name. */
final class Dialects {

    private static final Dialect STANDARD = new Dialect() {
        @Override
        public void read(java.sql.SQLException violation, ErrorReading facts) {
            // the SQLState's kind is all a database we do not know tells for certain
        }
    };

    private Dialects() {
    }

    static Dialect forProduct(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.startsWith("h2")) {
            return new H2Dialect();
        }
        if (name.startsWith("postgresql")) {
            return new PostgresDialect();
        }
        if (name.startsWith("mysql") || name.startsWith("mariadb")) {
            return new MySqlDialect();
        }
        if (name.startsWith("hsql")) {
            return new HsqldbDialect();
        }
        if (name.contains("derby")) {
            return new DerbyDialect();
        }
        if (name.startsWith("sqlite")) {
            return new SqliteDialect();
        }
        if (name.startsWith("oracle")) {
            return new OracleDialect();
        }
        if (name.contains("sql server")) {
            return new SqlServerDialect();
        }
        if (name.startsWith("db2")) {
            return new Db2Dialect();
        }
        return STANDARD;
    }
}
