package org.yousaid.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
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

    /**
     * A form post from a signed-in person: the form token must match first (else nothing is done and
     * the form is said to have expired), then as {@link #forSignedIn}.
     */
    static MutableHttpResponse<?> forPost(StaffSessions sessions, HttpRequest<?> request, @io.micronaut.core.annotation.Nullable String csrf,
                                          String refusedHeading, Function<Caller, MutableHttpResponse<?>> action) {
        if (!ConsoleCookies.formTokenMatches(request, csrf)) {
            return formExpired(request);
        }
        return forSignedIn(sessions, request, refusedHeading, action);
    }

    static MutableHttpResponse<?> formExpired(HttpRequest<?> request) {
        return refused(request, HttpStatus.FORBIDDEN, "This form has expired",
                "Nothing was changed. Go back, reload the page and send the form again.");
    }

    /** A field a form sent that cannot be taken as it is; the error summary links to {@code field}'s id. */
    record FieldError(String field, String message) {
    }

    /**
     * A page of one area's work: adds the area's name and the navigation for the person's role there,
     * with the page being shown marked, and for a forum lead the region new safeguarding cases are shown in.
     */
    static MutableHttpResponse<?> areaPage(HttpStatus status, String view, HttpRequest<?> request, AreaAccess access,
                                           Caller caller, String areaId, Map<String, Object> model) {
        Map<String, Object> withArea = new HashMap<>(model);
        withArea.put("areaId", areaId);
        withArea.putIfAbsent("areaName", access.name(areaId));
        Role role = access.roleOf(areaId, caller.uid()).orElse(null);
        withArea.put("nav", role == null ? List.of() : ConsoleNav.links(role, areaId, request.getPath()));
        // A forum lead's pages listen for new safeguarding cases (AlertsStream); nobody else's do.
        withArea.put("alerts", role == Role.FORUM_LEAD);
        withArea.putIfAbsent("errors", List.of());
        return page(status, view, request, withArea);
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
