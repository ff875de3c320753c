package io.github.integrityjdbc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.integrityjdbc.config.IntegrityConfig;
import io.github.integrityjdbc.config.IntegrityProperty;
import io.github.integrityjdbc.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The java.sql.Driver contract. */
class IntegrityDriverTest {

    private final Driver driver = new IntegrityDriver();

    @Test
    void registeredThroughTheServiceFile() throws SQLException {
        Driver found = DriverManager.getDriver("jdbc:integrity:h2:mem:registered");
        assertTrue(found instanceof IntegrityDriver, "found " + found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:integrity:h2:mem:x", "jdbc:integrity:postgresql://db/app"})
    void acceptsItsPrefix(String url) throws SQLException {
        assertTrue(driver.acceptsURL(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:x", "jdbc:integrity:", "jdbc:Integrity:h2:mem:x", "integrity:h2:mem:x", ""})
    void refusesOtherUrls_andConnectReturnsNull(String url) throws SQLException {
        assertFalse(driver.acceptsURL(url));
        assertNull(driver.connect(url, new Properties()));
    }

    @Test
    void nullUrl_isAnSqlException() {
        assertThrows(SQLException.class, () -> driver.acceptsURL(null));
        assertThrows(SQLException.class, () -> driver.connect(null, new Properties()));
    }

    @Test
    void connectsThroughTheDelegate() throws SQLException {
        try (Connection connection = driver.connect("jdbc:integrity:h2:mem:delegate", new Properties())) {
            assertNotNull(connection);
            assertEquals("H2", connection.getMetaData().getDatabaseProductName());
            assertEquals("jdbc:h2:mem:delegate", connection.getMetaData().getURL());
        }
    }

    @Test
    void noDriverForTheDelegateUrl_clearErrorWithPasswordMasked() {
        SQLException e = assertThrows(SQLException.class, () -> driver.connect(
                "jdbc:integrity:nosuchdb://alice:s3cr3t@db:5432/app?password=s3cr3t&ssl=true", new Properties()));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().startsWith("No JDBC driver accepts the delegate URL jdbc:nosuchdb://alice:****@db"),
                e.getMessage());
        assertTrue(e.getMessage().contains("password=****&ssl=true"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    void integrityPropertiesConfigureTheProxyAndAreNotPassedOn() throws SQLException {
        // H2 rejects connection settings it does not know, so reaching the database proves they were removed.
        Properties properties = new Properties();
        properties.setProperty("integrity.mode", "preserve");
        properties.setProperty("integrity.name", "shop");
        try (Connection connection = driver.connect("jdbc:integrity:h2:mem:props", properties);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO t VALUES (1)");
            SQLException e = assertThrows(SQLException.class, () -> statement.execute("INSERT INTO t VALUES (1)"));
            assertEquals("org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException", e.getClass().getName(),
                    "preserve mode rethrows the original");
            assertEquals("shop", IntegrityViolations.find(e).orElseThrow().dataSource());
        }
    }

    /** Switching it on by the URL alone: integrity.* parameters in the URL are settings, never the real driver's. */
    @Test
    void settingsInTheUrl_configureTheProxyAndAreNotPassedOn_typosFail() throws SQLException {
        // H2 rejects URL settings it does not know, so reaching the database proves the integrity.* ones were removed
        Properties properties = new Properties();
        properties.setProperty("integrity.name", "from-properties");
        try (Connection connection = driver.connect(
                "jdbc:integrity:h2:mem:urlsettings;integrity.name=orders;integrity.mode=preserve;DB_CLOSE_DELAY=-1",
                properties);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO t VALUES (1)");
            SQLException e = assertThrows(SQLException.class, () -> statement.execute("INSERT INTO t VALUES (1)"));
            assertEquals("org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException", e.getClass().getName(),
                    "preserve mode, from the URL");
            assertEquals("orders", IntegrityViolations.find(e).orElseThrow().dataSource(), "the URL's value wins");
        }
        SQLException typo = assertThrows(SQLException.class,
                () -> driver.connect("jdbc:integrity:h2:mem:urltypo;integrity.mak=email", new Properties()));
        assertTrue(typo.getMessage().contains("integrity.mak"), typo.getMessage());
    }

    @Test
    void settingsInAQueryString_mariaDb() throws SQLException {
        io.github.integrityjdbc.testing.Servers.requireMariaDb();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:integrity:mariadb://127.0.0.1:3306/test?user=root&integrity.mask=nick%2Cemail"
                        + "&integrity.name=maria-orders");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS url_settings");
            statement.execute("CREATE TABLE url_settings (id INT PRIMARY KEY, nick VARCHAR(20) UNIQUE)");
            try {
                statement.execute("INSERT INTO url_settings VALUES (1, 'alice')");
                SQLException e = assertThrows(SQLException.class,
                        () -> statement.execute("INSERT INTO url_settings VALUES (2, 'alice')"));
                ViolationReport report = IntegrityViolations.find(e).orElseThrow();
                assertEquals("maria-orders", report.dataSource());
                assertFalse(e.getMessage().contains("alice"), "nick is masked by the URL's setting: " + e.getMessage());
            } finally {
                statement.execute("DROP TABLE url_settings");
            }
        }
    }

    @Test
    void systemPropertiesSetDefaults_connectionPropertiesWin() throws SQLException {
        System.setProperty("integrity.name", "from-system");
        try {
            try (Connection connection = driver.connect("jdbc:integrity:h2:mem:sysprops", new Properties())) {
                assertEquals("from-system", dataSourceOfAViolation(connection));
            }
            Properties properties = new Properties();
            properties.setProperty("integrity.name", "from-connection");
            try (Connection connection = driver.connect("jdbc:integrity:h2:mem:sysprops2", properties)) {
                assertEquals("from-connection", dataSourceOfAViolation(connection));
            }
        } finally {
            System.clearProperty("integrity.name");
        }
    }

    @Test
    void defaultDataSourceName_isTheDelegateUrlWithoutCredentialsOrSettings() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "sa");
        properties.setProperty("password", "pw");
        try (Connection connection = driver.connect("jdbc:integrity:h2:mem:named;DB_CLOSE_DELAY=0", properties)) {
            assertEquals("h2:mem:named", dataSourceOfAViolation(connection));
        }
    }

    private static String dataSourceOfAViolation(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO t VALUES (1)");
            SQLException e = assertThrows(SQLException.class, () -> statement.execute("INSERT INTO t VALUES (1)"));
            return IntegrityViolations.find(e).orElseThrow().dataSource();
        }
    }

    @Test
    void badConfiguration_failsTheConnectionNamingTheKey() {
        Properties unknown = new Properties();
        unknown.setProperty("integrity.maxValueLenght", "10");
        SQLException e = assertThrows(SQLException.class, () -> driver.connect("jdbc:integrity:h2:mem:bad", unknown));
        assertTrue(e.getMessage().contains("'integrity.maxValueLenght'"), e.getMessage());

        Properties badMode = new Properties();
        badMode.setProperty("integrity.mode", "loud");
        e = assertThrows(SQLException.class, () -> driver.connect("jdbc:integrity:h2:mem:bad", badMode));
        assertTrue(e.getMessage().contains("integrity.mode"), e.getMessage());

        Properties negative = new Properties();
        negative.setProperty("integrity.maxValueLength", "-1");
        e = assertThrows(SQLException.class, () -> driver.connect("jdbc:integrity:h2:mem:bad", negative));
        assertTrue(e.getMessage().contains("integrity.maxValueLength"), e.getMessage());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "integrity.mode|''|integrity.mode",
        "integrity.mode|WRAPPED|integrity.mode",
        "integrity.maxValueLength|0|integrity.maxValueLength",
        "integrity.maxValueLength|ten|integrity.maxValueLength",
        "integrity.maxValueLength|99999999999|integrity.maxValueLength",
        "integrity.log|yes|integrity.log",
        "integrity.metrics|1|integrity.metrics",
    })
    void badValue_failsTheConnectionNamingTheKey_fromPropertiesOrSystemProperties(String key, String value,
                                                                                  String named) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        SQLException e = assertThrows(SQLException.class,
                () -> driver.connect("jdbc:integrity:h2:mem:badsetting", properties));
        assertTrue(e.getMessage().contains(named), e.getMessage());
        assertEquals("HY000", e.getSQLState());

        System.setProperty(key, value);
        try {
            e = assertThrows(SQLException.class,
                    () -> driver.connect("jdbc:integrity:h2:mem:badsetting", new Properties()));
            assertTrue(e.getMessage().contains(named), e.getMessage());
        } finally {
            System.clearProperty(key);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"integrity.jar", "Integrity.Mode", "INTEGRITY.NAME", "integrity.",
        "integrity.maxValueLenght"})
    void unknownKeyInTheConnectionsProperties_failsTheConnectionNamingTheKey(String key) {
        Properties properties = new Properties();
        properties.setProperty(key, "x");
        SQLException e = assertThrows(SQLException.class,
                () -> driver.connect("jdbc:integrity:h2:mem:unknownkey", properties));
        assertEquals("Unknown configuration key '" + key + "'; known keys: integrity.name, integrity.mode, "
                + "integrity.mask, integrity.maxValueLength, integrity.log, integrity.log.rate, integrity.metrics",
                e.getMessage());
        assertEquals("HY000", e.getSQLState());
    }

