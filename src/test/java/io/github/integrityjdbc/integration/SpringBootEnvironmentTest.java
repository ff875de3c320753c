package io.github.integrityjdbc.integration;

import io.github.integrityjdbc.IntegrityEnvironmentPostProcessor;
import io.github.integrityjdbc.spring.Boot4EnvironmentPostProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Spring Boot with the URL alone: the driver class is filled in for jdbc:integrity: URLs, and only for them, by Boot
 * 3's post-processor and by Boot 4's alike; Boot 4.0 and 4.1 call both, which is the same as one.
 */
class SpringBootEnvironmentTest {

    private static String driverClassAfterPostProcessing(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
        new IntegrityEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        return environment.getProperty("spring.datasource.driver-class-name");
    }

    @Test
    void integrityUrlAlone_getsTheIntegrityDriver() {
        assertEquals("io.github.integrityjdbc.IntegrityDriver",
                driverClassAfterPostProcessing(Map.of("spring.datasource.url", "jdbc:integrity:h2:mem:shop")));
    }

    @Test
    void configuredDriverClass_isLeftAlone() {
        assertEquals("com.example.Driver", driverClassAfterPostProcessing(Map.of(
                "spring.datasource.url", "jdbc:integrity:h2:mem:shop",
                "spring.datasource.driver-class-name", "com.example.Driver")));
    }

    @Test
    void boot4sPostProcessor_doesTheSame_andBothTogetherAddOneSource() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application",
                Map.of("spring.datasource.url", "jdbc:integrity:h2:mem:shop")));
        new Boot4EnvironmentPostProcessor().postProcessEnvironment(environment, null);
        assertEquals("io.github.integrityjdbc.IntegrityDriver",
                environment.getProperty("spring.datasource.driver-class-name"));
        int sources = environment.getPropertySources().size();
        new IntegrityEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        assertEquals(sources, environment.getPropertySources().size());

        StandardEnvironment other = new StandardEnvironment();
        other.getPropertySources().addFirst(new MapPropertySource("application",
                Map.of("spring.datasource.url", "jdbc:h2:mem:shop")));
        new Boot4EnvironmentPostProcessor().postProcessEnvironment(other, null);
        assertNull(other.getProperty("spring.datasource.driver-class-name"));
    }

    @Test
    void otherUrls_areLeftToSpringBoot() {
        assertNull(driverClassAfterPostProcessing(Map.of("spring.datasource.url", "jdbc:h2:mem:shop")));
        assertNull(driverClassAfterPostProcessing(Map.of()));
    }
}
