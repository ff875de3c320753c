package io.github.integrityjdbc;

import org.springframework.http.ProblemDetail;

import java.util.Optional;

/**
 * Spring's {@link ProblemDetail} for a violation, as {@link ViolationProblem} describes it: status, type, title and
 * the properties {@code kind}, {@code constraint}, {@code table}, {@code columns}; no detail, no value, no SQL. For
 * an {@code @ExceptionHandler} of an application with Spring Web (Spring Framework 6 or 7), which is an optional
 * dependency: nothing in the driver loads this class.
 */
public final class ViolationProblemDetails {

    private ViolationProblemDetails() {
    }

    /** The problem detail for {@code report}. */
    public static ProblemDetail of(ViolationReport report) {
        return of(ViolationProblem.of(report));
    }

    /** The problem detail for {@code problem}. */
    public static ProblemDetail of(ViolationProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatus(problem.status());
        detail.setType(problem.type());
        detail.setTitle(problem.title());
        problem.properties().forEach(detail::setProperty);
        return detail;
    }

    /** The problem detail for the report {@code thrown} carries; empty when the driver did not explain it. */
    public static Optional<ProblemDetail> find(Throwable thrown) {
        return IntegrityViolations.find(thrown).map(ViolationProblemDetails::of);
    }
}
