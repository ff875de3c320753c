package io.github.integrityjdbc.samples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop on Spring Boot, HikariCP and embedded H2. Nothing in its code knows about integrity-jdbc: the JDBC
 * URL in application.properties switches it on, and Actuator serves the counter at {@code /actuator/prometheus}.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
