package io.github.integrityjdbc.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Captures the events of one logger with a Logback list appender. */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    /** Fixes each event's MDC and arguments when it is appended, as an asynchronous appender does. */
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };

    public CapturedLog(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** The key-value pairs of an event, as a map. */
    public static Map<String, Object> keyValues(ILoggingEvent event) {
        Map<String, Object> pairs = new LinkedHashMap<>();
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                pairs.put(pair.key, pair.value);
            }
        }
        return pairs;
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
