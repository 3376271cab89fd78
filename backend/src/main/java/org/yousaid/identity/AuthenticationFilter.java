package org.yousaid.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.yousaid.shared.ProblemException;
import org.yousaid.shared.ProblemResponses;
import org.yousaid.shared.WriteBudgets;

/**
 * Every API call must carry a Firebase ID token; the verified caller rides on the request. A write
 * beyond the caller's budget is refused here too, before any feature does work for it.
 */
@ServerFilter("/v1/**")
final class AuthenticationFilter {

    static final String CALLER_ATTRIBUTE = "yousaid.caller";
    private static final String BEARER = "Bearer ";

    private final Authenticator authenticator;
    private final WriteBudgets budgets;

    AuthenticationFilter(Authenticator authenticator, WriteBudgets budgets) {
        this.authenticator = authenticator;
        this.budgets = budgets;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> authenticate(MutableHttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.length() == BEARER.length()) {
            return ProblemResponses.of(AuthProblem.TOKEN_MISSING,
                            "Send 'Authorization: Bearer <Firebase ID token>'.")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        try {
            Caller caller = authenticator.authenticate(header.substring(BEARER.length()).trim());
            request.setAttribute(CALLER_ATTRIBUTE, caller);
            return budgets.refusal(request, caller.uid());
        } catch (ProblemException e) {
            return ProblemResponses.of(e).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
    }
}
