package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apache Derby 10.x, embedded or network. Its integrity exceptions carry {@code getConstraintName()} and
 * {@code getTableName()} on Derby's own exception class, read here by reflection (no compile-time dependency); the
 * message is the fallback. Derby's vendor code is a severity, not an error number, so only SQLStates count; 23516 is
 * a deferred constraint failing at commit. Columns come from the SYS catalog ({@code getIndexInfo} names backing
 * conglomerates, not constraints, and omits unique constraints on nullable columns).
 */
final class DerbyDialect implements Dialect {

    /** Derby's structured getters, per exception class; null where the class has none. */
    private static final ClassValue<Method[]> GETTERS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            try {
                Method constraint = type.getMethod("getConstraintName");
                Method table = type.getMethod("getTableName");
                boolean usable = Modifier.isPublic(type.getModifiers()) && constraint.getReturnType() == String.class
                        && table.getReturnType() == String.class;
                return usable ? new Method[] {constraint, table} : null;
            } catch (NoSuchMethodException | RuntimeException | LinkageError e) {
                return null;
            }
        }
    };

    /** Fallbacks on the message, anchored on quotes. Unique: "identified by 'UQ_X' defined on 'PERSON'". */
    private static final Pattern UNIQUE = Pattern.compile("'([^']+)' [^']*'([^']+)'\\.");
    /** Foreign key: "INSERT on table 'CHILD' caused a violation of foreign key constraint 'FK_X' for key (999)". */
    private static final Pattern FOREIGN_KEY = Pattern.compile("'([^']+)'[^']*'([^']+)'[^']*\\((.*)\\)");
    /** Check: "The check constraint 'CK_X' was violated ... on table '"APP"."PERSON"'". */
    private static final Pattern CHECK = Pattern.compile("'([^']+)'[^']*'(.+)'");
    /** Deferred: "Foreign key 'FK_X' defined on "APP"."CHILD" referencing constraint ...". */
    private static final Pattern DEFERRED = Pattern.compile("'([^']+)'[^'\"]*(\"[^\"]+\"\\.\"[^\"]+\")");
    private static final Pattern FIRST_QUOTED = Pattern.compile("'([^']+)'");
    /** Too long: "shrink VARCHAR 'ABCDEFGHIJKLMNOPQRST' to length 10". */
    private static final Pattern TOO_LONG = Pattern.compile("(?<!\\w)(\\w++) '(.*)' \\D*+(\\d+)\\.?\\s*$");
    /** Out of range: "outside the range for the data type SMALLINT". */
    private static final Pattern OUT_OF_RANGE = Pattern.compile("(\\w+)\\.?\\s*$");
    private static final Pattern QUALIFIED = Pattern.compile("\"((?:[^\"]|\"\")+)\"\\.\"((?:[^\"]|\"\")+)\"");
    private static final Pattern POSITIONS = Pattern.compile("\\(([\\d, ]+)\\)\\s*$");

    private static final String FIND_CONSTRAINT =
            "SELECT s.SCHEMANAME, t.TABLENAME, t.TABLEID, c.TYPE, c.CONSTRAINTID FROM SYS.SYSCONSTRAINTS c"
                    + " JOIN SYS.SYSTABLES t ON t.TABLEID = c.TABLEID JOIN SYS.SYSSCHEMAS s ON s.SCHEMAID = c.SCHEMAID"
                    + " WHERE c.CONSTRAINTNAME = ? AND (CAST(? AS VARCHAR(128)) IS NULL OR s.SCHEMANAME = ?)";
    private static final String KEY_COLUMNS =
            "SELECT cg.DESCRIPTOR FROM SYS.SYSKEYS k JOIN SYS.SYSCONGLOMERATES cg"
                    + " ON cg.CONGLOMERATEID = k.CONGLOMERATEID WHERE k.CONSTRAINTID = ?";
    private static final String FOREIGN_KEY_COLUMNS =
            "SELECT cg.DESCRIPTOR, p.TABLENAME, p.TABLEID, pc.DESCRIPTOR FROM SYS.SYSFOREIGNKEYS f"
                    + " JOIN SYS.SYSCONGLOMERATES cg ON cg.CONGLOMERATEID = f.CONGLOMERATEID"
                    + " JOIN SYS.SYSCONSTRAINTS pk ON pk.CONSTRAINTID = f.KEYCONSTRAINTID"
                    + " JOIN SYS.SYSTABLES p ON p.TABLEID = pk.TABLEID"
                    + " JOIN SYS.SYSKEYS pkey ON pkey.CONSTRAINTID = pk.CONSTRAINTID"
                    + " JOIN SYS.SYSCONGLOMERATES pc ON pc.CONGLOMERATEID = pkey.CONGLOMERATEID"
                    + " WHERE f.CONSTRAINTID = ?";
    private static final String CHECK_COLUMNS = "SELECT REFERENCEDCOLUMNS FROM SYS.SYSCHECKS WHERE CONSTRAINTID = ?";
    private static final String TABLE_COLUMNS =
            "SELECT COLUMNNUMBER, COLUMNNAME FROM SYS.SYSCOLUMNS WHERE REFERENCEID = ?";

    @Override
    public void read(SQLException violation, ErrorReading facts) {
        String state = violation.getSQLState() == null ? "" : violation.getSQLState();
        String message = violation.getMessage() == null ? "" : violation.getMessage();
        String[] structured = structuredFields(violation);
        switch (state) {
            case "23505": {
                Matcher m = UNIQUE.matcher(message);
                named(facts, structured, m.find() ? m : null, 1, true); // names only
                break;
            }
            case "23503": {
                // the table named is the statement's, which is the parent for a DELETE: the schema tells the owner
                Matcher m = atFirstQuote(FOREIGN_KEY, message);
                boolean matched = m.lookingAt();
                facts.constraint = structured != null ? structured[0] : matched ? m.group(2) : null;
                if (matched) {
                    facts.shownOfColumns(m.start(3), m.end(3)); // "for key (999)"
                    facts.recognised();
                }
                break;
            }
            case "23513": {
                Matcher m = atFirstQuote(CHECK, message);
                named(facts, structured, m.lookingAt() ? m : null, 1, true);
                break;
            }
            case "23516": {
                Matcher m = DEFERRED.matcher(message);
                named(facts, structured, m.find() ? m : null, 1, false); // "key '…'" is not read: it stays opaque
                break;
            }
            default:
                readColumnFacts(state, message, facts);
                break;
        }
    }

    /**
     * A message that names a constraint and its table (groups {@code first} and {@code first + 1} of {@code matched},
     * null when the message did not match); the exception's own getters win where it has them.
     */
    private static void named(ErrorReading facts, String[] structured, Matcher matched, int first,
                              boolean recognise) {
        facts.constraint = structured != null ? structured[0] : matched != null ? matched.group(first) : null;
        table(facts, structured != null ? structured[1] : matched != null ? matched.group(first + 1) : null);
        if (matched != null && recognise) {
            facts.recognised();
        }
    }

    /** NOT NULL, too long and out of range: a column, a type, a value whose column the statement tells. */
    private static void readColumnFacts(String state, String message, ErrorReading facts) {
        switch (state) {
            case "23502": {
                Matcher m = FIRST_QUOTED.matcher(message);
                if (m.find()) {
                    facts.columns.add(m.group(1));
                    facts.recognised();
                }
                break;
            }
            case "22001": {
                Matcher m = TOO_LONG.matcher(message);
                if (m.find()) {
                    facts.columnType = m.group(1) + "(" + m.group(3) + ")";
                    facts.unattributedValue = m.group(2);
                    facts.shownOfColumns(m.start(2), m.end(2));
                    facts.recognised();
                }
                break;
            }
            case "22003": {
                Matcher m = OUT_OF_RANGE.matcher(message);
                if (m.find()) {
                    facts.columnType = m.group(1);
                    facts.recognised(); // names the type, not the value
                }
                break;
            }
            default:
                break;
        }
    }

    /** {constraint, table} from Derby's exception class, or null. Never throws. */
    private static String[] structuredFields(SQLException e) {
        Method[] getters = GETTERS.get(e.getClass());
        if (getters == null) {
            return null;
        }
        try {
            String constraint = (String) getters[0].invoke(e);
            String table = (String) getters[1].invoke(e);
            return constraint == null ? null : new String[] {constraint, table};
        } catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
            return null;
        }
    }

    /** A table as Derby names it: bare ({@code PERSON}) or quoted and qualified ({@code "APP"."PERSON"}). */
    private static void table(ErrorReading facts, String name) {
        if (name == null || name.isEmpty()) {
            return;
        }
        Matcher qualified = QUALIFIED.matcher(name);
        if (qualified.matches()) {
            facts.schema = qualified.group(1).replace("\"\"", "\"");
            facts.table = qualified.group(2).replace("\"\"", "\"");
        } else {
            facts.table = name;
        }
    }

    @Override
    public ConstraintInfo describeConstraint(Connection connection, String schema, String constraint)
            throws SQLException {
        String tableSchema = null;
        String table = null;
        String tableId = null;
        String type = null;
        String constraintId = null;
        try (PreparedStatement query = Dialect.prepareLookup(connection, FIND_CONSTRAINT)) {
            query.setString(1, constraint);
            query.setString(2, schema);
            query.setString(3, schema);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (table != null) {
                        return null; // the same name in two schemas: do not guess
                    }
                    tableSchema = rows.getString(1);
                    table = rows.getString(2);
                    tableId = rows.getString(3);
                    type = rows.getString(4).trim();
                    constraintId = rows.getString(5);
                }
            }
        }
        if (table == null) {
            return null;
        }
        switch (type) {
            case "P":
            case "U":
                return new ConstraintInfo(tableSchema, table,
                        names(connection, tableId, firstString(connection, KEY_COLUMNS, constraintId)),
                        "P".equals(type) ? ViolationKind.PRIMARY_KEY : ViolationKind.UNIQUE, null, List.of());
            case "C":
                return new ConstraintInfo(tableSchema, table,
                        names(connection, tableId, firstString(connection, CHECK_COLUMNS, constraintId)),
                        ViolationKind.CHECK, null, List.of());
            case "F":
                try (PreparedStatement query = Dialect.prepareLookup(connection, FOREIGN_KEY_COLUMNS)) {
                    query.setString(1, constraintId);
                    try (ResultSet rows = query.executeQuery()) {
                        if (!rows.next()) {
                            return null;
                        }
                        List<String> columns = names(connection, tableId, rows.getString(1));
                        List<String> parentColumns = names(connection, rows.getString(3), rows.getString(4));
                        boolean paired = parentColumns.size() == columns.size();
                        return new ConstraintInfo(tableSchema, table, columns, ViolationKind.FOREIGN_KEY,
                                paired ? rows.getString(2) : null, paired ? parentColumns : List.of());
                    }
                }
            default:
                return new ConstraintInfo(tableSchema, table, List.of());
        }
    }

    private static String firstString(Connection connection, String sql, String id) throws SQLException {
        try (PreparedStatement query = Dialect.prepareLookup(connection, sql)) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Column names for a descriptor ending in its column positions: "UNIQUE BTREE (2, 3)" or "(4,5)". */
    private static List<String> names(Connection connection, String tableId, String descriptor) throws SQLException {
        if (descriptor == null) {
            return List.of();
        }
        Matcher m = POSITIONS.matcher(descriptor);
        if (!m.find()) {
            return List.of();
        }
        Map<Integer, String> byNumber = new HashMap<>();
        try (PreparedStatement query = Dialect.prepareLookup(connection, TABLE_COLUMNS)) {
            query.setString(1, tableId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byNumber.put(rows.getInt(1), rows.getString(2));
                }
            }
        }
        List<String> columns = new ArrayList<>();
        for (String position : m.group(1).split(",")) {
            String name = byNumber.get(Integer.parseInt(position.trim()));
            if (name == null) {
                return List.of();
            }
            columns.add(name);
        }
        return columns;
    }

    @Override
    public String storedName(String identifier, boolean quoted) {
        return quoted ? identifier : identifier.toUpperCase(Locale.ROOT);
    }

    /**
     * A matcher to be tried once ({@code lookingAt}) at the message's first single quote, where the facts start.
     * Tried at every quote instead, a hostile message could cost quadratic time.
     */
    private static Matcher atFirstQuote(Pattern pattern, String message) {
        int quote = message.indexOf('\'');
        return pattern.matcher(message).region(quote < 0 ? message.length() : quote, message.length());
    }
}
