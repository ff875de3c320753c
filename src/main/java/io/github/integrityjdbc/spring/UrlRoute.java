package io.github.integrityjdbc.spring;

import io.github.integrityjdbc.IntegrityDriver;
import io.github.integrityjdbc.driver.DelegateUrl;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * What both environment post-processors do (Spring Boot 3's {@link io.github.integrityjdbc.IntegrityEnvironmentPostProcessor}
 * and {@link Boot4EnvironmentPostProcessor}): Spring Boot chooses the driver class from the URL's prefix and does not
 * know {@code jdbc:integrity:}; with H2 on the class path it would choose H2's driver, which refuses the URL. So when
 * {@code spring.datasource.url} is a {@code jdbc:integrity:} URL and no driver class is configured, this sets
 * {@code spring.datasource.driver-class-name} to {@link IntegrityDriver}, with the lowest precedence of all property
 * sources. Doing it twice changes nothing (Boot 4.0 and 4.1 call both post-processors).
 */
public final class UrlRoute {

    static final String URL = "spring.datasource.url";
    static final String DRIVER_CLASS_NAME = "spring.datasource.driver-class-name";
    private static final String SOURCE_NAME = "integrity-jdbc";

    private UrlRoute() {
    }

    /** Sets the driver class for a {@code jdbc:integrity:} URL that has none. */
    public static void setDriverClass(ConfigurableEnvironment environment) {
        String url = environment.getProperty(URL);
        if (url != null && DelegateUrl.accepts(url.trim()) && !environment.containsProperty(DRIVER_CLASS_NAME)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME,
                    Map.of(DRIVER_CLASS_NAME, IntegrityDriver.class.getName())));
        }
    }
}
