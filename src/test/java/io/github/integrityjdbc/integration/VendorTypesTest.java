package io.github.integrityjdbc.integration;

import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.testing.SameType;
import io.github.integrityjdbc.testing.Servers;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.jdbc.PgConnection;
import org.postgresql.util.PSQLException;

import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.ViolationReport;

import javax.sql.DataSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Vendor types survive the proxy: casts to the driver's own interfaces and unwrap keep working. */
class VendorTypesTest {

    @Test
    void postgresConnection_castsToPGConnectionAndStillExplains() throws SQLException {
        Servers.requirePostgres();
        try (Connection connection = DriverManager.getConnection(Servers.POSTGRES_URL);
             Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS vendor_types_user");
            ddl.execute("CREATE TABLE vendor_types_user (id INT PRIMARY KEY, email VARCHAR(100)"
                    + " CONSTRAINT uq_vendor_types_email UNIQUE)");
            try {
                PGConnection pg = (PGConnection) connection;
                assertTrue(pg.getBackendPID() > 0);
                assertSame(connection, connection.unwrap(PGConnection.class), "unwrap to an interface the proxy"
                        + " implements answers the proxy, which keeps explaining");
                assertTrue(connection.isWrapperFor(PGConnection.class));
                PgConnection real = connection.unwrap(PgConnection.class);
                assertFalse(real == connection, "unwrap to the driver's class answers the real connection");
                assertEquals(pg.getBackendPID(), real.getBackendPID());

                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO vendor_types_user (id, email) VALUES (?, ?)")) {
                    PGStatement pgStatement = (PGStatement) insert;
                    pgStatement.setPrepareThreshold(1);
                    assertEquals(1, pgStatement.getPrepareThreshold());
                    insert.setInt(1, 1);
                    insert.setString(2, "ada@example.com");
                    insert.executeUpdate();
                    insert.setInt(1, 2);
                    SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
                    assertInstanceOf(PSQLException.class, e, "pgjdbc's own type, as pgjdbc throws it");
                    assertFalse(e instanceof SQLIntegrityConstraintViolationException, "which is a plain SQLException");
                    assertEquals("23505", e.getSQLState());
                    assertEquals(ViolationKind.UNIQUE, IntegrityViolations.find(e).orElseThrow().kind());
                    assertTrue(e.getMessage().contains("integrity-jdbc: "), e.getMessage());
                }
            } finally {
                ddl.execute("DROP TABLE IF EXISTS vendor_types_user");
            }
        }
    }

    @Test
    void h2Connection_implementsH2sOwnPublicInterfaces() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:integrity:h2:mem:vendor_types")) {
            Connection real = connection.unwrap(org.h2.jdbc.JdbcConnection.class);
            for (Class<?> vendor : real.getClass().getInterfaces()) {
                if (java.lang.reflect.Modifier.isPublic(vendor.getModifiers())) {
                    assertTrue(vendor.isInstance(connection), "the proxy implements " + vendor.getName());
                }
            }
        }
    }

    /**
     * The driver in a class loader of its own (a tool, an application server): its interfaces are not the ones the
     * proxy classes were generated against at build time, and no class is defined at run time (issue 10), so the
     * proxy implements the JDBC interfaces only; unwrap still reaches the driver's own types, and it explains.
     */
    @Test
    void driverInItsOwnClassLoader_proxyImplementsJdbcOnly_unwrapReachesItsTypes_andExplains() throws Exception {
        URL h2Jar = org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {h2Jar}, ClassLoader.getPlatformClassLoader())) {
            Class<?> vendorInterface = isolated.loadClass("org.h2.engine.CastDataProvider");
            assertNotSame(org.h2.engine.CastDataProvider.class, vendorInterface);
            DataSource h2 = (DataSource) isolated.loadClass("org.h2.jdbcx.JdbcDataSource")
                    .getConstructor().newInstance();
            h2.getClass().getMethod("setURL", String.class).invoke(h2, "jdbc:h2:mem:isolated;DB_CLOSE_DELAY=-1");

            try (Connection connection = IntegrityDataSource.wrap(h2).getConnection();
                 Statement ddl = connection.createStatement()) {
                assertFalse(vendorInterface.isInstance(connection), "no proxy class is made for the isolated driver");
                assertTrue(connection.isWrapperFor(vendorInterface));
                assertTrue(vendorInterface.isInstance(connection.unwrap(vendorInterface)), "unwrap reaches it");
                ddl.execute("CREATE TABLE isolated (id INT, CONSTRAINT pk_isolated PRIMARY KEY (id))");
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO isolated VALUES (?)")) {
                    insert.setInt(1, 7);
                    insert.executeUpdate();
                    SQLException e = assertThrows(SQLException.class, insert::executeUpdate);
                    assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
                    assertNotSame(org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException.class,
                            e.getCause().getClass(), "the isolated driver's own class");
                    SameType.assertSameType((SQLException) e.getCause(), e);
                    ViolationReport report = IntegrityViolations.find(e).orElseThrow();
                    assertEquals(ViolationKind.PRIMARY_KEY, report.kind());
                    assertEquals("PK_ISOLATED", report.constraint().orElseThrow());
                    assertEquals(java.util.List.of("7"), report.parameters(), "setters record values");
                }
                ddl.execute("DROP TABLE isolated");
            }
        }
    }
}
