package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.diagnose.SqlShape.ColumnValue;

import java.util.List;

/**
 * The statement a violation belongs to, as located: its SQL and values, for a batch the failing row's, for a commit
 * the transaction's statement that wrote the reported row.
 *
 * @param sql the SQL text as the application gave it (never shown unmasked); null when unknown
 * @param shape what the SQL writes where
 * @param values its bound values, index 0 being parameter 1
 * @param written the columns it writes, named (from the schema for an INSERT without a column list)
 * @param tableColumns the columns of its table in order, where an INSERT without a column list needed them; else empty
 * @param batchIndex the 0-based failing row of a batch, null when not a batch or unknown
 * @param batchSize the number of batch entries, 0 when not a batch
 * @param atCommit the failure came from commit()
 */
record FailedStatement(String sql, SqlShape shape, Object[] values, List<ColumnValue> written,
                       List<String> tableColumns, Integer batchIndex, int batchSize, boolean atCommit) {

    /** The value the statement gives {@code source}: its bound value, or its literal as SQL text. */
    Object valueOf(ColumnValue source) {
        if (source.parameter() > 0) {
            return source.parameter() <= values.length ? values[source.parameter() - 1] : null;
        }
        return io.github.integrityjdbc.report.ValueRenderer.literalValue(source.literal());
    }
}
