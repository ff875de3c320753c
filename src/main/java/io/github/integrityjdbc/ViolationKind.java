package io.github.integrityjdbc;

/** What kind of rule the database enforced when it rejected a statement. */
public enum ViolationKind {
    /** A duplicate value under a unique constraint or unique index. */
    UNIQUE,
    /** A duplicate primary key. */
    PRIMARY_KEY,
    /** A child row whose parent is missing, or a parent row that is still referenced. */
    FOREIGN_KEY,
    /** NULL for a column declared NOT NULL. */
    NOT_NULL,
    /** A row that fails a CHECK constraint. */
    CHECK,
    /** A row that conflicts under an exclusion constraint (PostgreSQL). */
    EXCLUSION,
    /** A value longer than its column allows (a data error, SQLState 22001). */
    VALUE_TOO_LONG,
    /** A number outside its column's range (a data error). */
    OUT_OF_RANGE,
    /** Another integrity violation (SQLState class 23) or data error (class 22). */
    OTHER;

    /** True for the data-error kinds (SQLState class 22), false for integrity violations (class 23). */
    public boolean isDataError() {
        return this == VALUE_TOO_LONG || this == OUT_OF_RANGE;
    }
}
