package io.github.integrityjdbc.spring;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Spring Boot auto-configuration (Boot 3.5 and 4): every DataSource bean is wrapped in an
 * {@link io.github.integrityjdbc.IntegrityDataSource} after its initialization, named by its bean name, unless
 * {@code integrity.datasource.enabled=false}. What is skipped: see {@link IntegrityDataSourcePostProcessor}. Listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}; an application may also
 * name it in {@code @SpringBootApplication(exclude = ...)}.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "integrity.datasource", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(IntegrityProperties.class)
public final class IntegrityAutoConfiguration {

    /** Created by Spring Boot. */
    public IntegrityAutoConfiguration() {
    }

    /**
     * Static, and given only lazy handles, so that declaring it creates no other bean early: the properties and the
     * MeterRegistry are looked up when the first DataSource bean is wrapped and once every singleton exists.
     */
    @Bean
    static IntegrityDataSourcePostProcessor integrityDataSourcePostProcessor(
            ObjectProvider<IntegrityProperties> properties, Environment environment, BeanFactory beanFactory) {
        return new IntegrityDataSourcePostProcessor(properties, environment, beanFactory);
    }
}
