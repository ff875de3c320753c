package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL through pgjdbc. Every violation is a plain PSQLException whose server error fields (constraint, table,
 * schema, column, detail) are language-independent; they are read by reflection, without a compile-time dependency
 * on pgjdbc. The detail {@code Key (email)=(a@example.com) already exists.} gives columns and values, read by its
 * structure ({@link PostgresDetail}) since the server translates it ({@code lc_messages}). A data error
 * names no column ({@code value too long for type character varying(10)}): the Explainer finds it from the column
 * sizes and the bound values. PostgreSQL aborts the transaction on any error, so this dialect never queries the
 * application's connection inside a transaction.
 */
final class PostgresDialect implements Dialect {

    /** The type a value is too long for: SQL, which no translation changes ({@code character varying(10)}). */
    private static final Pattern TOO_LONG = Pattern.compile("\\b((?:character|bit)(?: varying)?) ?\\((\\d+)\\)");
    /** The integer type a value is out of range for, where the translation keeps its SQL name (not French's). */
    private static final Pattern OUT_OF_RANGE = Pattern.compile("\\b(smallint|integer|bigint)\\b");

    private static final String DESCRIBE_CONSTRAINT =
            "SELECT n.nspname, t.relname, a.attname, c.contype, r.relname, ra.attname"
                    + " FROM pg_constraint c"
                    + " JOIN pg_class t ON t.oid = c.conrelid"
                    + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                    + " JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) ON true"
                    + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum"
                    + " LEFT JOIN pg_class r ON r.oid = c.confrelid"
                    + " LEFT JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[k.ord]"
                    + " WHERE c.conname = ? AND (CAST(? AS text) IS NULL OR n.nspname = ?)"
                    + " AND (CAST(? AS text) IS NULL OR t.relname = ?)"
                    + " ORDER BY n.nspname, t.relname, k.ord";

