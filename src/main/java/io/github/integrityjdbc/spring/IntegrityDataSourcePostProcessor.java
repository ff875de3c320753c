package io.github.integrityjdbc.spring;

import com.zaxxer.hikari.HikariDataSource;
import io.github.integrityjdbc.IntegrityDataSource;
import io.github.integrityjdbc.IntegrityDriver;
import io.github.integrityjdbc.driver.DelegateUrl;
import io.github.integrityjdbc.report.OptionalLibraries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * Wraps each DataSource bean, once initialized (so that {@code @ConfigurationProperties} binding, a pool's own
 * {@code afterPropertiesSet} and the like have happened on the real one), in an {@link IntegrityDataSource} named by
 * its bean name, with the {@code integrity.*} Spring properties. The bean's type becomes
 * {@code IntegrityDataSource}: injection by the pool's class no longer finds it, {@code unwrap} does. Its destroy
 * method (a pool's {@code close}) is still called on the pool: Spring registers it on the bean before
 * post-processing.
 *
 * <p>Left as they are: beans named in {@code integrity.datasource.exclude}; a scoped proxy's target
 * ({@code scopedTarget.*}, the proxy is wrapped); and any DataSource whose connections explain already: an
 * {@code IntegrityDataSource} or a wrapper of one, a Hikari pool whose URL is a {@code jdbc:integrity:} URL (the URL
 * route) or whose driver or DataSource is integrity-jdbc's, and a routing DataSource whose targets all are such.
 */
final class IntegrityDataSourcePostProcessor implements BeanPostProcessor, SmartInitializingSingleton, Ordered {

    /** The prefix Spring gives the target bean of a scoped proxy (ScopedProxyUtils; spring-aop is not required). */
    static final String SCOPED_TARGET_PREFIX = "scopedTarget.";
    /** Read beside {@link IntegrityProperties}, whose {@code log} cannot also be a parent. */
    static final String LOG_RATE = "integrity.log.rate";
    /** The OpenTelemetry JDBC driver in front of this one. */
    private static final String OTEL_PREFIX = "jdbc:otel:integrity:";

    private static final boolean ROUTING =
            OptionalLibraries.present("org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource");

    private final ObjectProvider<IntegrityProperties> properties;
    private final Environment environment;
    private final BeanFactory beanFactory;
    /** Null without Micrometer. */
    private final Meters meters;

    IntegrityDataSourcePostProcessor(ObjectProvider<IntegrityProperties> properties, Environment environment,
                                     BeanFactory beanFactory) {
        this.properties = properties;
        this.environment = environment;
        this.beanFactory = beanFactory;
        this.meters = OptionalLibraries.MICROMETER ? new Meters() : null;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (!(bean instanceof DataSource dataSource) || beanName == null
                || beanName.startsWith(SCOPED_TARGET_PREFIX)) {
            return bean;
        }
        IntegrityProperties settings = properties.getObject();
        if (settings.getDatasource().getExclude().contains(beanName) || explainsAlready(dataSource)) {
            return bean;
        }
        try {
            return builder(settings, beanName).wrap(dataSource);
        } catch (SQLException e) {
            throw new BeanInitializationException("integrity-jdbc cannot wrap the DataSource bean '" + beanName
                    + "': " + e.getMessage(), e);
        }
    }

    private IntegrityDataSource.Builder builder(IntegrityProperties settings, String beanName) {
        IntegrityDataSource.Builder builder = IntegrityDataSource.builder().name(beanName);
        if (settings.getMode() != null) {
            builder.mode(settings.getMode());
        }
        if (settings.getMask() != null) {
            builder.mask(settings.getMask());
        }
        if (settings.getMaxValueLength() != null) {
            builder.maxValueLength(settings.getMaxValueLength());
        }
        if (settings.getLog() != null) {
            builder.log(settings.getLog());
        }
        String logRate = environment.getProperty(LOG_RATE);
        if (logRate != null) {
            builder.logRate(logRate);
        }
        if (settings.getMetrics() != null) {
            builder.metrics(settings.getMetrics());
        }
        if (meters != null) {
            meters.configure(builder);
        }
        return builder;
    }

    /** Every singleton exists now, the application's MeterRegistry included (not created early for this). */
    @Override
    public void afterSingletonsInstantiated() {
        if (meters != null) {
            meters.useApplicationRegistry(beanFactory);
        }
    }

    /** Late, after other post-processors have replaced a bean if they do. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** True when connections of {@code dataSource} are explained already, so that wrapping it would explain twice. */
    static boolean explainsAlready(DataSource dataSource) {
        if (dataSource instanceof IntegrityDataSource) {
            return true;
        }
        if (OptionalLibraries.HIKARI && HikariPools.explainsAlready(dataSource)
                || ROUTING && Routing.explainsAlready(dataSource)) {
            return true;
        }
        try {
            return dataSource.isWrapperFor(IntegrityDataSource.class);
        } catch (SQLException | RuntimeException e) {
            return false; // it cannot tell now (a scoped proxy outside its scope): wrap it
        }
    }

    /** Loaded only with HikariCP. A pool that has not started answers isWrapperFor for itself only. */
    private static final class HikariPools {
        static boolean explainsAlready(DataSource dataSource) {
            if (!(dataSource instanceof HikariDataSource pool)) {
                return false;
            }
            String url = pool.getJdbcUrl() == null ? "" : pool.getJdbcUrl().trim();
            if (DelegateUrl.accepts(url) || url.startsWith(OTEL_PREFIX)
                    || IntegrityDriver.class.getName().equals(pool.getDriverClassName())) {
                return true;
            }
            DataSource pooled = pool.getDataSource();
            return pooled != null && pooled != pool && IntegrityDataSourcePostProcessor.explainsAlready(pooled);
        }
    }

    /** Loaded only when Spring JDBC is present. */
    private static final class Routing {
        static boolean explainsAlready(DataSource dataSource) {
            if (!(dataSource instanceof AbstractRoutingDataSource routing)) {
                return false;
            }
            java.util.Collection<DataSource> targets;
            try {
                targets = routing.getResolvedDataSources().values();
            } catch (IllegalStateException notInitialized) {
                return false;
            }
            DataSource fallback = routing.getResolvedDefaultDataSource();
            if (targets.isEmpty() && fallback == null) {
                return false;
            }
            for (DataSource target : targets) {
                if (target == routing || !IntegrityDataSourcePostProcessor.explainsAlready(target)) {
                    return false;
                }
            }
            return fallback == null
                    || fallback != routing && IntegrityDataSourcePostProcessor.explainsAlready(fallback);
        }
    }

    /**
     * The registry wrapped DataSources count in: Micrometer's global registry until every singleton exists, then the
     * application's MeterRegistry bean when it has one (the primary, with several). Loaded only with Micrometer.
     */
    private static final class Meters {
        private final CompositeMeterRegistry registry = new CompositeMeterRegistry();

        Meters() {
            registry.add(Metrics.globalRegistry);
        }

        void configure(IntegrityDataSource.Builder builder) {
            builder.meterRegistry(registry);
        }

        void useApplicationRegistry(BeanFactory beanFactory) {
            MeterRegistry application = beanFactory.getBeanProvider(MeterRegistry.class).getIfUnique();
            if (application != null) {
                registry.remove(Metrics.globalRegistry);
                registry.add(application);
            }
        }
    }
}
