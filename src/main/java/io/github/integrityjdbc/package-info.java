/**
 * The API of integrity-jdbc: {@link io.github.integrityjdbc.IntegrityDriver} (the {@code jdbc:integrity:} driver),
 * {@link io.github.integrityjdbc.IntegrityDataSource} (wraps a DataSource),
 * {@link io.github.integrityjdbc.IntegrityViolations} and {@link io.github.integrityjdbc.ViolationReport} (what was
 * violated, read from a caught exception), {@link io.github.integrityjdbc.ViolationKind}; and the integration entry
 * points {@link io.github.integrityjdbc.IntegrityJdbcProxyFactory} (datasource-proxy) and
 * {@link io.github.integrityjdbc.IntegrityEnvironmentPostProcessor} (Spring Boot; its auto-configuration, which wraps
 * DataSource beans, is in {@code spring}, configured by {@code integrity.*} Spring properties).
 *
 * <p>Only this package is API. Every other package ({@code capture}, {@code config}, {@code diagnose},
 * {@code driver}, {@code proxy}, {@code report}, {@code spring}, and the Flyway and Liquibase plugins in
 * {@code flyway} and {@code liquibase}) is internal.
 * The jar is the automatic module {@code io.github.integrityjdbc}.
 */
package io.github.integrityjdbc;
