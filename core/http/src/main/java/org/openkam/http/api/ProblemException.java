package org.openkam.http.api;

/** Ends a request with a problem response; thrown by the HTTP layer for protocol-level mistakes. */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.invalid(field, message));
    }
}
