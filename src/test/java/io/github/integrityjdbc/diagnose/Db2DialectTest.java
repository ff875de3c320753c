package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static io.github.integrityjdbc.diagnose.DocumentedErrors.capture;
import static io.github.integrityjdbc.diagnose.DocumentedErrors.explain;
import static io.github.integrityjdbc.diagnose.DocumentedErrors.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Db2 LUW (IBM JCC), not run here. JCC throws SQLIntegrityConstraintViolationException / SQLDataException subclasses
 * with the standard SQLState and the negative SQLCODE as vendor code, and by default a token-only message. The
 * messages are the ones recorded in the project's reference (vendor-violations.md, sections 8.4 and 9.5): published
 * -803 and -407 messages, and SQLERRMC contents as Db2's message reference documents them for -530, -532, -545 and
 * -433; the batch shape (SQLState null, per-row errors as next exceptions) is from section 8.4.
 */
class Db2DialectTest {

    private final Db2Dialect db2 = new Db2Dialect();

    private static SQLException icv(int sqlCode, String state, String errmc) {
        return new SQLIntegrityConstraintViolationException("DB2 SQL Error: SQLCODE=" + sqlCode + ", SQLSTATE=" + state
                + ", SQLERRMC=" + errmc + ", DRIVER=4.22.29", state, sqlCode);
    }

    /** Published: -803 names the table (after the index id), never the constraint. */
    @Test
    void duplicateKeyNamesTableNotConstraint() throws SQLException {
        SQLException e = icv(-803, "23505", "2;KADAI.TASK");
        ViolationReport r = explain(db2, "DB2/LINUXX8664", e,
                capture("INSERT INTO kadai.task (id, name) VALUES (?, ?)", 7, "x"));
        assertEquals(ViolationKind.UNIQUE, r.kind());
        assertEquals(Optional.empty(), r.constraint());
        assertEquals(Optional.of("TASK"), r.table());
        assertEquals(List.of(), r.columns());
        assertEquals(List.of("7", "'x'"), r.parameters());
    }

    /** Documented: -530 (child side) and -532 (parent side) name the foreign key, schema-qualified with its table. */
    @Test
    void foreignKeyBothSides() {
        ErrorFacts child = read(db2, icv(-530, "23503", "APP.CHILD.FK_CHILD_PARENT"));
        assertEquals(ViolationKind.FOREIGN_KEY, child.kind());
        assertEquals("FK_CHILD_PARENT", child.constraint());
        assertEquals("CHILD", child.table());
        assertEquals("APP", child.schema());
        ErrorFacts parent = read(db2, icv(-532, "23504", "APP.CHILD.FK_CHILD_PARENT"));
        assertEquals(ViolationKind.FOREIGN_KEY, parent.kind());
        assertEquals("FK_CHILD_PARENT", parent.constraint());
        ErrorFacts bare = read(db2, icv(-530, "23503", "FK_CHILD_PARENT"));
        assertEquals("FK_CHILD_PARENT", bare.constraint());
        assertNull(bare.table());
    }

    /** Documented: -545 names the check constraint; the statement gives the table. */
    @Test
    void checkExplained() throws SQLException {
        ViolationReport r = explain(db2, "DB2/LINUXX8664", icv(-545, "23513", "APP.PERSON.CK_PERSON_AGE"),
                capture("UPDATE person SET age = ? WHERE id = ?", -5, 1));
        assertEquals(ViolationKind.CHECK, r.kind());
        assertEquals(Optional.of("CK_PERSON_AGE"), r.constraint());
        assertEquals(Optional.of("PERSON"), r.table());
    }

    /** Published: -407 gives numeric ids only (or *N): kind, and the statement's table, nothing guessed. */
    @Test
    void notNullGivesIdsOnly() throws SQLException {
        ViolationReport r = explain(db2, "DB2/LINUXX8664", icv(-407, "23502", "TBSPACEID=2, TABLEID=4, COLNO=1"),
                capture("INSERT INTO person (id, name) VALUES (?, ?)", 3, null));
        assertEquals(ViolationKind.NOT_NULL, r.kind());
        assertEquals(Optional.of("PERSON"), r.table());
        assertEquals(List.of(), r.columns());
        assertEquals(Map.of(), r.offendingValues());
        assertEquals(ViolationKind.NOT_NULL, read(db2, icv(-407, "23502", "*N")).kind());
    }

    /** Documented: -433 shows the value that was too long; its column is the one the statement gave it. */
    @Test
    void tooLongValueFindsItsColumn() throws SQLException {
        SQLException e = new SQLDataException("DB2 SQL Error: SQLCODE=-433, SQLSTATE=22001, "
                + "SQLERRMC=ABCDEFGHIJKLMNOPQRST, DRIVER=4.22.29", "22001", -433);
        ViolationReport r = explain(db2, "DB2/LINUXX8664", e,
                capture("INSERT INTO person (id, name, email) VALUES (?, ?, ?)", 3, "ABCDEFGHIJKLMNOPQRST", "c@x.io"));
        assertEquals(ViolationKind.VALUE_TOO_LONG, r.kind());
        assertEquals(Optional.of("PERSON"), r.table());
        assertEquals(List.of("NAME"), r.columns());
        assertEquals(Map.of("NAME", "'ABCDEFGHIJKLMNOPQRST'"), r.offendingValues());
    }

    /** Section 8.4: a batch failure has SQLState null; the per-row violation is the next exception. */
    @Test
    void batchReadsTheNextException() throws SQLException {
        BatchUpdateException batch = new BatchUpdateException("[jcc][t4][102][10040][4.22.29] Batch failure. The batch"
                + " was submitted, but at least one exception occurred on an individual member of the batch. Use "
                + "getNextException() to retrieve the exceptions for specific batched elements. ERRORCODE=-4229, "
                + "SQLSTATE=null", null, -4229, new int[] {1, 1, 1, Statement.EXECUTE_FAILED, 1}, null);
        batch.setNextException(icv(-803, "23505", "1;APP.PERSON"));
        var capture = capture("INSERT INTO person (id, email) VALUES (?, ?)");
        for (int row = 0; row < 5; row++) {
            capture.bind(1, 101 + row);
            capture.bind(2, row == 3 ? "a@x.io" : "p" + row + "@x.io");
            capture.addRow();
        }
        ViolationReport r = explain(db2, "DB2/LINUXX8664", batch, capture);
        assertEquals(ViolationKind.UNIQUE, r.kind());
        assertEquals(Optional.of("PERSON"), r.table());
        assertEquals(OptionalInt.of(3), r.batchIndex());
        assertEquals(List.of("104", "'a@x.io'"), r.parameters());
    }
}