    /** The server error fields getters of an exception class, or null when it has none. */
    private static final ClassValue<Method[]> SERVER_ERROR_GETTERS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            try {
                Method getter = type.getMethod("getServerErrorMessage");
                Class<?> fields = getter.getReturnType();
                return new Method[] {getter, fields.getMethod("getConstraint"), fields.getMethod("getTable"),
                    fields.getMethod("getSchema"), fields.getMethod("getColumn"), fields.getMethod("getDetail")};
            } catch (NoSuchMethodException | RuntimeException e) {
                return null;
            }
        }
    };

    @Override
    public void read(SQLException violation, ErrorReading facts) {
        String[] fields = serverErrorFields(violation);
        String message = violation.getMessage() == null ? "" : violation.getMessage();
        int detailAt = -1;
        if (fields != null) {
            facts.constraint = fields[0];
            facts.table = fields[1];
            facts.schema = fields[2];
            if (fields[3] != null) {
                facts.columns.add(fields[3]);
            }
            if (fields[4] != null) {
                detailAt = message.indexOf(fields[4]); // absent with logServerErrorDetail=false
                PostgresDetail.read(fields[4], detailAt, facts);
            }
            recogniseLines(message, detailAt, fields[4], facts);
        }
        String firstLine = message.lines().findFirst().orElse("");
        if (facts.kind == ViolationKind.VALUE_TOO_LONG) {
            Matcher m = TOO_LONG.matcher(firstLine);
            if (m.find()) {
                facts.columnType = m.group(1) + "(" + m.group(2) + ")";
            }
        } else if (facts.kind == ViolationKind.OUT_OF_RANGE) {
            Matcher m = OUT_OF_RANGE.matcher(firstLine);
            if (m.find()) {
                facts.columnType = m.group(1);
            }
        }
    }

    /**
     * The first line (the server's message, which names but shows no value for the states read here) and the detail
     * line are known; any other line (Hint, Where, a context that may quote a function's SQL) stays opaque.
     */
    private static void recogniseLines(String message, int detailAt, String detail, ErrorReading facts) {
        int firstLineEnd = message.indexOf('\n');
        if (firstLineEnd < 0) {
            facts.recognised();
            return;
        }
        int detailLineEnd = detailAt < 0 ? -1 : detailAt + detail.length();
        for (int start = firstLineEnd; start < message.length(); ) {
            int end = message.indexOf('\n', start + 1);
            end = end < 0 ? message.length() : end;
            boolean detailLine = detailAt > start && detailLineEnd <= end;
            if (!detailLine) {
                facts.opaque(start, end);
            }
            start = end;
        }
        facts.recognised();
    }

    private static String[] serverErrorFields(SQLException e) {
        Method[] getters = SERVER_ERROR_GETTERS.get(e.getClass());
        if (getters == null) {
            return null;
        }
        try {
            Object fields = getters[0].invoke(e);
            if (fields == null) {
                return null;
            }
            String[] values = new String[5];
            for (int i = 0; i < 5; i++) {
                values[i] = (String) getters[i + 1].invoke(fields);
            }
            return values;
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            return null;
        }
    }

    /**
     * pgjdbc names the failing entry in its message ({@link PgjdbcBatchMessage}). With reWriteBatchedInserts the entry
     * is a rewritten multi-row INSERT, whose number is not a row of the application's batch: such a message yields
     * nothing, as does one whose server message (the next exception's) cannot be placed in it.
     */
    @Override
    public Integer batchEntry(SQLException batchFailure) {
        String message = batchFailure.getMessage() == null ? "" : batchFailure.getMessage();
        SQLException row = batchFailure.getNextException();
        String server = row == null ? null : row.getMessage();
        int from = server == null || server.isEmpty() ? -1 : message.indexOf(server);
        PgjdbcBatchMessage.Reading entry = from < 0 ? null
                : PgjdbcBatchMessage.read(PostgresDialect.class, message, from, from + server.length());
        if (entry == null || !SqlShape.of(message.substring(entry.sqlStart(), entry.sqlEnd())).otherRows().isEmpty()) {
            return null;
        }
        return entry.entry();
    }

    /**
     * pgjdbc's batch message quotes the entry's SQL, its values inlined, before the server's message, and ends with
     * a fixed sentence; in a language whose template pgjdbc's bundles do not give here, both are opaque.
     */
    @Override
    public void readBatchMessage(String message, int from, int to, ErrorReading facts) {
        PgjdbcBatchMessage.Reading entry = PgjdbcBatchMessage.read(PostgresDialect.class, message, from, to);
        if (entry != null) {
            facts.quotesSql(entry.sqlStart(), entry.sqlEnd());
        } else if (from > 0) {
            facts.opaque(0, from);
        }
        if (to < message.length() && (entry == null || !entry.knownEnd())) {
            facts.opaque(to, message.length());
        }
    }

    /** A primary key violation reads "duplicate key value violates unique constraint": only the schema tells. */
    @Override
    public boolean namesPrimaryKeys() {
        return false;
    }

    /** The detail shows the child's or the parent's key in words that are translated: the schema tells which. */
    @Override
    public boolean namesForeignKeySide() {
        return false;
    }

    /** Inside a transaction every query fails until rollback (25P02). */
    @Override
    public boolean canQueryAfterFailure() {
        return false;
    }

    @Override
    public ConstraintInfo describeConstraint(Connection connection, String schema, String table, String constraint)
            throws SQLException {
        try (PreparedStatement query = Dialect.prepareLookup(connection, DESCRIBE_CONSTRAINT)) {
            query.setString(1, constraint);
            query.setString(2, schema);
            query.setString(3, schema);
            query.setString(4, table);
            query.setString(5, table);
            try (ResultSet rows = query.executeQuery()) {
                String foundSchema = null;
                String foundTable = null;
                ViolationKind kind = null;
                List<String> columns = new ArrayList<>();
                String referencedTable = null;
                List<String> referencedColumns = new ArrayList<>();
                while (rows.next()) {
                    kind = "p".equals(rows.getString(4)) ? ViolationKind.PRIMARY_KEY : null;
                    if (foundTable != null && !(foundTable.equals(rows.getString(2))
                            && foundSchema.equals(rows.getString(1)))) {
                        return null; // the same name on two tables: do not guess
                    }
                    foundSchema = rows.getString(1);
                    foundTable = rows.getString(2);
                    columns.add(rows.getString(3));
                    if (rows.getString(5) != null && rows.getString(6) != null) {
                        referencedTable = rows.getString(5); // a foreign key: the parent and its key
                        referencedColumns.add(rows.getString(6));
                    }
                }
                boolean foreignKey = referencedTable != null && referencedColumns.size() == columns.size();
                return foundTable == null ? null : new ConstraintInfo(foundSchema, foundTable, columns, kind,
                        foreignKey ? referencedTable : null, foreignKey ? referencedColumns : List.of());
            }
        }
    }

    @Override
    public String storedName(String identifier, boolean quoted) {
        return quoted ? identifier : identifier.toLowerCase(Locale.ROOT);
    }
}
