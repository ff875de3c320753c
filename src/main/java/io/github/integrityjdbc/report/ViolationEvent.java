package io.github.integrityjdbc.report;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JDK Flight Recorder event {@value #NAME}: one per explained violation, with the report's facts and never a
 * value beyond what the report's SQL text shows (values of masked columns as {@code ****}). Enabled by default, with
 * its stack trace (where the application ran the statement); it costs nothing while no recording runs. Loaded only
 * through {@link ViolationEvents}, when module {@code jdk.jfr} is present.
 */
@Name(ViolationEvent.NAME)
@Label("Integrity Violation")
@Category("integrity-jdbc")
@Description("A statement the database rejected for an integrity violation or a data error, as integrity-jdbc"
        + " explained it")
@Enabled(true)
@StackTrace(true)
public final class ViolationEvent extends Event {

    /** The event's name in recordings. */
    public static final String NAME = "io.github.integrityjdbc.Violation";

    @Label("Kind")
    @Description("UNIQUE, PRIMARY_KEY, FOREIGN_KEY, NOT_NULL, CHECK, EXCLUSION, VALUE_TOO_LONG, OUT_OF_RANGE or OTHER")
    String kind;

    @Label("Constraint")
    @Description("The violated constraint as the database names it; empty where it does not say")
    String constraint;

    @Label("Table")
    @Description("The table that owns the violated constraint; empty where unknown")
    String table;

    @Label("Columns")
    @Description("The constrained columns, comma-separated; empty where unknown")
    String columns;

    @Label("SQLState")
    String sqlState;

    @Label("Vendor Code")
    int vendorCode;

    @Label("Data Source")
    @Description("integrity.name, as in log lines and meter tags")
    String dataSource;

    @Label("Database")
    String database;

    @Label("Batch Row")
    @Description("The 0-based failing row of a batch; -1 when not a batch or not known")
    int batchRow;

    @Label("SQL")
    @Description("The statement's SQL text as the report has it: values of masked columns shown as ****")
    String sql;
}
