package io.github.integrityjdbc.diagnose;

import io.github.integrityjdbc.ViolationKind;
import io.github.integrityjdbc.ViolationReport;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.integrityjdbc.diagnose.DocumentedErrors.capture;
import static io.github.integrityjdbc.diagnose.DocumentedErrors.explain;
import static io.github.integrityjdbc.diagnose.DocumentedErrors.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL Server (mssql-jdbc), not run here. mssql-jdbc throws a plain SQLException subclass (not
 * SQLIntegrityConstraintViolationException) with SQLState 23000 and the error number as vendor code; built here as a
 * plain {@link SQLException}. The messages are the ones recorded in the project's reference (vendor-violations.md,
 * sections 8.3 and 9.5): published real messages for 2627, 2601, 547 and 2628, the documented format for 547 CHECK,
 * 515 and 8115.
 */
class SqlServerDialectTest {

    private final SqlServerDialect sqlServer = new SqlServerDialect();

    private static SQLException error(int number, String state, String message) {
        return new SQLException(message, state, number);
    }

    /** Published: 2627 for a primary key, with the table as schema.table and the duplicate key value. */
    @Test
    void primaryKeyExplained() throws SQLException {
        SQLException e = error(2627, "23000", "Violation of PRIMARY KEY constraint 'PK_Customers'. Cannot insert "
                + "duplicate key in object 'dbo.Customers'. The duplicate key value is (FURIB).");
        ViolationReport r = explain(sqlServer, "Microsoft SQL Server", e,
                capture("INSERT INTO Customers (CustomerID, CompanyName) VALUES (?, ?)", "FURIB", "Furia"));
        assertEquals(ViolationKind.PRIMARY_KEY, r.kind());
        assertEquals(Optional.of("PK_Customers"), r.constraint());
        assertEquals(Optional.of("Customers"), r.table());
        assertEquals(List.of(), r.columns(), "the message names no column");
        assertEquals(Map.of(), r.offendingValues());
        assertEquals(List.of("'FURIB'", "'Furia'"), r.parameters());
    }

    /** Published: 2627 for a unique constraint. */
    @Test
    void uniqueConstraint() {
        ErrorFacts facts = read(sqlServer, error(2627, "23000", "Violation of UNIQUE KEY constraint "
                + "'IDX_DEPARTMENT_UNQ_NAME'. Cannot insert duplicate key in object 'dbo.DEPARTMENT'. "
                + "The duplicate key value is (Finance)."));
        assertEquals(ViolationKind.UNIQUE, facts.kind());
        assertEquals("IDX_DEPARTMENT_UNQ_NAME", facts.constraint());
        assertEquals("dbo", facts.schema());
        assertEquals("DEPARTMENT", facts.table());
    }

    /** Published: 2601 for a unique index (object first, then the index). */
    @Test
    void uniqueIndex() {
        ErrorFacts facts = read(sqlServer, error(2601, "23000", "Cannot insert duplicate key row in object "
                + "'dbo.Databases' with unique index 'IX_Databases_InstanceID_name'. The duplicate key value is (405, "
                + "qgc-eb-db-qa-layout)."));
        assertEquals(ViolationKind.UNIQUE, facts.kind());
        assertEquals("IX_Databases_InstanceID_name", facts.constraint());
        assertEquals("Databases", facts.table());
    }

    /** Published: 547 on the child side names the referenced parent table and column, not the child's. */
    @Test
    void foreignKeyChildSideNamesTheParent() throws SQLException {
        SQLException e = error(547, "23000", "The INSERT statement conflicted with the FOREIGN KEY constraint "
                + "\"FK_Orders_CreatedBy\". The conflict occurred in database \"OfimaPedidosERP\", "
                + "table \"sec.Users\", column 'Id'.");
        ErrorFacts facts = read(sqlServer, e);
        assertEquals(ViolationKind.FOREIGN_KEY, facts.kind());
        assertEquals("FK_Orders_CreatedBy", facts.constraint());
        assertNull(facts.table());
        assertEquals("Users", facts.referencedTable());
        assertEquals(List.of("Id"), facts.referencedColumns());

        ViolationReport r = explain(sqlServer, "Microsoft SQL Server", e,
                capture("INSERT INTO Orders (Id, CreatedBy) VALUES (?, ?)", 1, 42));
        assertEquals(Optional.of("FK_Orders_CreatedBy"), r.constraint());
        assertEquals(Optional.empty(), r.table());
        assertTrue(r.explain().startsWith("No matching row in Users for foreign key FK_Orders_CreatedBy."),
                r.explain());
    }

