package org.yousaid.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.Map;

/** Builds the one shape every error response has. */
public final class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.of(Problem.MEDIA_TYPE);

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> of(ProblemCode problem, @Nullable String detail) {
        return of(problem, detail, Map.of());
    }

    public static MutableHttpResponse<Problem> of(ProblemCode problem, @Nullable String detail, Map<String, String> errors) {
        return HttpResponse.<Problem>status(problem.status())
                .contentType(PROBLEM_JSON)
                .body(Problem.of(problem, detail, errors));
    }

    public static MutableHttpResponse<Problem> of(ProblemException e) {
        return of(e.problem(), e.getMessage(), e.errors());
    }
}
