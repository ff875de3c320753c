package io.github.integrityjdbc.diagnose;

/**
 * The shape of the statement one connection's last violation came from, kept for the next: a statement that failed
 * once often fails again (a retry, a storm of duplicates), and reading its SQL is a good part of explaining it.
 * {@link SqlShape#of} is a function of the text alone, so a kept shape is the one reading the text again would give.
 * Only texts up to {@value #MAX_SQL} characters are kept; safe for use by several threads.
 */
final class SqlShapes {

    static final int MAX_SQL = 4096;

    private record Entry(String sql, SqlShape shape) {
    }

    private volatile Entry last;

    SqlShape of(String sql) {
        Entry entry = last;
        if (entry != null && sql != null && (entry.sql == sql || entry.sql.equals(sql))) {
            return entry.shape;
        }
        SqlShape shape = SqlShape.of(sql);
        if (sql != null && sql.length() <= MAX_SQL) {
            last = new Entry(sql, shape);
        }
        return shape;
    }
}
