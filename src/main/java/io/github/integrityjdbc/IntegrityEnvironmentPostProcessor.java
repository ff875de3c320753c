package io.github.integrityjdbc;

import io.github.integrityjdbc.driver.DelegateUrl;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Lets a Spring Boot application switch to integrity-jdbc with {@code spring.datasource.url} alone. Spring Boot
 * chooses the driver class from the URL's prefix and does not know {@code jdbc:integrity:}; with H2 on the class
 * path it would choose H2's driver, which refuses the URL. So when the URL is a {@code jdbc:integrity:} URL and no
 * driver class is configured, this sets {@code spring.datasource.driver-class-name} to {@link IntegrityDriver}, with
 * the lowest precedence of all property sources.
 *
 * <p>Spring Boot finds it through {@code META-INF/spring.factories}; Spring Boot is an optional dependency, and
 * nothing else loads this class.
 */
public final class IntegrityEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String URL = "spring.datasource.url";
    static final String DRIVER_CLASS_NAME = "spring.datasource.driver-class-name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL);
        if (url != null && DelegateUrl.accepts(url.trim()) && !environment.containsProperty(DRIVER_CLASS_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource("integrity-jdbc",
                    Map.of(DRIVER_CLASS_NAME, IntegrityDriver.class.getName())));
        }
    }
}
