package org.aguavoz.api;

import java.util.List;

/** Thrown by resources for a request that cannot be done; becomes a problem response. */
public class ApiProblem extends RuntimeException {

    private final transient Problem problem;

    public ApiProblem(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ApiProblem invalidField(String field, String problem) {
        return new ApiProblem(Problem.invalid(List.of(new Problem.FieldError(field, problem))));
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(Problem.of(404, "Not found", what));
    }

    public static ApiProblem conflict(String field, String detail) {
        return new ApiProblem(new Problem("about:blank", "Conflict", 409, detail,
                field == null ? List.of() : List.of(new Problem.FieldError(field, detail))));
    }
}
