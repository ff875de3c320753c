package io.github.integrityjdbc;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

import java.util.List;
import java.util.Map;

/**
 * Spring AOT hints for an application that uses integrity-jdbc (registered through
 * {@code META-INF/spring/aot.factories}): what the driver loads reflectively or by ServiceLoader. The jar also ships
 * the same as GraalVM reachability metadata ({@code META-INF/native-image/io.github.integrityjdbc/integrity-jdbc/}),
 * so a native image needs no configuration of its own either way; a test keeps the two lists equal.
 *
 * <p>No proxy class needs a hint to be created: they are generated at build time and created by plain constructor
 * calls. spring-core is an optional dependency: this class is loaded only by Spring's AOT processing.
 */
public final class IntegrityRuntimeHints implements RuntimeHintsRegistrar {

    /** Classes instantiated by ServiceLoader (DriverManager, Flyway, Liquibase) or Spring's factories loader. */
    static final List<String> INSTANTIATED = List.of(
            "io.github.integrityjdbc.IntegrityDriver",
            "io.github.integrityjdbc.IntegrityEnvironmentPostProcessor",
            "io.github.integrityjdbc.spring.Boot4EnvironmentPostProcessor",
            "io.github.integrityjdbc.flyway.IntegrityDatabaseType",
            "io.github.integrityjdbc.liquibase.IntegrityLiquibaseDatabase");

    /**
     * Classes looked up by name (Class.forName): the optional logging, metrics, tracing and observation APIs, JFR's
     * and HikariCP's; Spring JDBC's routing DataSource, which the Spring Boot auto-configuration recognizes; the
     * report, whose initialiser registers its constructor; the drivers' exception classes that the enriched
     * exceptions extend, looked up to check that the application's driver class is the one they were compiled
     * against.
     */
    static final List<String> LOOKED_UP = List.of(
            "org.slf4j.spi.LoggingEventBuilder",
            "io.micrometer.core.instrument.MeterRegistry",
            "io.opentelemetry.api.trace.Span",
            "io.micrometer.observation.ObservationRegistry",
            "jdk.jfr.Event",
            "com.zaxxer.hikari.HikariDataSource",
            "org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource",
            "io.github.integrityjdbc.ViolationReport",
            "org.postgresql.util.PSQLException",
            "org.apache.derby.shared.common.error.DerbySQLIntegrityConstraintViolationException",
            "org.sqlite.SQLiteException",
            "org.mariadb.jdbc.export.MariaDbDataTruncation",
            "com.mysql.cj.jdbc.exceptions.MysqlDataTruncation");

    /** Vendor error accessors the dialects call by reflection, by class. */
    static final Map<String, List<String>> ACCESSORS = Map.of(
            "org.postgresql.util.PSQLException", List.of("getServerErrorMessage"),
            "org.postgresql.util.ServerErrorMessage",
            List.of("getConstraint", "getTable", "getSchema", "getColumn", "getDetail"),
            "org.apache.derby.shared.common.error.DerbySQLIntegrityConstraintViolationException",
            List.of("getConstraintName", "getTableName"));

    /** Generated vendor proxies whose public methods ProxyFactory lists (to check that none is left abstract). */
    static final List<String> LISTED = List.of(
            "io.github.integrityjdbc.proxy.PostgresConnectionProxy",
            "io.github.integrityjdbc.proxy.PostgresStatementProxy",
            "io.github.integrityjdbc.proxy.PostgresPreparedStatementProxy",
            "io.github.integrityjdbc.proxy.PostgresCallableStatementProxy",
            "io.github.integrityjdbc.proxy.MySqlConnectionProxy",
            "io.github.integrityjdbc.proxy.MySqlStatementProxy",
            "io.github.integrityjdbc.proxy.MySqlPreparedStatementProxy",
            "io.github.integrityjdbc.proxy.MySqlCallableStatementProxy",
            "io.github.integrityjdbc.proxy.H2ConnectionProxy");

    /**
     * The Flyway plugin and Flyway's interface whose public methods the plugin lists, once, to check that it
     * implements every abstract one of this Flyway's; and the Flyway method whose presence it checks.
     */
    static final List<String> FLYWAY_LISTED = List.of(
            "io.github.integrityjdbc.flyway.IntegrityDatabaseType",
            "org.flywaydb.core.internal.database.DatabaseType");
    static final String FLYWAY_REGISTER = "org.flywaydb.core.internal.database.DatabaseTypeRegister";
    static final String FLYWAY_LOOKUP = "getDatabaseTypesForUrl";

    /** Resources read at run time. */
    static final List<String> RESOURCES = List.of("META-INF/services/java.sql.Driver", "META-INF/spring.factories",
            "META-INF/services/org.flywaydb.core.extensibility.Plugin", "META-INF/services/liquibase.database.Database");

    /** Called by Spring's AOT processing; not for applications. */
    public IntegrityRuntimeHints() {
    }

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        for (String type : INSTANTIATED) {
            hints.reflection().registerType(TypeReference.of(type), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        }
        for (String type : LOOKED_UP) {
            hints.reflection().registerType(TypeReference.of(type));
        }
        for (Map.Entry<String, List<String>> accessors : ACCESSORS.entrySet()) {
            hints.reflection().registerType(TypeReference.of(accessors.getKey()), type -> {
                for (String method : accessors.getValue()) {
                    type.withMethod(method, List.of(), ExecutableMode.INVOKE);
                }
            });
        }
        for (String type : LISTED) {
            hints.reflection().registerType(TypeReference.of(type), MemberCategory.INVOKE_PUBLIC_METHODS);
        }
        for (String type : FLYWAY_LISTED) {
            hints.reflection().registerType(TypeReference.of(type), MemberCategory.INVOKE_PUBLIC_METHODS);
        }
        hints.reflection().registerType(TypeReference.of(FLYWAY_REGISTER), type -> type.withMethod(FLYWAY_LOOKUP,
                List.of(TypeReference.of(String.class),
                        TypeReference.of("org.flywaydb.core.api.configuration.Configuration")),
                ExecutableMode.INVOKE));
        for (String resource : RESOURCES) {
            hints.resources().registerPattern(resource);
        }
    }
}
