/**
 * The exceptions the application gets in {@code integrity.mode=wrap}: each one an instance of the driver's own
 * exception class where that class can be extended ({@code EnrichedPSQLException} and the other
 * {@code Enriched<Vendor>} classes), otherwise of the original's standard JDBC type
 * ({@link io.github.integrityjdbc.diagnose.exceptions.EnrichedJdbcExceptions}). Internal: applications catch the
 * driver's or the JDBC type, and read the report with {@code IntegrityViolations.find}.
 *
 * <p>The vendor classes are compiled against the drivers as optional dependencies. Each is loaded only after the
 * caller checked that the driver's class is the very one it was compiled against; each factory therefore declares
 * JDK types only, so that a caller can be loaded and verified without the driver.
 */
package io.github.integrityjdbc.diagnose.exceptions;