    @ParameterizedTest
    @ValueSource(strings = {"integrity.jar", "Integrity.Mode", "INTEGRITY.NAME"})
    void unknownSystemProperty_isIgnoredWithOneWarnPerJvm_andConnectionsWork(String prefix) throws SQLException {
        String key = prefix + ".probe" + System.nanoTime(); // once per JVM: a key no earlier test has warned about
        System.setProperty(key, "/opt/tools/some.jar");
        try (CapturedLog log = new CapturedLog(IntegrityConfig.LOGGER_NAME)) {
            for (int i = 0; i < 3; i++) {
                try (Connection connection = driver.connect("jdbc:integrity:h2:mem:sysunknown" + i, new Properties())) {
                    assertEquals("h2:mem:sysunknown" + i, dataSourceOfAViolation(connection));
                }
            }
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL("jdbc:h2:mem:sysunknownds");
            try (Connection connection = IntegrityDataSource.wrap(h2).getConnection()) {
                assertEquals("h2:mem:sysunknownds", dataSourceOfAViolation(connection));
            }
            List<ILoggingEvent> events = log.events();
            assertEquals(1, events.size(), "once per key and JVM: " + events);
            assertEquals(Level.WARN, events.get(0).getLevel());
            assertEquals("Ignoring JVM system property '" + key + "': it is not an integrity-jdbc setting (known keys: "
                    + "integrity.name, integrity.mode, integrity.mask, integrity.maxValueLength, integrity.log, "
                    + "integrity.log.rate, integrity.metrics)", events.get(0).getFormattedMessage());
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void propertyInfo_listsEveryIntegrityKeyThenTheDelegates() throws SQLException {
        DriverPropertyInfo[] info = driver.getPropertyInfo("jdbc:integrity:h2:mem:info", new Properties());
        String[] names = Arrays.stream(info).map(p -> p.name).toArray(String[]::new);
        assertEquals("integrity.name", names[0]);
        assertTrue(Arrays.asList(names).containsAll(
                Arrays.asList("integrity.mode", "integrity.mask", "integrity.maxValueLength", "integrity.log",
                        "integrity.metrics")));
        DriverPropertyInfo mode = Arrays.stream(info).filter(p -> p.name.equals("integrity.mode")).findFirst()
                .orElseThrow();
        assertEquals("wrap", mode.value);
        assertEquals(Arrays.asList("wrap", "preserve"), Arrays.asList(mode.choices));
        int h2Own = new org.h2.Driver().getPropertyInfo("jdbc:h2:mem:info", new Properties()).length;
        assertEquals(IntegrityProperty.values().length + h2Own, info.length, "H2's own properties follow");
    }

    @Test
    void versionsComplianceAndLogger() {
        assertEquals(IntegrityDriver.MAJOR_VERSION, driver.getMajorVersion());
        assertEquals(IntegrityDriver.MINOR_VERSION, driver.getMinorVersion());
        assertFalse(driver.jdbcCompliant());
        assertThrows(SQLFeatureNotSupportedException.class, driver::getParentLogger);
    }
}
