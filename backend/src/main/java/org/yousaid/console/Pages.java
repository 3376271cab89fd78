package org.yousaid.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yousaid.identity.Caller;
import org.yousaid.identity.StaffSessions;
import org.yousaid.shared.ProblemException;

/** What every console page does: who is signed in, the page with its form token, refusals as pages. */
final class Pages {

    private Pages() {
    }

    /** The signed-in person as the features' services take them, if the session is good. */
    static Optional<Caller> signedIn(StaffSessions sessions, HttpRequest<?> request) {
        return ConsoleCookies.session(request).flatMap(cookie -> sessions.check(cookie) instanceof StaffSessions.Valid valid
                ? Optional.of(sessions.callerFor(valid, cookie)) : Optional.empty());
    }

    /**
     * A page for a signed-in person: without a good session, to sign-in; a refusal of the service
     * the page calls (wrong role, another area, no such area) is shown as a page with its words.
     */
    static MutableHttpResponse<?> forSignedIn(StaffSessions sessions, HttpRequest<?> request, String refusedHeading,
                                              Function<Caller, MutableHttpResponse<?>> page) {
        Optional<Caller> caller = signedIn(sessions, request);
        if (caller.isEmpty()) {
            return seeOther("/console/sign-in");
        }
        try {
            return page.apply(caller.get());
        } catch (ProblemException e) {
            return refused(request, e.problem().status(), refusedHeading, e.getMessage());
        }
    }

    static MutableHttpResponse<?> page(HttpStatus status, String view, HttpRequest<?> request, Map<String, Object> model) {
        Map<String, Object> withToken = new HashMap<>(model);
        withToken.put("csrf", ConsoleEdge.formTokenOf(request));
        return HttpResponse.status(status).body(new ModelAndView<>(view, withToken));
    }

    static MutableHttpResponse<?> refused(HttpRequest<?> request, HttpStatus status, String heading, String detail) {
        return page(status, "console/refused", request, Map.of("heading", heading, "detail", detail));
    }

    static MutableHttpResponse<?> seeOther(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }
}
