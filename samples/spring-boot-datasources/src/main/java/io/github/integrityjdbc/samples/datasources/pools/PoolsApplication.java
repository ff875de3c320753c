package io.github.integrityjdbc.samples.datasources.pools;

import com.zaxxer.hikari.HikariDataSource;
import io.github.integrityjdbc.samples.datasources.KeyedRouting;
import io.github.integrityjdbc.samples.datasources.Shop;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.CustomScopeConfigurer;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.context.support.SimpleThreadScope;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.util.Map;

/**
 * An application that builds its own DataSources, as a Spring Boot application with several databases does: two
 * Hikari pools bound from {@code app.datasource.orders.*} and {@code app.datasource.customers.*} (orders is the
 * primary); a routing DataSource over two pools of its own, one per region, that are not beans; a routing DataSource
 * over the two pool beans, one per tenant; and a DataSource in a thread scope, behind its scoped proxy. Nothing here
 * mentions integrity-jdbc: its jar on the class path wraps every DataSource bean, named by its bean name.
 */
@SpringBootApplication
public class PoolsApplication {

    public static void main(String[] args) {
        run(args);
    }

    /** Runs the application with {@code pools.properties} and {@code args} ({@code --key=value}). */
    public static ConfigurableApplicationContext run(String... args) {
        return new SpringApplicationBuilder(PoolsApplication.class).properties("spring.config.name=pools").run(args);
    }

    @Bean
    @Primary
    @ConfigurationProperties("app.datasource.orders")
    public HikariDataSource ordersDataSource() {
        return new HikariDataSource();
    }

    @Bean
    @ConfigurationProperties("app.datasource.customers")
    public HikariDataSource customersDataSource() {
        return new HikariDataSource();
    }

    /** Routes by region to two pools that are not beans; closes them when the context closes. */
    @Bean
    public KeyedRouting regionalDataSource(@Value("${app.regions.eu}") String eu, @Value("${app.regions.us}") String us) {
        DataSource europe = DataSourceBuilder.create().type(HikariDataSource.class).url(eu).build();
        DataSource america = DataSourceBuilder.create().type(HikariDataSource.class).url(us).build();
        return new KeyedRouting(Map.of("eu", europe, "us", america), europe);
    }

    /** Routes by tenant to the two pool beans. */
    @Bean
    public KeyedRouting tenantDataSource(@Qualifier("ordersDataSource") DataSource orders,
                                         @Qualifier("customersDataSource") DataSource customers) {
        return new KeyedRouting(Map.of("orders", orders, "customers", customers), orders);
    }

    @Bean
    public static CustomScopeConfigurer threadScope() {
        CustomScopeConfigurer configurer = new CustomScopeConfigurer();
        configurer.addScope("thread", new SimpleThreadScope());
        return configurer;
    }

    /** One DataSource per thread, injected as its scoped proxy (bean scopedTarget.perThreadDataSource is its target). */
    @Bean
    @Scope(value = "thread", proxyMode = ScopedProxyMode.INTERFACES)
    public DataSource perThreadDataSource(@Value("${app.per-thread.url}") String url) {
        return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(url).build();
    }

    /** The table in every database, once the application has started. */
    @Bean
    public ApplicationRunner createTables(@Qualifier("ordersDataSource") DataSource orders,
                                          @Qualifier("customersDataSource") DataSource customers,
                                          @Qualifier("regionalDataSource") DataSource regions,
                                          @Qualifier("perThreadDataSource") DataSource perThread) {
        return arguments -> {
            Shop.createTable(orders);
            Shop.createTable(customers);
            for (String region : new String[] {"eu", "us"}) {
                KeyedRouting.with(region, () -> {
                    Shop.createTable(regions);
                    return null;
                });
            }
            Shop.createTable(perThread);
        };
    }
}
