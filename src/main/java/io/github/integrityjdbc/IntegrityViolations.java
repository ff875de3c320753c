package io.github.integrityjdbc;

import io.github.integrityjdbc.diagnose.ReportCarrier;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/** Finds the report of an explained violation in whatever the application caught. */
public final class IntegrityViolations {

    private static final int MAX_VISITED = 256;

    private IntegrityViolations() {
    }

    /**
     * The report carried by {@code thrown}, by its causes, suppressed exceptions or chained SQLExceptions, at any
     * depth. Works in both modes ({@code wrap}: the enriched exception carries it; {@code preserve}: a suppressed
     * exception of the original does) and through wrappers such as Spring's DataAccessException or Hibernate's
     * JDBCException. Safe on cause chains that loop.
     *
     * @param thrown what the application caught; may be null
     * @return the report, or empty when the driver did not explain this failure
     */
    public static Optional<ViolationReport> find(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        if (thrown != null) {
            pending.add(thrown);
        }
        while (!pending.isEmpty() && seen.size() < MAX_VISITED) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof ReportCarrier) {
                return Optional.of(((ReportCarrier) t).report());
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            Collections.addAll(pending, t.getSuppressed());
            if (t instanceof SQLException && ((SQLException) t).getNextException() != null) {
                pending.add(((SQLException) t).getNextException());
            }
        }
        return Optional.empty();
    }
}
