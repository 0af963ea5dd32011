package org.openkam.scoring.internal.http;

import java.util.List;

import org.openkam.api.Violation;

/** Ends a request with a problem answer; thrown for protocol-level mistakes. */
final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }

    static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.invalid(List.of(new Violation(field, message))));
    }
}
