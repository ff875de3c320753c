package io.github.integrityjdbc.samples.datasources;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.integrityjdbc.IntegrityViolations;
import io.github.integrityjdbc.ViolationReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a user checks of violations: the report on the exception, the WARN lines of logger
 * {@code io.github.integrityjdbc.violations} and the counter in the application's MeterRegistry. Open it once the
 * application has started (Spring Boot resets the logging configuration when it starts).
 */
public final class Violations implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.github.integrityjdbc.violations");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final MeterRegistry registry;

    public Violations(ApplicationContext application) {
        registry = application.getBean(MeterRegistry.class);
        appender.start();
        logger.addAppender(appender);
    }

    /** The report of the violation {@code statement} runs into; fails when it runs, or when nothing explained it. */
    public static ViolationReport reportOf(Runnable statement) {
        DataIntegrityViolationException e = assertThrows(DataIntegrityViolationException.class, statement::run);
        return IntegrityViolations.find(e).orElseThrow(() -> new AssertionError("not explained", e));
    }

    /** The WARN lines logged since this was opened. */
    public List<String> lines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The count of {@code jdbc.integrity.violations} with this datasource tag, over every other tag; 0 if none. */
    public double count(String dataSource) {
        return registry.find("jdbc.integrity.violations").tag("datasource", dataSource).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
