package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Oracle Database through ojdbc, from its documented errors (not run here). Every integrity violation has SQLState
 * 23000, so the kind is the ORA number in {@code getErrorCode()}; a too-long value (ORA-12899) is SQLState 72000. The
 * patterns anchor on the {@code ORA-nnnnn} code and the parenthesised or quoted names, which stay when the text is
 * translated (NLS). Oracle 23ai adds the table, the columns and the values to ORA-00001; older versions name only
 * {@code (SCHEMA.CONSTRAINT)}. A deferred constraint fails at commit as ORA-02091 followed by the constraint's error.
 */
final class OracleDialect implements Dialect {

    private static final Pattern ORA_CODE = Pattern.compile("ORA-(\\d{5})");
    /** "(SCHEMA.NAME)", the constraint of ORA-00001, -02290, -02291, -02292. */
    private static final Pattern SCHEMA_CONSTRAINT = Pattern.compile("\\(([^.()\\s]+)\\.([^.()\\s]+)\\)");
    /** Oracle 23ai: "... on table SCHEMA.TABLE columns (COL1, COL2)". */
    private static final Pattern TABLE_COLUMNS = Pattern.compile(" ([^.\\s]+)\\.([^.\\s]+) \\S+ \\(([^)]*)\\)");
    /** Oracle 23ai ORA-03301: "row with column values (COL:'value', COL2:2)". */
    private static final Pattern COLUMN_VALUES = Pattern.compile("ORA-03301\\b[^(]*\\(.*?\\)[^(]*\\((.*)\\)");
    /** ("SCHEMA"."TABLE"."COLUMN") of ORA-01400, -01407 and -12899. */
    private static final Pattern QUOTED_COLUMN = Pattern.compile("\"([^\"]+)\"\\.\"([^\"]+)\"\\.\"([^\"]+)\"");
    /** ORA-12899's "(actual: 20, maximum: 10)". */
    private static final Pattern SIZES = Pattern.compile("\\(\\D*(\\d+)\\D+(\\d+)\\)");

    @Override
    public ViolationKind classify(SQLException e) {
        ViolationKind kind = kindOf(e.getErrorCode());
        if (kind == null && e.getErrorCode() == 2091) {
            kind = kindOf(nestedCode(e.getMessage()));
        }
        return kind != null ? kind : Dialect.super.classify(e);
    }

    private static ViolationKind kindOf(int oraCode) {
        switch (oraCode) {
            case 1:
                return ViolationKind.UNIQUE; // unique or primary key: the error does not say which
            case 2291: // parent key not found
            case 2292: // child record found
                return ViolationKind.FOREIGN_KEY;
            case 1400: // cannot insert NULL
            case 1407: // cannot update to NULL
                return ViolationKind.NOT_NULL;
            case 2290:
                return ViolationKind.CHECK;
            case 12899: // value too large for column
            case 1401: // inserted value too large for column (before 10g)
                return ViolationKind.VALUE_TOO_LONG;
            case 1438: // value larger than specified precision allowed for this column
                return ViolationKind.OUT_OF_RANGE;
            default:
                return null;
        }
    }

    /** The constraint's ORA code inside an ORA-02091 message ("transaction rolled back"), or 0. */
    private static int nestedCode(String message) {
        if (message == null) {
            return 0;
        }
        Matcher m = ORA_CODE.matcher(message);
        while (m.find()) {
            int code = Integer.parseInt(m.group(1));
            if (code != 2091 && kindOf(code) != null) {
                return code;
            }
        }
        return 0;
    }

    @Override
    public void read(SQLException violation, ErrorReading facts) {
        String message = violation.getMessage();
        if (message == null) {
            return;
        }
        int code = violation.getErrorCode() == 2091 ? nestedCode(message) : violation.getErrorCode();
        String text = code == violation.getErrorCode() ? message : fromCode(message, code);
        switch (code) {
            case 1:
                readUnique(text, facts);
                break;
            case 2291:
            case 2292:
            case 2290: {
                Matcher m = SCHEMA_CONSTRAINT.matcher(text);
                if (m.find()) {
                    facts.schema = m.group(1);
                    facts.constraint = m.group(2);
                }
                break;
            }
            case 1400:
            case 1407:
            case 12899: {
                Matcher m = QUOTED_COLUMN.matcher(text);
                int after = 0;
                if (m.find()) {
                    facts.schema = m.group(1);
                    facts.table = m.group(2);
                    facts.columns.add(m.group(3));
                    after = m.end();
                }
                Matcher sizes = SIZES.matcher(text);
                if (code == 12899 && sizes.find(after)) {
                    facts.columnType = "(maximum " + sizes.group(2) + ", actual " + sizes.group(1) + ")";
                }
                break;
            }
            default:
                break;
        }
    }

    private static void readUnique(String message, ErrorReading facts) {
        Matcher m = SCHEMA_CONSTRAINT.matcher(message);
        if (!m.find()) {
            return;
        }
        facts.schema = m.group(1);
        facts.constraint = m.group(2);
        int lineEnd = message.indexOf('\n', m.end());
        String firstLine = message.substring(m.end(), lineEnd < 0 ? message.length() : lineEnd);
        Matcher table = TABLE_COLUMNS.matcher(firstLine);
        if (!table.find()) {
            return;
        }
        facts.table = table.group(2);
        for (String column : table.group(3).split(",")) {
            if (!column.isBlank()) {
                facts.columns.add(column.trim());
            }
        }
        Matcher values = COLUMN_VALUES.matcher(message);
        if (values.find()) {
            for (String pair : SqlText.splitList(values.group(1))) {
                int colon = pair.indexOf(':');
                String column = colon > 0 ? pair.substring(0, colon).trim() : null;
                if (column != null && facts.columns.contains(column)) {
                    facts.messageValues.put(column, pair.substring(colon + 1).trim());
                }
            }
        }
    }

    /** The part of the message from the line of {@code ORA-<code>} on. */
    private static String fromCode(String message, int code) {
        int at = message.indexOf(String.format(Locale.ROOT, "ORA-%05d", code));
        return at < 0 ? message : message.substring(at);
    }

    @Override
    public String storedName(String identifier, boolean quoted) {
        return quoted ? identifier : identifier.toUpperCase(Locale.ROOT);
    }
}
