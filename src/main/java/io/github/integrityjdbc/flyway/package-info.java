/**
 * Internal: the Flyway plugin that lets Flyway take a {@code jdbc:integrity:} URL ({@code flyway.url}, the Maven and
 * Gradle plugins, the command line, {@code Flyway.configure().dataSource(url, user, password)}). Flyway finds it by
 * {@code ServiceLoader} through {@code META-INF/services/org.flywaydb.core.extensibility.Plugin}; nothing else
 * loads it, and the driver runs without Flyway.
 *
 * <p>Not API. The public classes here are public only so that Flyway can instantiate them; they may change or go in
 * any release. The API is the package {@code io.github.integrityjdbc}.
 */
package io.github.integrityjdbc.flyway;
