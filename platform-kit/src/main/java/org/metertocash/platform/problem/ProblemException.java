package org.metertocash.platform.problem;

import java.util.List;

/** Thrown by resources and services to answer with a specific problem. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what));
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Problem.of(409, slug, "Conflict", detail));
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(Problem.validation(field + ": " + reason, List.of(new FieldError(field, reason))));
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(Problem.validation(errors.size() + " field(s) are not valid", errors));
    }
}
