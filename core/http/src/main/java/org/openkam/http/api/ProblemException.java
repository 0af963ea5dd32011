package org.openkam.http.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ends a request with a problem response; thrown by the HTTP layer for protocol-level mistakes. */
public final class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient Problem problem;
    private final transient Map<String, Object> members;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    /**
     * A problem with RFC 9457 extension members, written beside the standard ones (e.g. {@code job}).
     *
     * @since 1.2
     */
    public ProblemException(Problem problem, Map<String, ?> members) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public Problem problem() {
        return problem;
    }

    /**
     * The extension members, in order; empty for most problems.
     *
     * @since 1.2
     */
    public Map<String, Object> members() {
        return members;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.invalid(field, message));
    }
}
