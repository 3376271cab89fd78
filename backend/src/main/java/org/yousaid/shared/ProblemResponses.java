package org.yousaid.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.Map;

/** Builds the one shape every error response has. */
public final class ProblemResponses {

    public static final MediaType PROBLEM_JSON = MediaType.of(Problem.MEDIA_TYPE);

    /**
     * Seconds a client waits before retrying a 503: long enough not to hammer a database that is
     * coming back, short enough that a family's phone sends the words while they are still there.
     */
    static final String RETRY_AFTER_SECONDS = "5";

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> of(ProblemCode problem, @Nullable String detail) {
        return of(problem, detail, Map.of());
    }

    public static MutableHttpResponse<Problem> of(ProblemCode problem, @Nullable String detail, Map<String, String> errors) {
        return withRetryAfter(HttpResponse.<Problem>status(problem.status()))
                .contentType(PROBLEM_JSON)
                .body(Problem.of(problem, detail, errors));
    }

    public static MutableHttpResponse<Problem> of(ProblemException e) {
        return of(e.problem(), e.getMessage(), e.errors());
    }

    /** Every 503 says when to come back (the contract's ServiceUnavailable requires it). */
    static <T> MutableHttpResponse<T> withRetryAfter(MutableHttpResponse<T> response) {
        if (response.getStatus() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response;
    }
}
