package io.github.integrityjdbc.capture;

/**
 * What the cold path reads of a failed statement: its SQL, its bound values and its batch rows. The hot path keeps
 * these however is cheapest; this view is read only after a failure, so it may copy and box.
 */
public interface CapturedStatement {

    /** The SQL of a prepared statement, or the last SQL a plain statement ran. */
    String sql();

    /** The values bound now, index 0 being parameter 1; never-bound parameters are null, setNull is {@link StatementCapture#NULL}. */
    Object[] values();

    /** Rows added with PreparedStatement.addBatch, or SQL texts added with Statement.addBatch(String). */
    int batchSize();

    /** True when the batch consists of PreparedStatement rows. */
    boolean hasRows();

    /** The SQL of batch entry {@code row}: the statement's SQL for a prepared batch, the entry for a plain one. */
    String rowSql(int row);

    /** The values of batch row {@code row} (0-based) of a prepared statement. */
    Object[] rowValues(int row);

    /** The value of parameter {@code index} (1-based) in batch row {@code row}, or null. */
    Object rowValue(int row, int index);
}
