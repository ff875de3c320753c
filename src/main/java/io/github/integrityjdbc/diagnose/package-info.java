/**
 * Internal: the cold path, which explains a failed statement. {@link io.github.integrityjdbc.diagnose.Explainer} runs
 * its stages in order, each handing an immutable value to the next: classify ({@code Violation}), read the error
 * ({@code Dialect}, one class per database, into {@code ErrorFacts}), attribute from the schema, locate the statement
 * ({@code FailedStatement}), attribute from the statement ({@code Attribution}), write the report and the masked
 * message ({@code ReportWriter}, {@code Masking}), build the exception ({@code EnrichedExceptions}), publish.
 *
 * <p>Not API. The public classes here are public only so that the other packages of integrity-jdbc can use them;
 * they may change or go in any release. The API is the package {@code io.github.integrityjdbc}.
 */
package io.github.integrityjdbc.diagnose;
