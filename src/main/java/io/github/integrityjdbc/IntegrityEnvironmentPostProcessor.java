package io.github.integrityjdbc;

import io.github.integrityjdbc.spring.UrlRoute;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Lets a Spring Boot application switch to integrity-jdbc with {@code spring.datasource.url} alone. Spring Boot
 * chooses the driver class from the URL's prefix and does not know {@code jdbc:integrity:}; with H2 on the class
 * path it would choose H2's driver, which refuses the URL. So when the URL is a {@code jdbc:integrity:} URL and no
 * driver class is configured, this sets {@code spring.datasource.driver-class-name} to {@link IntegrityDriver}, with
 * the lowest precedence of all property sources.
 *
 * <p>This is Spring Boot 3's {@code org.springframework.boot.env.EnvironmentPostProcessor}, which Boot 4.0 and 4.1
 * still call (deprecated); on Boot 4, {@code io.github.integrityjdbc.spring.Boot4EnvironmentPostProcessor} does the
 * same through Boot 4's interface. Spring Boot finds both through {@code META-INF/spring.factories}; Spring Boot is
 * an optional dependency, and nothing else loads these classes.
 */
@SuppressWarnings("removal") // Boot 4 deprecates the interface; this class is for Boot 3, which has no other
public final class IntegrityEnvironmentPostProcessor implements org.springframework.boot.env.EnvironmentPostProcessor {

    /** Called by Spring Boot. */
    public IntegrityEnvironmentPostProcessor() {
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        UrlRoute.setDriverClass(environment);
    }
}
