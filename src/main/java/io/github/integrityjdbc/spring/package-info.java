/**
 * Internal: the Spring Boot integration, loaded by Spring Boot only (Spring Boot 3.5 and 4): the auto-configuration
 * {@link io.github.integrityjdbc.spring.IntegrityAutoConfiguration}, which wraps every DataSource bean, its
 * {@code integrity.*} Spring properties ({@link io.github.integrityjdbc.spring.IntegrityProperties}), and Boot 4's
 * environment post-processor for the {@code jdbc:integrity:} URL.
 *
 * <p>Not API, but for two names: the {@code integrity.*} Spring properties, and {@code IntegrityAutoConfiguration}
 * for an application's {@code exclude}. The API is the package {@code io.github.integrityjdbc}.
 */
package io.github.integrityjdbc.spring;
