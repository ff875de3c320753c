package io.github.integrityjdbc.samples.datasources;

import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A routing DataSource that picks its target by a key the current thread sets ({@link #with}); the first target is
 * the default. Closing it closes those of its targets that can be closed (pools it made itself).
 */
public class KeyedRouting extends AbstractRoutingDataSource implements AutoCloseable {

    private static final ThreadLocal<String> KEY = new ThreadLocal<>();

    private final Map<String, DataSource> targets;

    public KeyedRouting(Map<String, DataSource> targets, DataSource defaultTarget) {
        this.targets = targets;
        setTargetDataSources(new HashMap<>(targets));
        setDefaultTargetDataSource(defaultTarget);
        afterPropertiesSet();
    }

    /** Runs {@code work} with {@code key} as this thread's routing key. */
    public static <T> T with(String key, Supplier<T> work) {
        String previous = KEY.get();
        KEY.set(key);
        try {
            return work.get();
        } finally {
            KEY.set(previous);
        }
    }

    @Override
    protected Object determineCurrentLookupKey() {
        return KEY.get();
    }

    /** The targets by key. */
    public Map<String, DataSource> targets() {
        return targets;
    }

    /** Closes the targets that are pools of its own; called by Spring when the context closes. */
    @Override
    public void close() throws Exception {
        for (DataSource target : targets.values()) {
            if (target instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
