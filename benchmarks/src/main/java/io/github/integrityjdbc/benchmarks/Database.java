package io.github.integrityjdbc.benchmarks;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The real databases under the variants. URLs are given without their {@code jdbc:} prefix. */
public enum Database {

    /** H2 in memory, in this JVM: no network, so the proxy's own cost is as visible as it can be. */
    H2("h2:mem:bench"),

    /** PostgreSQL over loopback, as users meet it: a network round trip per statement. */
    POSTGRESQL("postgresql://127.0.0.1:5432/test?user=postgres");

    private final String url;

    Database(String url) {
        this.url = url;
    }

    /** The delegate URL without {@code jdbc:}. */
    public String url() {
        return url;
    }

    /** A DataSource of the real driver, for the variants that wrap a DataSource. */
    public DataSource dataSource() {
        if (this == H2) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:" + url);
            return dataSource;
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL("jdbc:" + url);
        return dataSource;
    }

    /** True when a connection can be opened; PostgreSQL benchmarks and tests need a running server. */
    public boolean reachable() {
        try (Connection ignored = DriverManager.getConnection("jdbc:" + url)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
