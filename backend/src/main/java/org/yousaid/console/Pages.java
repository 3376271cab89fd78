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
import org.yousaid.identity.Caller;
import org.yousaid.identity.StaffSessions;

/** What every console page does: who is signed in, the page with its form token, refusals as pages. */
final class Pages {

    private Pages() {
    }

    /** The signed-in person as the features' services take them, if the session is good. */
    static Optional<Caller> signedIn(StaffSessions sessions, HttpRequest<?> request) {
        return ConsoleCookies.session(request).flatMap(cookie -> sessions.check(cookie) instanceof StaffSessions.Valid valid
                ? Optional.of(sessions.callerFor(valid, cookie)) : Optional.empty());
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
