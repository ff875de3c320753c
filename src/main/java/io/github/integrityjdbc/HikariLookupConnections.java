package io.github.integrityjdbc;

import com.zaxxer.hikari.HikariCredentialsProvider;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import com.zaxxer.hikari.util.Credentials;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A new physical connection opened the way a HikariCP pool opens its own (HikariCP's {@code PoolBase}): the pool's
 * underlying DataSource (the driver's, for a {@code jdbcUrl}), the pool's credentials, then its catalog and schema.
 * Not borrowed from the pool. Loaded only when HikariCP is on the class path ({@link LookupConnections}).
 */
final class HikariLookupConnections {

    private HikariLookupConnections() {
    }

    /** The connection, or null when {@code dataSource} is not a running HikariCP pool. */
    static Connection open(DataSource dataSource) throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            return null;
        }
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
        if (!(bean instanceof HikariPool pool)) {
            return null; // not started, or closed
        }
        DataSource physical = pool.getUnwrappedDataSource();
        if (physical == null) {
            return null;
        }
        String[] credentials = credentials(hikari);
        Connection connection = credentials[0] == null ? physical.getConnection()
                : physical.getConnection(credentials[0], credentials[1]);
        try {
            if (hikari.getCatalog() != null) {
                connection.setCatalog(hikari.getCatalog());
            }
            if (hikari.getSchema() != null) {
                connection.setSchema(hikari.getSchema());
            }
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return connection;
    }

    /** User name and password as the pool would use them now: its credentials provider's, else its own. */
    private static String[] credentials(HikariDataSource hikari) {
        try {
            HikariCredentialsProvider provider = hikari.getCredentialsProvider();
            Credentials credentials = provider != null ? provider.getCredentials() : hikari.getCredentials();
            return new String[] {credentials.getUsername(), credentials.getPassword()};
        } catch (LinkageError olderHikari) { // before 7.0 (provider) or 5.1 (Credentials)
            return new String[] {hikari.getUsername(), hikari.getPassword()};
        }
    }
}
