package io.github.integrityjdbc.flyway;

import io.github.integrityjdbc.IntegrityDriver;
import io.github.integrityjdbc.driver.DelegateDrivers;
import io.github.integrityjdbc.driver.DelegateUrl;
import io.github.integrityjdbc.report.DebugLog;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.extensibility.Plugin;
import org.flywaydb.core.internal.callback.CallbackExecutor;
import org.flywaydb.core.internal.database.DatabaseExecutionStrategy;
import org.flywaydb.core.internal.database.DatabaseType;
import org.flywaydb.core.internal.database.DatabaseTypeRegister;
import org.flywaydb.core.internal.database.base.Database;
import org.flywaydb.core.internal.jdbc.ExecutionTemplate;
import org.flywaydb.core.internal.jdbc.JdbcConnectionFactory;
import org.flywaydb.core.internal.jdbc.StatementInterceptor;
import org.flywaydb.core.internal.parser.Parser;
import org.flywaydb.core.internal.parser.ParsingContext;
import org.flywaydb.core.internal.sqlscript.SqlScriptExecutorFactory;
import org.flywaydb.core.internal.sqlscript.SqlScriptFactory;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flyway's database type for {@code jdbc:integrity:<inner>} URLs, so that Flyway takes such a URL wherever it takes
 * one. It answers only what Flyway asks of a URL: the driver class is {@link IntegrityDriver}, and every other
 * question (connection properties, whether a user or password is needed, external authentication, shutting an
 * embedded database down) goes to the database type Flyway lists first for {@code jdbc:<inner>}, with the inner URL.
 * It never claims a connection: the proxy reports the real database's product name and the inner URL, so Flyway
 * chooses the real database's type for the connection, as without integrity-jdbc.
 *
 * <p>Every Flyway user with this jar on the class path loads this class, whatever the Flyway version, and Flyway
 * catches nothing a plugin throws while it is loaded, instantiated or listed: a {@code ServiceConfigurationError} or
 * {@code LinkageError} there stops Flyway. So loading and instantiating it needs nothing of Flyway but its interfaces
 * {@link Plugin} and {@link DatabaseType} (there since Flyway 8.0.5, the first to read this service file; the
 * other Flyway types it names are resolved only when a method that names them runs); the methods Flyway calls on
 * every database type ({@link #getPriority}, {@link #compareTo}, {@link #getName}, {@link #handlesJDBCUrl},
 * {@link #handlesDatabaseProductNameAndVersion}) are implemented in a way every version can call; and it switches
 * itself off ({@link #isEnabled()} false, and {@link #handlesJDBCUrl} false for the Flyway versions before 9.19,
 * which do not ask {@code isEnabled}) unless this Flyway's {@code DatabaseType} has no abstract method this class
 * leaves unimplemented and {@code DatabaseTypeRegister.getDatabaseTypesForUrl(String, Configuration)} exists:
 * Flyway 10.22 on, up to 13.12 as tested. Where it is off, Flyway behaves as without this jar (it refuses {@code jdbc:integrity:} URLs).
 */
public final class IntegrityDatabaseType implements DatabaseType {

    private static final String NAME = "integrity-jdbc";
    private static final String NOT_A_CONNECTION_TYPE = NAME + "'s Flyway plugin only reads jdbc:integrity: URLs; "
            + "the connection's database type is the real database's";
    /** {@code ?password=secret}, {@code ;password=secret}: the first group is the value (Flyway redacts it). */
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("[;&?]password=([^;&]*)", Pattern.CASE_INSENSITIVE);
    /** {@code //user:secret@host}: the first group is the password. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("//[^/?#@:;]*:([^/?#]*)@");

    /**
     * The last {@code jdbc:integrity:} URL this thread's Flyway asked about. Flyway asks a few questions without a
     * URL ({@link #setConfigConnectionProps}, {@link #setEarlyConnectionProps}, and older Flyways the one-argument
     * {@link #setOverridingConnectionProps(Map)}) in the same constructor of its {@code DriverDataSource}, on the
     * same thread, after {@link #handlesJDBCUrl} accepted the URL; they only need the URL to choose the inner type.
     * Kept with its passwords masked, so that no secret stays in the thread; a String, so no class loader is held.
     */
    private static final ThreadLocal<String> LAST_URL = new ThreadLocal<>();

    /** Flyway instantiates this through {@code ServiceLoader}. */
    public IntegrityDatabaseType() {
    }

    /** False when this Flyway's internal API is not the one this class was written for (see the class comment). */
    @Override
    public boolean isEnabled() {
        return Compatibility.WITH_THIS_FLYWAY;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** None: Flyway's {@code flyway.environments.*.type} names the real database, never this. */
    @Override
    public List<String> getSupportedEngines() {
        return List.of();
    }

    @Override
    public int getPriority() {
        return 0;
    }

    /** Flyway's order, higher priority first; the priority read through {@code DatabaseType} (older Flyways). */
    @Override
    public int compareTo(Plugin other) {
        int otherPriority = other instanceof DatabaseType ? ((DatabaseType) other).getPriority() : 0;
        return Integer.compare(otherPriority, getPriority());
    }

    /**
     * True for {@code jdbc:integrity:<inner>} when Flyway has a database type for {@code jdbc:<inner>}, so that an
     * inner URL Flyway does not know fails as it would without the prefix.
     */
    @Override
    public boolean handlesJDBCUrl(String url) {
        if (!DelegateUrl.accepts(url) || !Compatibility.WITH_THIS_FLYWAY) {
            return false;
        }
        boolean handled = Inner.of(url) != null;
        if (handled) {
            LAST_URL.set(DelegateUrl.masked(url));
        }
        return handled;
    }

    /** Never: the connection's type is the real database's, which Flyway finds by product name. */
    @Override
    public boolean handlesDatabaseProductNameAndVersion(String databaseProductName, String databaseProductVersion,
                                                        Connection connection) {
        return false;
    }

    @Override
    public String getDriverClass(String url, ClassLoader classLoader) {
        return IntegrityDriver.class.getName();
    }

    /** None: the driver class is in this jar. */
    @Override
    public String getBackupDriverClass(String url, ClassLoader classLoader) {
        return null;
    }

    /** Nothing to add: {@link IntegrityDriver} is in this jar, so instantiating it does not fail. */
    @Override
    public String instantiateClassExtendedErrorMessage() {
        return "";
    }

    @Override
    public void setEarlyConnectionProps() {
        Inner inner = Inner.ofLastUrl();
        if (inner != null) {
            inner.type.setEarlyConnectionProps();
        }
    }

    @Override
    public void setDefaultConnectionProps(String url, Properties props, ClassLoader classLoader) {
        Inner inner = Inner.of(url);
        if (inner != null) {
            inner.type.setDefaultConnectionProps(inner.url, props, classLoader);
        }
    }

    @Override
    public void setConfigConnectionProps(Configuration config, Properties props, ClassLoader classLoader) {
        Inner inner = Inner.ofLastUrl();
        if (inner != null) {
            inner.type.setConfigConnectionProps(config, props, classLoader);
        }
    }

    @Override
    public void setOverridingConnectionProps(Map<String, String> props) {
        Inner inner = Inner.ofLastUrl();
        if (inner != null) {
            inner.type.setOverridingConnectionProps(props);
        }
    }

    /** Newer Flyways (13.12 does) ask with the URL. */
    @Override
    public void setOverridingConnectionProps(String url, Map<String, String> props) {
        Inner inner = Inner.of(url);
        if (inner != null) {
            inner.type.setOverridingConnectionProps(inner.url, props);
        }
    }

    /** The inner type shuts its embedded database down (Derby) with the real driver, not through the proxy. */
    @Override
    public void shutdownDatabase(String url, Driver driver) {
        Inner inner = Inner.of(url);
        if (inner == null) {
            return;
        }
        Driver real;
        try {
            real = DelegateDrivers.find(inner.url, IntegrityDriver.class);
        } catch (SQLException e) {
            return; // no driver for the inner URL: there was no connection to shut down
        }
        inner.type.shutdownDatabase(inner.url, real);
    }

    @Override
    @SuppressWarnings("deprecation")
    public boolean detectUserRequiredByUrl(String url) {
        Inner inner = Inner.of(url);
        return inner == null || inner.type.detectUserRequiredByUrl(inner.url);
    }

    @Override
    @SuppressWarnings("deprecation")
    public boolean detectPasswordRequiredByUrl(String url) {
        Inner inner = Inner.of(url);
        return inner == null || inner.type.detectPasswordRequiredByUrl(inner.url);
    }

    @Override
    public boolean externalAuthPropertiesRequired(String url, String username, String password) {
        Inner inner = Inner.of(url);
        return inner != null && inner.type.externalAuthPropertiesRequired(inner.url, username, password);
    }

    @Override
    public Properties getExternalAuthProperties(String url, String username) {
        Inner inner = Inner.of(url);
        return inner == null ? new Properties() : inner.type.getExternalAuthProperties(inner.url, username);
    }

    /** Newer Flyways (13.12 does) ask with the configuration. */
    @Override
    public Properties getExternalAuthProperties(Configuration configuration, String url, String username) {
        Inner inner = Inner.of(url);
        return inner == null ? new Properties()
                : inner.type.getExternalAuthProperties(configuration, inner.url, username);
    }

    /** Where a {@code jdbc:integrity:} URL may hold a password, for Flyway to redact in what it logs. */
    @Override
    public Pattern getJDBCCredentialsPattern() {
        return PASSWORD_PARAMETER;
    }

    @Override
    public List<Pattern> getJDBCCredentialsPatterns() {
        return List.of(PASSWORD_PARAMETER, USER_INFO_PASSWORD);
    }

    // What follows belongs to a connection's database type, which this never is.

    @Override
    public int getNullType() {
        return Types.NULL;
    }

    @Override
    public boolean supportsReadOnlyTransactions() {
        return false;
    }

    @Override
    public Connection alterConnectionAsNeeded(Connection connection, Configuration configuration) {
        return connection;
    }

    @Override
    public Database createDatabase(Configuration configuration, JdbcConnectionFactory jdbcConnectionFactory,
                                   StatementInterceptor statementInterceptor) {
        throw new IllegalStateException(NOT_A_CONNECTION_TYPE);
    }

    @Override
    public Parser createParser(Configuration configuration, ResourceProvider resourceProvider,
                               ParsingContext parsingContext) {
        throw new IllegalStateException(NOT_A_CONNECTION_TYPE);
    }

    @Override
    public SqlScriptFactory createSqlScriptFactory(Configuration configuration, ParsingContext parsingContext) {
        throw new IllegalStateException(NOT_A_CONNECTION_TYPE);
    }

    @Override
    public SqlScriptExecutorFactory createSqlScriptExecutorFactory(JdbcConnectionFactory jdbcConnectionFactory,
                                                                   CallbackExecutor<Event> callbackExecutor,
                                                                   StatementInterceptor statementInterceptor) {
        throw new IllegalStateException(NOT_A_CONNECTION_TYPE);
    }

    @Override
    public DatabaseExecutionStrategy createExecutionStrategy(Connection connection) {
        throw new IllegalStateException(NOT_A_CONNECTION_TYPE);
    }

    @Override
    public ExecutionTemplate createTransactionalExecutionTemplate(Connection connection,
                                                                  boolean rollbackOnException) {
        throw new IllegalStateException(NOT_A_CONNECTION_TYPE);
    }

    @Override
    public String toString() {
        return NAME;
    }

    /** The inner URL (what the real driver gets: {@code jdbc:<inner>} without {@code integrity.*} parameters) and
     * the database type Flyway lists first for it, other than this one. */
    private record Inner(String url, DatabaseType type) {

        /** Null when {@code url} is not a {@code jdbc:integrity:} URL or Flyway has no type for its inner URL. */
        static Inner of(String url) {
            if (!DelegateUrl.accepts(url)) {
                return null;
            }
            String innerUrl = DelegateUrl.settings(DelegateUrl.delegate(url)).url();
            // As Object: the list's element type is GeneralDatabaseType since Flyway 12.11, which older ones lack.
            for (Object type : (List<?>) DatabaseTypeRegister.getDatabaseTypesForUrl(innerUrl, null)) {
                if (type instanceof DatabaseType && !(type instanceof IntegrityDatabaseType)) {
                    return new Inner(innerUrl, (DatabaseType) type);
                }
            }
            return null;
        }

        static Inner ofLastUrl() {
            String url = LAST_URL.get();
            return url == null ? null : of(url);
        }
    }

    /** Whether this Flyway is one this class can serve, decided once, when Flyway first instantiates it. */
    private static final class Compatibility {

        static final boolean WITH_THIS_FLYWAY = check();

        private static boolean check() {
            try {
                List<String> missing = unimplemented();
                Method lookup = DatabaseTypeRegister.class.getMethod("getDatabaseTypesForUrl", String.class,
                        Configuration.class);
                if (!Modifier.isStatic(lookup.getModifiers()) || lookup.getReturnType() != List.class) {
                    missing.add("static List DatabaseTypeRegister.getDatabaseTypesForUrl(String, Configuration)");
                }
                if (missing.isEmpty()) {
                    return true;
                }
                DebugLog.of(IntegrityDatabaseType.class).debug("Off for this Flyway: it asks for {}; give Flyway a "
                        + "DataSource wrapped with IntegrityDataSource instead of a jdbc:integrity: URL", missing);
                return false;
            } catch (NoSuchMethodException | LinkageError | RuntimeException e) {
                DebugLog.of(IntegrityDatabaseType.class).debug("Off for this Flyway: {}; give Flyway a DataSource "
                        + "wrapped with IntegrityDataSource instead of a jdbc:integrity: URL", e.toString());
                return false;
            }
        }

        /** The abstract methods of this Flyway's {@code DatabaseType} that this class has no body for. */
        private static List<String> unimplemented() {
            Set<String> implemented = new HashSet<>();
            for (Method method : IntegrityDatabaseType.class.getMethods()) {
                if (!Modifier.isAbstract(method.getModifiers())) {
                    implemented.add(signature(method));
                }
            }
            List<String> missing = new ArrayList<>();
            for (Method method : DatabaseType.class.getMethods()) {
                if (Modifier.isAbstract(method.getModifiers()) && !implemented.contains(signature(method))) {
                    missing.add(signature(method));
                }
            }
            return missing;
        }

        /** Name, parameter types and return type: what the JVM matches an implementation by. */
        private static String signature(Method method) {
            return method.getReturnType().getName() + " " + method.getName()
                    + Arrays.toString(Arrays.stream(method.getParameterTypes()).map(Class::getName).toArray());
        }
    }
}
