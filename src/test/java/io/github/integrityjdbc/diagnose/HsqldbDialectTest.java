package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import org.junit.jupiter.api.Test;

import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;

import static io.github.integrityjdbc.diagnose.DocumentedErrors.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** HSQLDB message variants the matrix schema does not produce (vendor-violations.md, section 5.5). */
class HsqldbDialectTest {

    private final HsqldbDialect hsqldb = new HsqldbDialect();

    /** A CREATE UNIQUE INDEX violation names the index and no table. */
    @Test
    void uniqueIndexWithoutTable() {
        ErrorFacts facts = read(hsqldb, new SQLIntegrityConstraintViolationException(
                "integrity constraint violation: unique constraint or index violation: UX_ACCOUNT_USERNAME", "23505",
                -104));
        assertEquals(ViolationKind.UNIQUE, facts.kind());
        assertEquals("UX_ACCOUNT_USERNAME", facts.constraint());
        assertNull(facts.table());
    }

    /** NOT NULL: the generated SYS_CT_ name changes with every CREATE TABLE and is left out; table and column stay. */
    @Test
    void notNullDropsGeneratedName() {
        ErrorFacts facts = read(hsqldb, new SQLIntegrityConstraintViolationException(
                "integrity constraint violation: NOT NULL check constraint ; SYS_CT_10414 table: PERSON column: NAME",
                "23502", -10));
        assertNull(facts.constraint());
        assertEquals("PERSON", facts.table());
        assertEquals(List.of("NAME"), facts.columns());
    }

    @Test
    void foreignKeyParentSideIs23504() {
        ErrorFacts facts = read(hsqldb, new SQLIntegrityConstraintViolationException(
                "integrity constraint violation: foreign key no action ; FK_CHILD_PARENT table: CHILD", "23504", -8));
        assertEquals(ViolationKind.FOREIGN_KEY, facts.kind());
        assertEquals("FK_CHILD_PARENT", facts.constraint());
        assertEquals("CHILD", facts.table());
    }
}
