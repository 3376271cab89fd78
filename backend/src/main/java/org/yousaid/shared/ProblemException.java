package org.yousaid.shared;

import java.util.Map;

/** A refusal the client can act on; rendered as {@code application/problem+json}. */
public class ProblemException extends RuntimeException {

    private final transient ProblemCode problem;
    private final transient Map<String, String> errors;

    public ProblemException(ProblemCode problem, String detail) {
        this(problem, detail, Map.of());
    }

    public ProblemException(ProblemCode problem, String detail, Map<String, String> errors) {
        super(detail, null, false, false);
        this.problem = problem;
        this.errors = Map.copyOf(errors);
    }

    public ProblemCode problem() {
        return problem;
    }

    public Map<String, String> errors() {
        return errors;
    }
}
