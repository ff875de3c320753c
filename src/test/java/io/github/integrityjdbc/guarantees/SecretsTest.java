package io.github.integrityjdbc.guarantees;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.IntegrityDriver;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import io.github.integrityjdbc.driver.ConnectionSecrets;
import io.github.integrityjdbc.driver.DelegateUrl;
import io.github.integrityjdbc.report.ViolationLog;
import io.github.integrityjdbc.report.ReportFields;
import io.github.integrityjdbc.report.ViolationMeters;
import io.github.integrityjdbc.testing.CapturedLog;
import io.github.integrityjdbc.testing.H2Database;
import io.github.integrityjdbc.testing.Servers;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.sql.DataSource;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passwords and masked values never reach a message, a log line, a meter tag or an error about a URL; values cannot
 * forge log lines; the table and constraint tags cannot grow without bound.
 */
class SecretsTest {

    private static final String SECRET = "S3cr3tXyz";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private CapturedLog log;

    @BeforeEach
    void setUp() {
        Metrics.globalRegistry.add(registry);
        log = new CapturedLog(ViolationLog.LOGGER_NAME);
    }

    @AfterEach
    void tearDown() {
        Metrics.globalRegistry.remove(registry);
        log.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:integrity:nosuchdb://alice:" + SECRET + "@db:5432/app",
        "jdbc:integrity:nosuchdb://alice:pa@ss" + SECRET + "@db:5432/app",
        "jdbc:integrity:nosuchdb://db:5432/app?user=alice&password=" + SECRET + "&ssl=true",
        "jdbc:integrity:nosuchdb://db/app?ssl=true&PASSWORD=" + SECRET,
        "jdbc:integrity:nosuchdb://db/app?password1=" + SECRET + "&sslpassword=" + SECRET,
        "jdbc:integrity:nosuchdb:mem:app;USER=sa;PASSWORD=" + SECRET,
        "jdbc:integrity:nosuchdb:mem:app;USER=sa;PASSWORD = " + SECRET + ";MODE=MySQL",
        "jdbc:integrity:nosuchdb:memory:app;create=true;user=app;password=" + SECRET,
        "jdbc:integrity:nosuchdb://db:1433;databaseName=app;user=sa;password=" + SECRET + ";encrypt=true",
        "jdbc:integrity:nosuchdb:thin:scott/" + SECRET + "@db:1521/orcl",
        "jdbc:integrity:nosuchdb:thin:scott/" + SECRET + "@//db:1521/orcl",
    })
    void passwordInAnyUrlForm_neverInTheErrorNorInTheDataSourceName(String url) {
        SQLException e = assertThrows(SQLException.class, () -> new IntegrityDriver().connect(url, new Properties()));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("nosuchdb"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertTrue(e.getMessage().contains("****"), e.getMessage());
        String delegate = DelegateUrl.delegate(url);
        assertFalse(DelegateUrl.dataSourceName(delegate).contains(SECRET), DelegateUrl.dataSourceName(delegate));
        assertTrue(DelegateUrl.dataSourceName(delegate).startsWith("nosuchdb"), DelegateUrl.dataSourceName(delegate));
    }

    @Test
    void passwordInTheUrlAndInProperties_neverInAMessageLogLineOrTag() throws SQLException {
        String name = H2Database.uniqueName("secret");
        Properties properties = new Properties();
        properties.setProperty("user", "sa");
        properties.setProperty("password", SECRET);
        List<String> outputs = new ArrayList<>();
        try (Connection byProperty = new IntegrityDriver().connect("jdbc:integrity:h2:mem:" + name, properties);
             Connection byUrl = new IntegrityDriver().connect("jdbc:integrity:h2:mem:" + name + "_url;USER=sa;PASSWORD="
                     + SECRET + ";DB_CLOSE_DELAY=0", new Properties())) {
            for (Connection connection : List.of(byProperty, byUrl)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE t (id INT CONSTRAINT pk_t PRIMARY KEY)");
                    statement.execute("INSERT INTO t VALUES (1)");
                    SQLException e = assertThrows(SQLException.class,
                            () -> statement.execute("INSERT INTO t VALUES (1)"));
                    outputs.add(e.getMessage());
                    outputs.add(IntegrityViolations.find(e).orElseThrow().toString());
                }
                outputs.add(connection.toString());
            }
        }
        outputs.addAll(logged());
        outputs.addAll(tags());
        assertEquals(2, log.events().size());
        for (String output : outputs) {
            assertFalse(output.contains(SECRET), output);
        }
        assertTrue(tags().contains("datasource=h2:mem:" + name + "_url"), tags().toString());
    }

    @Test
    void postgres_passwordInTheUrlAndInProperties_neverInAMessageLogLineOrTag() throws SQLException {
        Servers.requirePostgres(); // trust authentication: the password is sent, and ignored
        Properties properties = new Properties();
        properties.setProperty("password", SECRET);
        String url = "jdbc:integrity:postgresql://127.0.0.1:5432/test?user=postgres&password=" + SECRET;
        List<String> outputs = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, properties);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS ij_secret");
            statement.execute("CREATE TABLE ij_secret (id INT CONSTRAINT pk_ij_secret PRIMARY KEY, token TEXT)");
            try {
                statement.execute("INSERT INTO ij_secret VALUES (1, 'a')");
                SQLException e = assertThrows(SQLException.class,
                        () -> statement.execute("INSERT INTO ij_secret VALUES (1, 'b')"));
                ViolationReport report = IntegrityViolations.find(e).orElseThrow();
                assertEquals(ViolationKind.PRIMARY_KEY, report.kind());
                outputs.add(e.getMessage());
                outputs.add(report.toString());
                outputs.add(connection.toString());
            } finally {
                statement.execute("DROP TABLE IF EXISTS ij_secret");
            }
        }
        outputs.addAll(logged());
        outputs.addAll(tags());
        assertEquals(1, log.events().size());
        for (String output : outputs) {
            assertFalse(output.contains(SECRET), output);
        }
        assertTrue(tags().contains("datasource=postgresql://127.0.0.1:5432/test"), tags().toString());
    }

    @Test
    void mariaDb_refusedPassword_errorWithoutTheSecret() {
        Servers.requireMariaDb(); // root has no password here: any password is refused
        Properties properties = new Properties();
        properties.setProperty("password", SECRET);
        for (String url : List.of("jdbc:integrity:mariadb://127.0.0.1:3306/test?user=root&password=" + SECRET,
                "jdbc:integrity:mariadb://127.0.0.1:3306/test?user=root")) {
            SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, properties));
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains(SECRET), t.getMessage());
            }
        }
    }

    @Test
    void postgres_passwordInUserInfo_pgjdbcRepeatsIt_theProxyThrowsAMaskedCopy() throws Exception {
        Servers.requirePostgres();
        String plain = "jdbc:postgresql://alice:" + SECRET + "@127.0.0.1:5432/test";
        // pgjdbc does not support user information: it takes "alice:<password>@127.0.0.1" for the host name
        SQLException raw = assertThrows(SQLException.class, () -> DriverManager.getConnection(plain));
        assertEquals("org.postgresql.util.PSQLException", raw.getClass().getName());
        assertEquals("java.net.UnknownHostException: alice:" + SECRET + "@127.0.0.1", raw.getCause().toString(),
                "the raw driver repeats the password in the cause's message");

        for (SQLException e : List.of(
                assertThrows(SQLException.class,
                        () -> DriverManager.getConnection("jdbc:integrity:" + plain.substring(5))),
                assertThrows(SQLException.class, () -> new IntegrityDriver().connect(
                        "jdbc:integrity:" + plain.substring(5), new Properties())))) {
            assertNothingRevealed(e);
            assertEquals(SQLException.class, e.getClass(), "PSQLException's JDBC family is plain SQLException");
            assertEquals(raw.getSQLState(), e.getSQLState());
            assertEquals(raw.getErrorCode(), e.getErrorCode());
            assertEquals(raw.getMessage(), e.getMessage(), "nothing to mask at the top: the same text");
            assertEquals("java.net.UnknownHostException: alice:****@127.0.0.1", e.getCause().toString());
            assertTrue(e.getCause() instanceof java.net.UnknownHostException, e.getCause().getClass().getName());
            assertEquals(raw.getCause().getStackTrace()[0], e.getCause().getStackTrace()[0],
                    "where it failed is kept");
        }
    }

    @Test
    void postgres_failureThatRepeatsNoPassword_isTheDriversOwnException() {
        Servers.requirePostgres();
        Properties properties = new Properties();
        properties.setProperty("password", SECRET);
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:integrity:postgresql://127.0.0.1:5432/ij_no_such_db?user=postgres&password=" + SECRET,
                properties));
        assertEquals("org.postgresql.util.PSQLException", e.getClass().getName(), "untouched");
        assertEquals("3D000", e.getSQLState());
        assertNothingRevealed(e);
    }

    @Test
    void passwordGivenInProperties_isMaskedWhereARealDriversFailureRepeatsIt() throws Exception {
        Servers.requirePostgres();
        // The property path on its own: a real pgjdbc failure that repeats a value which the properties call a password
        SQLException raw = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:postgresql://alice:" + SECRET + "@127.0.0.1:5432/test"));
        Properties properties = new Properties();
        properties.setProperty("user", "alice");
        properties.setProperty("password", SECRET);
        SQLException masked = ConnectionSecrets.of("jdbc:postgresql://127.0.0.1:5432/test", properties).mask(raw);
        assertNothingRevealed(masked);
        assertEquals("alice:****@127.0.0.1", masked.getCause().getMessage());
        Properties unrelated = new Properties();
        unrelated.setProperty("user", SECRET); // a user name is not a secret: left as it is
        assertTrue(raw == ConnectionSecrets.of("jdbc:postgresql://127.0.0.1:5432/test", unrelated).mask(raw));
    }

    @Test
    void mariaDb_passwordInUserInfo_connectorJRepeatsIt_theProxyThrowsAMaskedCopy() {
        Servers.requireMariaDb();
        String plain = "jdbc:mariadb://root:" + SECRET + "@127.0.0.1:3306/test";
        // Connector/J reads what follows the colon as the port, and quotes it
        SQLException raw = assertThrows(SQLException.class, () -> DriverManager.getConnection(plain));
        assertTrue(raw.getMessage().contains(SECRET), raw.getMessage());
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:integrity:" + plain.substring(5)));
        assertNothingRevealed(e);
        assertEquals(raw.getClass(), e.getClass());
        assertEquals(raw.getSQLState(), e.getSQLState());
        assertEquals(raw.getErrorCode(), e.getErrorCode());
        assertEquals(raw.getMessage().replace(SECRET, "****"), e.getMessage());
    }

    @Test
    void throughIntegrityDataSource_thePasswordArgumentIsMaskedWhereTheDriverRepeatsIt() throws SQLException {
        Servers.requirePostgres();
        Servers.requireMariaDb();
        // A DataSource whose URL also carries the password, which pgjdbc then takes for part of the host name: the
        // password handed to getConnection(user, password) is the one integrity-jdbc knows, and masks.
        org.postgresql.ds.PGSimpleDataSource misconfigured = new org.postgresql.ds.PGSimpleDataSource();
        misconfigured.setURL("jdbc:postgresql://alice:" + SECRET + "@127.0.0.1:5432/test");
        SQLException raw = assertThrows(SQLException.class, () -> misconfigured.getConnection("alice", SECRET));
        assertTrue(raw.getCause().getMessage().contains(SECRET), raw.getCause().getMessage());
        SQLException e = assertThrows(SQLException.class,
                () -> IntegrityDataSource.wrap(misconfigured).getConnection("alice", SECRET));
        assertNothingRevealed(e);
        assertEquals(raw.getMessage(), e.getMessage());
        assertEquals(raw.getCause().getMessage().replace(SECRET, "****"), e.getCause().getMessage());
        assertEquals(raw.getSQLState(), e.getSQLState());

        org.mariadb.jdbc.MariaDbDataSource mariaDb = new org.mariadb.jdbc.MariaDbDataSource();
        mariaDb.setUrl("jdbc:mariadb://127.0.0.1:3306/test");
        DataSource dataSource = IntegrityDataSource.wrap(mariaDb);
        SQLException refused = assertThrows(SQLException.class, () -> dataSource.getConnection("root", SECRET));
        assertEquals("java.sql.SQLInvalidAuthorizationSpecException", refused.getClass().getName(),
                "a refusal that does not repeat the password is the driver's own");
        assertEquals(1045, refused.getErrorCode());
        assertNothingRevealed(refused);
        try (Connection connection = dataSource.getConnection("root", "")) {
            assertTrue(connection.isValid(1), "the right password still connects");
        }
    }

    @Test
    void h2_passwordInUserInfo_h2RepeatsIt_theProxyThrowsAMaskedCopyOfTheSameFamily() {
        // H2's TCP URL has no user information: it reads "<password>@127.0.0.1:1" as the port number
        String plain = "jdbc:h2:tcp://alice:" + SECRET + "@127.0.0.1:1/~/ij_secret";
        SQLException raw = assertThrows(SQLException.class, () -> DriverManager.getConnection(plain));
        assertTrue(raw.getMessage().contains(SECRET), raw.getMessage());
        assertTrue(raw.getCause().getMessage().contains(SECRET), raw.getCause().getMessage());
        SQLException e = assertThrows(SQLException.class,
                () -> new IntegrityDriver().connect("jdbc:integrity:" + plain.substring(5), new Properties()));
        assertNothingRevealed(e);
        assertEquals(java.sql.SQLNonTransientException.class, e.getClass(),
                "the nearest java.sql class of " + raw.getClass().getName());
        assertTrue(raw instanceof java.sql.SQLNonTransientException);
        assertEquals(raw.getSQLState(), e.getSQLState());
        assertEquals(raw.getErrorCode(), e.getErrorCode());
        assertEquals(raw.getMessage().replace(SECRET, "****"), e.getMessage());
        assertEquals(NumberFormatException.class, e.getCause().getClass());
        assertEquals(raw.getCause().getMessage().replace(SECRET, "****"), e.getCause().getMessage());
    }

    /**
     * README's advice for the cause chain: the original exception stays the cause, with the database's own text, so
     * a masked column's value is there unless the driver is told to leave it out. With pgjdbc's
     * {@code logServerErrorDetail=false} it is nowhere in the chain, and the report still names everything.
     */
    @Test
    void postgres_logServerErrorDetailFalse_keepsAMaskedValueOutOfTheWholeChain() throws SQLException {
        Servers.requirePostgres();
        for (boolean detail : new boolean[] {true, false}) {
            String url = Servers.POSTGRES_URL + (detail ? "" : "&logServerErrorDetail=false");
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS ij_cause");
                statement.execute("CREATE TABLE ij_cause (id INT PRIMARY KEY,"
                        + " api_token TEXT CONSTRAINT uq_ij_cause_token UNIQUE)");
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ij_cause VALUES (?, ?)")) {
                    insert.setInt(1, 1);
                    insert.setString(2, SECRET);
                    insert.executeUpdate();
                    insert.setInt(1, 2);
                    SQLException single = assertThrows(SQLException.class, insert::executeUpdate);
                    insert.setInt(1, 3);
                    insert.addBatch();
                    SQLException batch = assertThrows(BatchUpdateException.class, insert::executeBatch);
                    for (SQLException e : List.of(single, batch)) {
                        ViolationReport report = IntegrityViolations.find(e).orElseThrow();
                        assertEquals(ViolationKind.UNIQUE, report.kind());
                        assertEquals("uq_ij_cause_token", report.constraint().orElseThrow());
                        assertEquals("ij_cause", report.table().orElseThrow());
                        assertEquals(List.of("api_token"), report.columns());
                        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
                        assertFalse(report.toString().contains(SECRET), report.toString());
                        if (detail) {
                            assertTrue(chainText(e).contains(SECRET), "pgjdbc's own text, in the cause");
                        } else {
                            assertNothingRevealed(e);
                        }
                    }
                    org.postgresql.util.PSQLException original =
                            (org.postgresql.util.PSQLException) single.getCause();
                    // What the setting does not do: the structured detail still holds the value, for code that asks
                    assertTrue(original.getServerErrorMessage().getDetail().contains(SECRET));
                } finally {
                    statement.execute("DROP TABLE IF EXISTS ij_cause");
                }
            }
        }
    }

    private static String chainText(Throwable e) {
        java.io.StringWriter printed = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(printed));
        return printed.toString();
    }

    /** No message, toString or printed stack trace along the chain (causes, next, suppressed) holds the password. */
    private static void assertNothingRevealed(Throwable e) {
        java.io.StringWriter printed = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(printed));
        assertFalse(printed.toString().contains(SECRET), printed.toString());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(SECRET), t.getMessage());
            if (t instanceof SQLException && ((SQLException) t).getNextException() != null) {
                assertNothingRevealed(((SQLException) t).getNextException());
            }
        }
    }

    @Test
    void maskedColumn_maskedInEveryOutput_batchAndPreserveModeToo() throws SQLException {
        Properties preserve = new Properties();
        preserve.setProperty("integrity.mode", "preserve");
        try (Connection connection = H2Database.openWithSchema(H2Database.uniqueName("masked"), preserve);
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO account (id, username, password) VALUES (?, ?, ?)")) {
            insert.setInt(1, 5);
            insert.setString(2, "fresh");
            insert.setString(3, "first-" + SECRET);
            insert.addBatch();
            insert.setInt(1, 6);
            insert.setString(2, "root");
            insert.setString(3, "second-" + SECRET);
            insert.addBatch();
            BatchUpdateException e = assertThrows(BatchUpdateException.class, insert::executeBatch);
            ViolationReport report = IntegrityViolations.find(e).orElseThrow();
            assertEquals(ViolationKind.UNIQUE, report.kind());
            assertEquals(List.of("6", "'root'", "****"), report.parameters());
            List<String> outputs = new ArrayList<>(List.of(report.toString(), report.explain(),
                    report.parameters().toString(), report.offendingValues().toString(), String.valueOf(report.sql())));
            for (Throwable suppressed : e.getSuppressed()) {
                outputs.add(suppressed.getMessage());
            }
            assertEquals(1, e.getSuppressed().length, "preserve mode attaches the explanation");
            outputs.addAll(logged());
            outputs.addAll(tags());
            for (String output : outputs) {
                assertFalse(output.contains(SECRET), output);
            }
        }
    }

    @Test
    void controlCharactersInValuesAndNames_cannotForgeALogLine() throws SQLException {
        String forged = "x\n12:00:00.000 WARN  io.github.integrityjdbc.violations - all good\r\u001b[2K\u2028";
        try (Connection connection = H2Database.openWithSchema(H2Database.uniqueName("forge"), new Properties())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE \"odd\ntable\" (id INT PRIMARY KEY, \"odd\rcolumn\" VARCHAR(5) UNIQUE)");
                statement.execute("INSERT INTO \"odd\ntable\" VALUES (1, 'a')");
            }
            SQLException tooLong = assertThrows(SQLException.class, () -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO \"odd\ntable\" (id, \"odd\rcolumn\") VALUES (?, ?)")) {
                    insert.setInt(1, 2);
                    insert.setString(2, forged);
                    insert.executeUpdate();
                }
            });
            SQLException duplicate = assertThrows(SQLException.class, () -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("INSERT INTO \"odd\ntable\" VALUES (3, 'a') /* " + forged + " */");
                }
            });
            assertTrue(IntegrityViolations.find(tooLong).isPresent());
            assertTrue(IntegrityViolations.find(duplicate).isPresent());
        }
        assertEquals(2, log.events().size());
        for (String line : logged()) {
            for (char c : line.toCharArray()) {
                assertFalse(Character.isISOControl(c) || c == '\u2028' || c == '\u2029',
                        () -> "control character " + (int) c + " in " + line);
            }
        }
    }

    @Test
    void tableAndConstraintTags_cappedAtAThousandThenOther() throws SQLException {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        for (int i = 0; i < ViolationMeters.MAX_TAG_VALUES + 200; i++) {
            ViolationMeters.count(own, report("t_" + i, "uq_" + i));
        }
        // tables and constraints seen before the cap keep counting under their own names
        ViolationMeters.count(own, report("t_7", "uq_7"));

        Set<String> tables = own.find(ViolationMeters.NAME).counters().stream()
                .map(c -> c.getId().getTag("table")).collect(Collectors.toSet());
        Set<String> constraints = own.find(ViolationMeters.NAME).counters().stream()
                .map(c -> c.getId().getTag("constraint")).collect(Collectors.toSet());
        assertEquals(ViolationMeters.MAX_TAG_VALUES + 1, tables.size());
        assertEquals(ViolationMeters.MAX_TAG_VALUES + 1, constraints.size());
        assertEquals(200.0, own.get(ViolationMeters.NAME).tags("table", "other", "constraint", "other")
                .counter().count());
        assertEquals(2.0, own.get(ViolationMeters.NAME).tags("table", "t_7").counter().count());
        assertEquals(ViolationMeters.MAX_TAG_VALUES + 201.0, own.find(ViolationMeters.NAME).counters().stream()
                .mapToDouble(c -> c.count()).sum(), "nothing lost");
    }

    /** Every logged line as an appender would write it: message and key-value pairs. */
    private List<String> logged() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : log.events()) {
            lines.add(event.getFormattedMessage());
            CapturedLog.keyValues(event).forEach((key, value) -> lines.add(key + "=" + value));
        }
        return lines;
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            meter.getId().getTags().forEach(tag -> tags.add(tag.getKey() + "=" + tag.getValue()));
        }
        return tags;
    }

    /** A unique violation's report on data source "dyn", as the cold path writes it. */
    private static ViolationReport report(String table, String constraint) {
        return new ReportFields(ViolationKind.UNIQUE, constraint, table, List.of(), null, List.of(), Map.of(), null,
                "23505", 0, null, "dyn", "").report();
    }
}
