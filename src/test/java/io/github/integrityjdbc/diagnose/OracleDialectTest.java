package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static io.github.integrityjdbc.diagnose.DocumentedErrors.capture;
import static io.github.integrityjdbc.diagnose.DocumentedErrors.explain;
import static io.github.integrityjdbc.diagnose.DocumentedErrors.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Oracle (ojdbc), not run here. The exceptions are built as ojdbc documents them: SQLState 23000 with the ORA number
 * as vendor code for every integrity violation, 72000 / 12899 for a too-long value. The messages are the ones recorded
 * in the project's reference (vendor-violations.md, sections 8.2 and 9.5): published real messages (including a
 * Chinese-localized one and Oracle 23ai's longer ORA-00001) and Oracle's documented message formats.
 */
class OracleDialectTest {

    private final OracleDialect oracle = new OracleDialect();

    private static SQLException ora(int code, String message) {
        return new SQLIntegrityConstraintViolationException(message, "23000", code);
    }

    /** Published: ORA-00001 before 23ai names only (SCHEMA.CONSTRAINT). */
    @Test
    void uniqueBefore23aiNamesConstraintOnly() {
        ErrorFacts facts = read(oracle, ora(1, "ORA-00001: unique constraint (PRODZA.ORDERS_PK) violated\n"));
        assertEquals(ViolationKind.UNIQUE, facts.kind());
        assertEquals("PRODZA", facts.schema());
        assertEquals("ORDERS_PK", facts.constraint());
        assertNull(facts.table());
        assertEquals(List.of(), facts.columns());
    }

    /** Published, Chinese NLS: the code and the parenthesised name stay. */
    @Test
    void uniqueLocalized() {
        ErrorFacts facts = read(oracle, ora(1, "ORA-00001: 违反唯一约束条件 (CMS.PK_SS_GOVINTERACT_CHANNEL_ID)"));
        assertEquals(ViolationKind.UNIQUE, facts.kind());
        assertEquals("PK_SS_GOVINTERACT_CHANNEL_ID", facts.constraint());
    }

    /** Published, Oracle 23ai: table, columns and the row's values. Explained end to end: values from the statement. */
    @Test
    void unique23aiExplainedWithTableColumnsAndValues() throws SQLException {
        SQLException e = ora(1, "ORA-00001: unique constraint (WKSP_ESGAPEX.SYS_C0030115) violated on table "
                + "WKSP_ESGAPEX.SC_IDX_JOB_RUNS columns (RUN_ID)\n"
                + "ORA-03301: (ORA-00001 details) row with column values (RUN_ID:'e6261fe8') already exists");
        ErrorFacts facts = read(oracle, e);
        assertEquals("SC_IDX_JOB_RUNS", facts.table());
        assertEquals(List.of("RUN_ID"), facts.columns());
        assertEquals(Map.of("RUN_ID", "'e6261fe8'"), facts.messageValues());

        ViolationReport r = explain(oracle, "Oracle", e,
                capture("INSERT INTO sc_idx_job_runs (run_id, note) VALUES (?, ?)", "e6261fe8", "again"));
        assertEquals(ViolationKind.UNIQUE, r.kind());
        assertEquals(Optional.of("SYS_C0030115"), r.constraint());
        assertEquals(Optional.of("SC_IDX_JOB_RUNS"), r.table());
        assertEquals(List.of("RUN_ID"), r.columns());
        assertEquals(Map.of("RUN_ID", "'e6261fe8'"), r.offendingValues());
        assertEquals("23000", r.sqlState());
        assertEquals(1, r.vendorCode());
    }

    /** A masked column's value in the 23ai message never reaches the application's message or the report. */
    @Test
    void unique23aiMessageValueOfMaskedColumnIsMasked() throws SQLException {
        SQLException e = ora(1, "ORA-00001: unique constraint (APP.UQ_USERS_TOKEN) violated on table APP.USERS "
                + "columns (API_TOKEN)\nORA-03301: (ORA-00001 details) row with column values "
                + "(API_TOKEN:'s3cr3t-v4lue') already exists");
        Properties settings = new Properties();
        settings.setProperty("integrity.mask", "token");
        ViolationReport r = explain(oracle, "Oracle", e, null, settings);
        assertEquals(Map.of("API_TOKEN", "****"), r.offendingValues());
        assertFalse(DocumentedErrors.lastMessage.contains("s3cr3t-v4lue"), DocumentedErrors.lastMessage);
        assertFalse(r.explain().contains("s3cr3t-v4lue"), r.explain());
    }

    /** Published: ORA-02291 (child side) and ORA-02292 (parent side) name the foreign key only. */
    @Test
    void foreignKeyBothSides() throws SQLException {
        ErrorFacts child = read(oracle, ora(2291, "ORA-02291: integrity constraint "
                + "(VIEW.AA_DEFAULT_APP_LIST_FK_AA_APP) violated - parent key not found"));
        assertEquals(ViolationKind.FOREIGN_KEY, child.kind());
        assertEquals("AA_DEFAULT_APP_LIST_FK_AA_APP", child.constraint());
        ErrorFacts parent = read(oracle, ora(2292,
                "ORA-02292: integrity constraint (SYSTEM.FKTDTSU7E61OWMWCPRRSQ3GPLC) violated - child record found"));
        assertEquals(ViolationKind.FOREIGN_KEY, parent.kind());
        assertEquals("FKTDTSU7E61OWMWCPRRSQ3GPLC", parent.constraint());

        ViolationReport r = explain(oracle, "Oracle", ora(2291,
                        "ORA-02291: integrity constraint (APP.FK_CHILD_PARENT) violated - parent key not found"),
                capture("INSERT INTO child (id, parent_id) VALUES (?, ?)", 11, 999));
        assertEquals(ViolationKind.FOREIGN_KEY, r.kind());
        assertEquals(Optional.of("FK_CHILD_PARENT"), r.constraint());
        assertEquals(Optional.empty(), r.table(), "the message does not say which table owns the key");
        assertEquals(List.of(), r.columns());
        assertEquals(Map.of(), r.offendingValues());
        assertEquals(List.of("11", "999"), r.parameters());
    }

