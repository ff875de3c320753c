package io.github.integrityjdbc.capture;

/**
 * A {@link Capture} on its own, for a statement the proxies do not hold (tests, tools). The statement proxies are
 * captures themselves and need no such object.
 */
public final class StatementCapture extends Capture {

    /** Marks a parameter bound with {@code setNull}, as opposed to one never bound. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    public StatementCapture(String sql) {
        super(sql);
    }

    /** Sets the SQL, as a plain statement does when it runs one. */
    public void sql(String sql) {
        captureSql(sql);
    }

    /** PreparedStatement.addBatch: the current values become a batch row. */
    public void addRow() {
        captureRow();
    }

    /** Statement.addBatch(sql). */
    public void addSql(String sql) {
        captureBatchSql(sql);
    }

    /** PreparedStatement.clearParameters. */
    public void clearParameters() {
        forgetParameters();
    }

    /** Statement.clearBatch, or what executeBatch leaves. */
    public void clearBatch() {
        forgetBatch();
    }
}
