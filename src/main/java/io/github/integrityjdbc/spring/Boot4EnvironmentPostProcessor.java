package io.github.integrityjdbc.spring;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The URL route ({@link UrlRoute}) on Spring Boot 4, whose {@code EnvironmentPostProcessor} is
 * {@code org.springframework.boot.EnvironmentPostProcessor}; registered under that key in
 * {@code META-INF/spring.factories}, which Spring Boot 3 does not read. Loaded by Spring Boot only.
 */
public final class Boot4EnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** Called by Spring Boot. */
    public Boot4EnvironmentPostProcessor() {
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        UrlRoute.setDriverClass(environment);
    }
}
