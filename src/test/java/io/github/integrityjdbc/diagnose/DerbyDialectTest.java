package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import org.junit.jupiter.api.Test;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;

import static io.github.integrityjdbc.diagnose.DocumentedErrors.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Derby's messages as the reference measured them (vendor-violations.md, section 5.6), read without Derby's own
 * exception class: the message is the fallback when the structured getters are missing or fail.
 */
class DerbyDialectTest {

    private final DerbyDialect derby = new DerbyDialect();

    /** An exception with Derby's getters, where they throw: the dialect falls back to the message. */
    public static final class BrokenGetters extends SQLIntegrityConstraintViolationException {
        private static final long serialVersionUID = 1L;

        BrokenGetters(String message, String state) {
            super(message, state, 30000);
        }

        public String getConstraintName() {
            throw new IllegalStateException("broken");
        }

        public String getTableName() {
            throw new IllegalStateException("broken");
        }
    }

    /** An exception whose getters answer (as Derby's do): they win over the message. */
    public static final class WorkingGetters extends SQLIntegrityConstraintViolationException {
        private static final long serialVersionUID = 1L;

        WorkingGetters(String message, String state) {
            super(message, state, 30000);
        }

        public String getConstraintName() {
            return "FROM_GETTER";
        }

        public String getTableName() {
            return "\"APP\".\"GETTER_TABLE\"";
        }
    }

    @Test
    void uniqueFromTheMessage() {
        ErrorFacts facts = read(derby, new SQLIntegrityConstraintViolationException("The statement was aborted because"
                + " it would have caused a duplicate key value in a unique or primary key constraint or unique index "
                + "identified by 'UQ_PERSON_EMAIL' defined on 'PERSON'.", "23505", 30000));
        assertEquals(ViolationKind.UNIQUE, facts.kind());
        assertEquals("UQ_PERSON_EMAIL", facts.constraint());
        assertEquals("PERSON", facts.table());
    }

    @Test
    void brokenGettersFallBackToTheMessage() {
        ErrorFacts facts = read(derby, new BrokenGetters("The check constraint 'CK_PERSON_AGE' was violated while "
                + "performing an INSERT or UPDATE on table '\"APP\".\"PERSON\"'.", "23513"));
        assertEquals(ViolationKind.CHECK, facts.kind());
        assertEquals("CK_PERSON_AGE", facts.constraint());
        assertEquals("APP", facts.schema());
        assertEquals("PERSON", facts.table());
    }

    @Test
    void gettersWinOverTheMessage() {
        ErrorFacts facts = read(derby, new WorkingGetters("The check constraint 'CK_PERSON_AGE' was violated while "
                + "performing an INSERT or UPDATE on table '\"APP\".\"PERSON\"'.", "23513"));
        assertEquals("FROM_GETTER", facts.constraint());
        assertEquals("APP", facts.schema());
        assertEquals("GETTER_TABLE", facts.table());
    }

    /** The FK message names the statement's table (the parent for a DELETE): the owner is left to the schema. */
    @Test
    void foreignKeyNamesOnlyTheConstraint() {
        ErrorFacts facts = read(derby, new SQLIntegrityConstraintViolationException("DELETE on table 'PARENT' caused a"
                + " violation of foreign key constraint 'FK_CHILD_PARENT' for key (1).  The statement has been rolled "
                + "back.", "23503", 30000));
        assertEquals(ViolationKind.FOREIGN_KEY, facts.kind());
        assertEquals("FK_CHILD_PARENT", facts.constraint());
        assertNull(facts.table());
    }

    @Test
    void deferredAtCommit() {
        ErrorFacts facts = read(derby, new SQLIntegrityConstraintViolationException("The transaction was aborted "
                + "because of a deferred constraint violation: Foreign key 'FK_CHILD_DEFERRED_PARENT' defined on "
                + "\"APP\".\"CHILD_DEFERRED\" referencing constraint "
                + "'SQL0000000356-7d2d885d-01a2-2055-d3df-000016cc16e0' defined on \"APP\".\"PARENT\", key ''.",
                "23516", 30000));
        assertEquals(ViolationKind.OTHER, facts.kind(), "the kind comes from the schema (the constraint's type)");
        assertEquals("FK_CHILD_DEFERRED_PARENT", facts.constraint());
        assertEquals("APP", facts.schema());
        assertEquals("CHILD_DEFERRED", facts.table());
    }

    @Test
    void notNullAndDataErrors() {
        ErrorFacts notNull = read(derby, new SQLIntegrityConstraintViolationException(
                "Column 'NAME'  cannot accept a NULL value.", "23502", 30000));
        assertEquals(List.of("NAME"), notNull.columns());
        ErrorFacts tooLong = read(derby, new SQLDataException("A truncation error was encountered trying to shrink "
                + "VARCHAR 'ABCDEFGHIJKLMNOPQRST' to length 10.", "22001", 30000));
        assertEquals(ViolationKind.VALUE_TOO_LONG, tooLong.kind());
        assertEquals("VARCHAR(10)", tooLong.columnType());
        assertEquals("ABCDEFGHIJKLMNOPQRST", tooLong.unattributedValue());
        assertEquals(List.of(), tooLong.columns(), "the message names no column");
        ErrorFacts range = read(derby, new SQLDataException(
                "The resulting value is outside the range for the data type SMALLINT.", "22003", 20000));
        assertEquals(ViolationKind.OUT_OF_RANGE, range.kind());
        assertEquals("SMALLINT", range.columnType());
    }
}
