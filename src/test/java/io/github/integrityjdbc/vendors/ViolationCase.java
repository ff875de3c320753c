package io.github.integrityjdbc.vendors;

/** The violations every database is tested with (the cases of the driver-core issue), on the reference schema. */
enum ViolationCase {
    DUPLICATE_PRIMARY_KEY,
    DUPLICATE_NAMED_UNIQUE,
    UPDATE_TO_DUPLICATE,
    MISSING_PARENT,
    DELETE_REFERENCED_PARENT,
    NOT_NULL,
    CHECK,
    VALUE_TOO_LONG,
    OUT_OF_RANGE,
    BATCH_FOURTH_ROW_DUPLICATE,
    LITERAL_STATEMENT_DUPLICATE
}