    /** Published: 547 on the parent side (REFERENCE) names the child table and column. */
    @Test
    void foreignKeyParentSideNamesTheChild() throws SQLException {
        SQLException e = error(547, "23000", "The DELETE statement conflicted with the REFERENCE constraint "
                + "\"FK_CaseProduct_Product_ProductId\". The conflict occurred in database \"FooDb\", table "
                + "\"dbo.CaseProduct\", column 'ProductId'.");
        ViolationReport r = explain(sqlServer, "Microsoft SQL Server", e,
                capture("DELETE FROM Product WHERE Id = ?", 7));
        assertEquals(ViolationKind.FOREIGN_KEY, r.kind());
        assertEquals(Optional.of("FK_CaseProduct_Product_ProductId"), r.constraint());
        assertEquals(Optional.of("CaseProduct"), r.table());
        assertEquals(List.of("ProductId"), r.columns());
        assertTrue(r.explain().startsWith("Row of Product is still referenced by foreign key "
                + "FK_CaseProduct_Product_ProductId on CaseProduct(ProductId)."), r.explain());
    }

    /** Documented format: 547 for a CHECK names table and column; the value comes from the statement. */
    @Test
    void checkExplainedWithValue() throws SQLException {
        SQLException e = error(547, "23000", "The INSERT statement conflicted with the CHECK constraint "
                + "\"ck_person_age\". The conflict occurred in database \"db\", table \"dbo.person\", column 'age'.");
        ViolationReport r = explain(sqlServer, "Microsoft SQL Server", e,
                capture("INSERT INTO person (id, age) VALUES (?, ?)", 3, -1));
        assertEquals(ViolationKind.CHECK, r.kind());
        assertEquals(Optional.of("ck_person_age"), r.constraint());
        assertEquals(Optional.of("person"), r.table());
        assertEquals(List.of("age"), r.columns());
        assertEquals(Map.of("age", "-1"), r.offendingValues());
    }

    /** Documented format: 515 names column and database.schema.table. */
    @Test
    void notNullExplained() throws SQLException {
        SQLException e = error(515, "23000", "Cannot insert the value NULL into column 'name', table 'db.dbo.person'; "
                + "column does not allow nulls. INSERT fails.");
        ViolationReport r = explain(sqlServer, "Microsoft SQL Server", e,
                capture("INSERT INTO person (id, name) VALUES (?, ?)", 3, null));
        assertEquals(ViolationKind.NOT_NULL, r.kind());
        assertEquals(Optional.empty(), r.constraint());
        assertEquals(Optional.of("person"), r.table());
        assertEquals(List.of("name"), r.columns());
        assertEquals(Map.of("name", "NULL"), r.offendingValues());
    }

    /** Published: 2628 (SQL Server 2019+) names table and column. */
    @Test
    void truncationExplained() throws SQLException {
        SQLException e = error(2628, "22001", "String or binary data would be truncated in table "
                + "'HRBUDGET.dbo.HRB_BUDGET_BIGC', column 'JOIN_PVF'. Truncated value: 'P'.");
        ViolationReport r = explain(sqlServer, "Microsoft SQL Server", e,
                capture("UPDATE HRB_BUDGET_BIGC SET JOIN_PVF = ? WHERE ID = ?", "PVF", 1));
        assertEquals(ViolationKind.VALUE_TOO_LONG, r.kind());
        assertEquals(Optional.of("HRB_BUDGET_BIGC"), r.table());
        assertEquals(List.of("JOIN_PVF"), r.columns());
        assertEquals(Map.of("JOIN_PVF", "'PVF'"), r.offendingValues());
    }

    /** Documented: 8152 (before 2019) names nothing; 8115 names the target type; others are no violation. */
    @Test
    void classification() {
        assertEquals(ViolationKind.VALUE_TOO_LONG, sqlServer.classify(error(8152, "22001",
                "String or binary data would be truncated.")));
        ErrorFacts overflow = read(sqlServer, error(8115, "22003",
                "Arithmetic overflow error converting expression to data type smallint."));
        assertEquals(ViolationKind.OUT_OF_RANGE, overflow.kind());
        assertEquals("smallint", overflow.columnType());
        assertNull(sqlServer.classify(error(208, "S0002", "Invalid object name 'dbo.nope'.")));
    }
}
