/**
 * Internal: the Liquibase plugin that lets Liquibase take a {@code jdbc:integrity:} URL ({@code --url}, the Maven
 * and Gradle plugins, {@code liquibase.command.url}) without a driver class named. Liquibase finds it by
 * {@code ServiceLoader} through {@code META-INF/services/liquibase.database.Database}; nothing else loads it, and the
 * driver runs without Liquibase.
 *
 * <p>Not API. The public classes here are public only so that Liquibase can instantiate them; they may change or go
 * in any release. The API is the package {@code io.github.integrityjdbc}.
 */
package io.github.integrityjdbc.liquibase;
