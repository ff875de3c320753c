package io.github.integrityjdbc;

import io.github.integrityjdbc.report.ReportFields;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything the driver could tell about one rejected statement. Values are already rendered for display: strings
 * quoted, long values cut at {@code integrity.maxValueLength}, values of masked columns shown as {@code ****}.
 * Facts the database does not report are empty rather than guessed. Immutable; created by the driver, found with
 * {@link IntegrityViolations#find(Throwable)}.
 */
public final class ViolationReport {

    private final ViolationKind kind;
    private final String constraint;
    private final String table;
    private final List<String> columns;
    private final String sql;
    private final List<String> parameters;
    private final Map<String, String> offendingValues;
    private final Integer batchIndex;
    private final String sqlState;
    private final int vendorCode;
    private final String database;
    private final String dataSource;
    private final String explanation;

    static {
        ReportFields.register(ViolationReport::new); // the only way a report is made: by the driver's cold path
    }

    private ViolationReport(ReportFields f) {
        this.kind = f.kind() == null ? ViolationKind.OTHER : f.kind();
        this.constraint = f.constraint();
        this.table = f.table();
        this.columns = f.columns() == null ? List.of() : List.copyOf(f.columns());
        this.sql = f.sql();
        this.parameters = f.parameters() == null ? List.of()
                : Collections.unmodifiableList(new java.util.ArrayList<>(f.parameters()));
        this.offendingValues = f.offendingValues() == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(f.offendingValues()));
        this.batchIndex = f.batchIndex();
        this.sqlState = f.sqlState();
        this.vendorCode = f.vendorCode();
        this.database = f.database();
        this.dataSource = f.dataSource();
        this.explanation = f.explanation() == null ? "" : f.explanation();
    }

    /** The kind of violation. */
    public ViolationKind kind() {
        return kind;
    }

    /** The violated constraint (or unique index), as the database names it; empty where it does not say. */
    public Optional<String> constraint() {
        return Optional.ofNullable(constraint);
    }

    /**
     * The table that owns the violated constraint: for a delete blocked by a foreign key, the referencing table.
     * The statement's own table is part of {@link #explain()}.
     */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    /** The constrained columns, in the constraint's order; empty when unknown. */
    public List<String> columns() {
        return columns;
    }

    /** The statement's SQL text, with values of masked columns replaced by {@code ****}; null when none ran. */
    public String sql() {
        return sql;
    }

    /** The rendered bound values; index 0 is parameter 1. For a batch, the values of the failing row. */
    public List<String> parameters() {
        return parameters;
    }

    /** Column name to the rendered value that caused the violation, where it can be told. */
    public Map<String, String> offendingValues() {
        return offendingValues;
    }

    /** The 0-based row of the batch that failed, where it can be told. */
    public OptionalInt batchIndex() {
        return batchIndex == null ? OptionalInt.empty() : OptionalInt.of(batchIndex);
    }

    /** The SQLState of the database's error; may be null (SQLite). */
    public String sqlState() {
        return sqlState;
    }

    /** The vendor code of the database's error. */
    public int vendorCode() {
        return vendorCode;
    }

    /** The database product name, as its driver reports it. */
    public String database() {
        return database;
    }

    /** The data source name ({@code integrity.name}), as in log lines and meter tags. */
    public String dataSource() {
        return dataSource;
    }

    /** A short human paragraph, on one line, that says what happened. */
    public String explain() {
        return explanation;
    }

    @Override
    public String toString() {
        return explanation;
    }
}
