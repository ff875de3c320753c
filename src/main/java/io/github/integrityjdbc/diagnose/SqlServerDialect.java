package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft SQL Server through mssql-jdbc, from its documented errors (not run here). The driver throws a plain
 * {@code SQLServerException} with SQLState 23000 for every integrity violation, so the kind is the error number: 2627
 * (primary key or unique constraint), 2601 (unique index), 547 (foreign key, either side, or CHECK: told apart by the
 * constraint-type keyword in the message), 515 (NOT NULL), 2628 / 8152 (too long), 8115 / 220 (overflow). Names are
 * read from their quotes: {@code 'constraint'}, {@code 'schema.table'}, {@code "database"}; the words between them
 * follow the session language.
 */
final class SqlServerDialect implements Dialect {

    /** 2627: constraint, then object: "... constraint 'PK_X'. ... object 'dbo.parent'. ... value is (1)." */
    private static final Pattern CONSTRAINT_OBJECT = Pattern.compile("'([^']+)'[^']*'([^']+)'");
    /** 547: "... the FOREIGN KEY constraint "FK_X". ... database "db", table "dbo.parent", column 'id'." */
    private static final Pattern CONFLICT = Pattern.compile(
            "\"([^\"]+)\"[^\"]*\"([^\"]+)\"[^\"]*\"([^\"]+)\"(?:[^']*'([^']+)')?");
    private static final Pattern FOREIGN_KEY_WORD = Pattern.compile("\\bFOREIGN KEY\\b");
    private static final Pattern REFERENCE_WORD = Pattern.compile("\\bREFERENCE\\b");
    private static final Pattern CHECK_WORD = Pattern.compile("\\bCHECK\\b");
    private static final Pattern PRIMARY_KEY_WORD = Pattern.compile("\\bPRIMARY KEY\\b");
    /** 2628: "... in table 'db.dbo.person', column 'name'. Truncated value: 'ABCDEFGHIJ'." */
    private static final Pattern TRUNCATED = Pattern.compile("'([^']+)'[^']*'([^']+)'[^']*'(.*)'");
    /** 8115: "... converting expression to data type smallint." */
    private static final Pattern DATA_TYPE = Pattern.compile("(\\w+)\\.?\\s*$");

    @Override
    public ViolationKind classify(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        switch (e.getErrorCode()) {
            case 2627:
                return PRIMARY_KEY_WORD.matcher(message).find() ? ViolationKind.PRIMARY_KEY : ViolationKind.UNIQUE;
            case 2601:
                return ViolationKind.UNIQUE;
            case 547:
                if (CHECK_WORD.matcher(message).find()) {
                    return ViolationKind.CHECK;
                }
                return FOREIGN_KEY_WORD.matcher(message).find() || REFERENCE_WORD.matcher(message).find()
                        ? ViolationKind.FOREIGN_KEY : ViolationKind.OTHER;
            case 515:
                return ViolationKind.NOT_NULL;
            case 2628:
            case 8152:
                return ViolationKind.VALUE_TOO_LONG;
            case 8115:
            case 220:
                return ViolationKind.OUT_OF_RANGE;
            default:
                return Dialect.super.classify(e);
        }
    }

    @Override
    public void read(SQLException violation, ErrorReading facts) {
        String message = violation.getMessage();
        if (message == null) {
            return;
        }
        switch (violation.getErrorCode()) {
            case 2627: {
                Matcher m = CONSTRAINT_OBJECT.matcher(message);
                if (m.find()) {
                    facts.constraint = m.group(1);
                    object(facts, m.group(2));
                }
                break;
            }
            case 2601: {
                Matcher m = CONSTRAINT_OBJECT.matcher(message);
                if (m.find()) {
                    object(facts, m.group(1));
                    facts.constraint = m.group(2); // the unique index
                }
                break;
            }
            case 547:
                readConflict(message, facts);
                break;
            case 515: {
                Matcher m = CONSTRAINT_OBJECT.matcher(message);
                if (m.find()) {
                    facts.columns.add(m.group(1));
                    object(facts, m.group(2));
                }
                break;
            }
            case 2628: {
                Matcher m = TRUNCATED.matcher(message);
                if (m.find()) {
                    object(facts, m.group(1));
                    facts.columns.add(m.group(2));
                }
                break;
            }
            case 8115:
            case 220: {
                Matcher m = DATA_TYPE.matcher(message);
                if (m.find()) {
                    facts.columnType = m.group(1);
                }
                break;
            }
            default:
                break;
        }
    }

    /**
     * 547 names the table and column where the conflict is: for a CHECK and the parent side (REFERENCE) that is the
     * constraint's own table; for the child side (FOREIGN KEY) it is the referenced parent.
     */
    private static void readConflict(String message, ErrorReading facts) {
        Matcher m = CONFLICT.matcher(message);
        if (!m.find()) {
            return;
        }
        facts.constraint = m.group(1);
        boolean childSide = facts.kind == ViolationKind.FOREIGN_KEY && FOREIGN_KEY_WORD.matcher(message).find();
        String[] schemaTable = splitObject(m.group(3));
        if (childSide) {
            facts.referencedTable = schemaTable[1];
            if (m.group(4) != null) {
                facts.referencedColumns.add(m.group(4));
            }
        } else {
            facts.schema = schemaTable[0];
            facts.table = schemaTable[1];
            if (m.group(4) != null) {
                facts.columns.add(m.group(4));
            }
        }
    }

    /** 'dbo.person' or 'db.dbo.person' into schema and table. */
    private static void object(ErrorReading facts, String object) {
        String[] schemaTable = splitObject(object);
        facts.schema = schemaTable[0];
        facts.table = schemaTable[1];
    }

    private static String[] splitObject(String object) {
        String[] parts = object.split("\\.");
        String table = parts[parts.length - 1];
        String schema = parts.length >= 2 ? parts[parts.length - 2] : null;
        return new String[] {schema, table};
    }
}
