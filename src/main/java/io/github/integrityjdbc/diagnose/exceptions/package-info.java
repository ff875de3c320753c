/**
 * Internal: the enriched exceptions of the drivers' own types, one class per driver, compiled against the drivers as
 * optional dependencies and used only where the application's driver class is the one they were compiled against.
 *
 * <p>Not API: the application catches the driver's type or the JDBC type, and finds the report with
 * {@code IntegrityViolations.find}.
 */
package io.github.integrityjdbc.diagnose.exceptions;