    /** Documented format: ORA-02290 names the check constraint; the table is the statement's. */
    @Test
    void checkExplained() throws SQLException {
        ViolationReport r = explain(oracle, "Oracle",
                ora(2290, "ORA-02290: check constraint (APP.CK_PERSON_AGE) violated"),
                capture("INSERT INTO person (id, age) VALUES (?, ?)", 3, -1));
        assertEquals(ViolationKind.CHECK, r.kind());
        assertEquals(Optional.of("CK_PERSON_AGE"), r.constraint());
        assertEquals(Optional.of("PERSON"), r.table());
        assertEquals(List.of(), r.columns(), "the columns of the check are not in the message");
    }

    /** Documented formats: ORA-01400 (insert) and ORA-01407 (update) name schema, table and column. */
    @Test
    void notNullInsertAndUpdateExplained() throws SQLException {
        ViolationReport insert = explain(oracle, "Oracle",
                ora(1400, "ORA-01400: cannot insert NULL into (\"APP\".\"PERSON\".\"NAME\")"),
                capture("INSERT INTO person (id, name) VALUES (?, ?)", 3, null));
        assertEquals(ViolationKind.NOT_NULL, insert.kind());
        assertEquals(Optional.empty(), insert.constraint());
        assertEquals(Optional.of("PERSON"), insert.table());
        assertEquals(List.of("NAME"), insert.columns());
        assertEquals(Map.of("NAME", "NULL"), insert.offendingValues());

        ViolationReport update = explain(oracle, "Oracle",
                ora(1407, "ORA-01407: cannot update (\"APP\".\"PERSON\".\"NAME\") to NULL"),
                capture("UPDATE person SET name = ? WHERE id = ?", null, 2));
        assertEquals(ViolationKind.NOT_NULL, update.kind());
        assertEquals(List.of("NAME"), update.columns());
        assertEquals(Map.of("NAME", "NULL"), update.offendingValues());
    }

    /** Published (English and Chinese): ORA-12899 is a plain SQLException with SQLState 72000. */
    @Test
    void valueTooLargeExplained() throws SQLException {
        SQLException e = new SQLException(
                "ORA-12899: value too large for column \"HR\".\"CUSTOMERS\".\"EMAIL\" (actual: 16, maximum: 10)",
                "72000", 12899);
        ViolationReport r = explain(oracle, "Oracle", e,
                capture("INSERT INTO customers (id, email) VALUES (?, ?)", 1, "abcdefghij@x.io"));
        assertEquals(ViolationKind.VALUE_TOO_LONG, r.kind());
        assertEquals(Optional.of("CUSTOMERS"), r.table());
        assertEquals(List.of("EMAIL"), r.columns());
        assertEquals(Map.of("EMAIL", "'abcdefghij@x.io'"), r.offendingValues());
        assertTrue(r.explain().startsWith("Value too long for column CUSTOMERS.EMAIL (maximum 10, actual 16)"),
                r.explain());

        ErrorFacts localized = read(oracle, new SQLException("ORA-12899: 列 \"RBSCMFUAT\".\"CMF_CLM_CLAIM_PAYMENTS\"."
                + "\"DEFERRED_EXPENSES_FLAG\" 的值太大 (实际值: 3, 最大值: 1)", "72000", 12899));
        assertEquals(List.of("DEFERRED_EXPENSES_FLAG"), localized.columns());
        assertEquals("(maximum 1, actual 3)", localized.columnType());
    }

    /** Documented: a deferred constraint fails at COMMIT as ORA-02091 followed by the constraint's own error. */
    @Test
    void deferredAtCommitReadsTheNestedError() throws SQLException {
        SQLException e = new SQLException("ORA-02091: transaction rolled back\n"
                + "ORA-02291: integrity constraint (APP.FK_CHILD_DEFERRED) violated - parent key not found",
                null, 2091); // its SQLState is not in the reference: the ORA numbers decide
        ViolationReport r = explain(oracle, "Oracle", e, null);
        assertEquals(ViolationKind.FOREIGN_KEY, r.kind());
        assertEquals(Optional.of("FK_CHILD_DEFERRED"), r.constraint());
        assertNull(r.sql());
    }

    /** ORA-01438 (precision) is out of range; errors that are no violation are left alone. */
    @Test
    void classification() {
        assertEquals(ViolationKind.OUT_OF_RANGE, oracle.classify(new SQLException(
                "ORA-01438: value larger than specified precision allowed for this column", "22003", 1438)));
        assertNull(oracle.classify(new SQLException("ORA-00942: table or view does not exist", "42000", 942)));
        assertNull(oracle.classify(new SQLException("ORA-02091: transaction rolled back", null, 2091)));
    }
}
