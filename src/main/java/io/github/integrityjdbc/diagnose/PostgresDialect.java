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
 * on pgjdbc. The detail {@code Key (email)=(a@example.com) already exists.} gives columns and values. A data error
 * names no column ({@code value too long for type character varying(10)}): the Explainer finds it from the column
 * sizes and the bound values. PostgreSQL aborts the transaction on any error, so this dialect never queries the
 * application's connection inside a transaction.
 */
final class PostgresDialect implements Dialect {

    /** {@code Key (a, b)=(1, x) already exists.} and the FK and exclusion forms. */
    private static final Pattern KEY_DETAIL = Pattern.compile("Key \\((.*?)\\)=\\((.*)\\) (?:already exists|is not "
            + "present in table \"([^\"]+)\"|is still referenced from table \"([^\"]+)\"|conflicts with existing key)");
    private static final Pattern PARENT_TABLE = Pattern.compile("on table \"([^\"]+)\" violates foreign key");
    private static final Pattern TOO_LONG = Pattern.compile("value too long for type ([\\w ]+\\(\\d+\\))");
    private static final Pattern OUT_OF_RANGE = Pattern.compile("\\b(smallint|integer|bigint) out of range");
    private static final Pattern BATCH_ENTRY = Pattern.compile("Batch entry (\\d+) ");
    private static final Pattern REWRITTEN = Pattern.compile("\\)\\s*,\\s*\\(");

    private static final String DESCRIBE_CONSTRAINT =
            "SELECT n.nspname, t.relname, a.attname, c.contype"
                    + " FROM pg_constraint c"
                    + " JOIN pg_class t ON t.oid = c.conrelid"
                    + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                    + " JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) ON true"
                    + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum"
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
    public void read(SQLException violation, ErrorFacts facts) {
        String[] fields = serverErrorFields(violation);
        String message = violation.getMessage() == null ? "" : violation.getMessage();
        if (fields != null) {
            facts.constraint = fields[0];
            facts.table = fields[1];
            facts.schema = fields[2];
            if (fields[3] != null) {
                facts.columns.add(fields[3]);
            }
            if (fields[4] != null) {
                readKeyDetail(fields[4], message, facts);
            }
        }
        if (facts.kind == ViolationKind.VALUE_TOO_LONG) {
            Matcher m = TOO_LONG.matcher(message);
            if (m.find()) {
                facts.columnType = m.group(1);
            }
        } else if (facts.kind == ViolationKind.OUT_OF_RANGE) {
            Matcher m = OUT_OF_RANGE.matcher(message);
            if (m.find()) {
                facts.columnType = m.group(1);
            }
        }
    }

    private static void readKeyDetail(String detail, String message, ErrorFacts facts) {
        Matcher m = KEY_DETAIL.matcher(detail);
        if (!m.find()) {
            return;
        }
        List<String> keyColumns = new ArrayList<>();
        for (String column : m.group(1).split(",")) {
            keyColumns.add(column.trim());
        }
        List<String> values = splitValues(m.group(2));
        if (m.group(4) != null) {
            // a parent row still referenced: the key is the parent's; the constraint's columns are the child's
            facts.referencedColumns.addAll(keyColumns);
            Matcher parent = PARENT_TABLE.matcher(message);
            facts.referencedTable = parent.find() ? parent.group(1) : null;
            return;
        }
        if (m.group(3) != null) {
            facts.referencedTable = m.group(3);
        }
        facts.columns.addAll(keyColumns);
        if (values.size() == keyColumns.size()) {
            for (int i = 0; i < keyColumns.size(); i++) {
                facts.messageValues.put(keyColumns.get(i),
                        values.get(i).equals("null") ? "NULL" : SqlText.literal(values.get(i)));
            }
        }
    }

    /** Splits "1, a@x.io" at the commas that separate values (a value with a comma makes the split ambiguous). */
    private static List<String> splitValues(String text) {
        List<String> values = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                values.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        values.add(text.substring(start).trim());
        return values;
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
     * pgjdbc names the failing entry in its message. With reWriteBatchedInserts the entry is a rewritten multi-row
     * INSERT, whose number is not a row of the application's batch: such a message yields nothing.
     */
    @Override
    public Integer batchEntry(SQLException batchFailure) {
        String message = batchFailure.getMessage() == null ? "" : batchFailure.getMessage();
        Matcher m = BATCH_ENTRY.matcher(message);
        if (!m.find() || REWRITTEN.matcher(message).find()) {
            return null;
        }
        return Integer.valueOf(m.group(1));
    }

    /** A primary key violation reads "duplicate key value violates unique constraint": only the schema tells. */
    @Override
    public boolean namesPrimaryKeys() {
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
                while (rows.next()) {
                    kind = "p".equals(rows.getString(4)) ? ViolationKind.PRIMARY_KEY : null;
                    if (foundTable != null && !(foundTable.equals(rows.getString(2))
                            && foundSchema.equals(rows.getString(1)))) {
                        return null; // the same name on two tables: do not guess
                    }
                    foundSchema = rows.getString(1);
                    foundTable = rows.getString(2);
                    columns.add(rows.getString(3));
                }
                return foundTable == null ? null : new ConstraintInfo(foundSchema, foundTable, columns, kind, null, List.of());
            }
        }
    }

    @Override
    public String storedName(String identifier, boolean quoted) {
        return quoted ? identifier : identifier.toLowerCase(Locale.ROOT);
    }
}
