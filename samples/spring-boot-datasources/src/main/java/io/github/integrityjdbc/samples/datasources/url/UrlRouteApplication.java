package io.github.integrityjdbc.samples.datasources.url;

import io.github.integrityjdbc.samples.datasources.Shop;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * An application whose one DataSource is Spring Boot's, switched to integrity-jdbc by its URL alone
 * ({@code url-route.properties}). Its pool opens {@code jdbc:integrity:} connections already, so the
 * auto-configuration leaves the bean as it is.
 */
@SpringBootApplication
public class UrlRouteApplication {

    public static void main(String[] args) {
        run(args);
    }

    /** Runs the application with {@code url-route.properties} and {@code args} ({@code --key=value}). */
    public static ConfigurableApplicationContext run(String... args) {
        return new SpringApplicationBuilder(UrlRouteApplication.class).properties("spring.config.name=url-route")
                .run(args);
    }

    @Bean
    public ApplicationRunner createTable(DataSource dataSource) {
        return arguments -> Shop.createTable(dataSource);
    }
}
