package io.github.integrityjdbc.diagnose;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBM Db2 through the JCC driver, from its documented errors (not run here). Db2 uses the standard SQLStates (23505,
 * 23503, 23504, 23502, 23513, 22001, 22003) and the negative SQLCODE as vendor code. By default JCC's message holds
 * only tokens, {@code DB2 SQL Error: SQLCODE=-803, SQLSTATE=23505, SQLERRMC=2;KADAI.TASK, DRIVER=4.22.29}; the
 * SQLERRMC tokens are read here: -803 names the table but no constraint (an index number), -530 / -531 / -532 / -545
 * name the constraint ({@code name} or {@code schema.table.name}), -407 names only numeric table and column ids, and
 * -433 shows the value that was too long.
 */
final class Db2Dialect implements Dialect {

    private static final Pattern TOKENS = Pattern.compile(
            "SQLCODE=(-?\\d+), SQLSTATE=(\\w{5}), SQLERRMC=(.*?)(?:, DRIVER=|$)", Pattern.DOTALL);

    @Override
    public void read(SQLException violation, ErrorReading facts) {
        String message = violation.getMessage();
        if (message == null) {
            return;
        }
        Matcher m = TOKENS.matcher(message);
        if (!m.find()) {
            return;
        }
        int sqlCode = Integer.parseInt(m.group(1));
        String errmc = m.group(3).trim();
        String[] tokens = errmc.split(";");
        switch (sqlCode) {
            case -803:
                // <index id>;<schema.table>
                if (tokens.length >= 2) {
                    String[] parts = tokens[1].trim().split("\\.");
                    facts.table = parts[parts.length - 1];
                    facts.schema = parts.length >= 2 ? parts[parts.length - 2] : null;
                }
                break;
            case -530:
            case -531:
            case -532:
            case -545: {
                String[] parts = tokens[0].trim().split("\\.");
                if (!parts[0].isEmpty() && !"*N".equals(parts[0])) {
                    facts.constraint = parts[parts.length - 1];
                    if (parts.length == 3) {
                        facts.schema = parts[0];
                        facts.table = parts[1];
                    }
                }
                break;
            }
            case -433:
                if (!errmc.isEmpty()) {
                    facts.unattributedValue = errmc; // "Value <v> is too long": the column is the one given <v>
                }
                break;
            default:
                break; // -407 TBSPACEID=2, TABLEID=4, COLNO=1; -302, -413, -406: no names
        }
    }

    @Override
    public String storedName(String identifier, boolean quoted) {
        return quoted ? identifier : identifier.toUpperCase(Locale.ROOT);
    }
}
