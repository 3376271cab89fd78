package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Role;
import org.yousaid.identity.StaffSessions;

/**
 * Signing in and out of the console, and its first page: the areas the person works in. The
 * browser signs in with Firebase and posts the ID token once; from then on an HttpOnly session
 * cookie, checked for revocation on every page, stands for it. Family and young-person accounts
 * are refused: they use the app.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class ConsoleController {

    /** The dev environment's demo people, the ones the README's walks use. */
    record DemoPerson(String uid, String label) {
    }

    static final List<DemoPerson> DEMO_PEOPLE = List.of(
            new DemoPerson("demo-forum-lead", "the forum lead"),
            new DemoPerson("demo-commissioner", "the commissioner"),
            new DemoPerson("demo-area-admin", "the area admin"),
            new DemoPerson("demo-family-1", "a parent (to see the console refuse a family)"));

    /** One row of the home page. */
    record Place(String areaId, String areaName, String role, String href, List<ConsoleNav.Link> work) {
    }

    private final StaffSessions sessions;
    private final AreaAccess access;
    private final FirebaseWebSignIn firebase;

    ConsoleController(StaffSessions sessions, AreaAccess access, FirebaseWebSignIn firebase) {
        this.sessions = sessions;
        this.access = access;
        this.firebase = firebase;
    }

    @Get
    MutableHttpResponse<?> home(HttpRequest<?> request) {
        Optional<String> cookie = ConsoleCookies.session(request);
        if (cookie.isEmpty()) {
            return Pages.seeOther("/console/sign-in");
        }
        return switch (sessions.check(cookie.get())) {
            case StaffSessions.Refused refused -> signIn(request, HttpStatus.UNAUTHORIZED, refused.detail())
                    .cookie(ConsoleCookies.sessionEnded(request));
            case StaffSessions.Valid valid -> {
                List<Place> places = places(valid.uid());
                yield places.isEmpty() ? notStaff(request)
                        : Pages.page(HttpStatus.OK, "console/home", request, Map.of("uid", valid.uid(), "places", places));
            }
        };
    }

    /** An area's own page: the work the person's role does there, each page with what it is for. */
    @Get("/areas/{areaId}")
    MutableHttpResponse<?> area(HttpRequest<?> request, @PathVariable String areaId) {
        return Pages.forSignedIn(sessions, request, "You cannot work in this area", caller -> {
            access.require(caller, areaId, Role.FORUM_LEAD, Role.COMMISSIONER, Role.AREA_ADMIN);
            return Pages.areaPage(HttpStatus.OK, "console/area", request, access, caller, areaId, Map.of());
        });
    }

    @Get("/sign-in")
    MutableHttpResponse<?> signInPage(HttpRequest<?> request) {
        return signIn(request, HttpStatus.OK, null);
    }

    @Post("/session")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> session(HttpRequest<?> request, @Nullable String csrf, @Nullable String idToken) {
        if (!ConsoleCookies.formTokenMatches(request, csrf)) {
            return Pages.formExpired(request);
        }
        return started(request, sessions.start(idToken == null ? "" : idToken, ConsoleCookies.SESSION_LENGTH));
    }

    @Post("/sign-in/dev")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> devSignIn(HttpRequest<?> request, @Nullable String csrf, @Nullable String uid) {
        if (!ConsoleCookies.formTokenMatches(request, csrf)) {
            return Pages.formExpired(request);
        }
        return started(request, sessions.startDev(uid));
    }

    @Post("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Nullable String csrf) {
        if (!ConsoleCookies.formTokenMatches(request, csrf)) {
            return Pages.formExpired(request);
        }
        Optional<String> cookie = ConsoleCookies.session(request);
        if (cookie.isPresent() && sessions.check(cookie.get()) instanceof StaffSessions.Valid valid) {
            sessions.end(valid.uid(), cookie.get());
        }
        return Pages.seeOther("/console/sign-in").cookie(ConsoleCookies.sessionEnded(request));
    }

    private MutableHttpResponse<?> started(HttpRequest<?> request, StaffSessions.Start start) {
        return switch (start) {
            case StaffSessions.Refused refused -> signIn(request, HttpStatus.UNAUTHORIZED, refused.detail());
            case StaffSessions.Started started -> places(started.uid()).isEmpty()
                    ? notStaff(request)
                    : Pages.seeOther("/console").cookie(ConsoleCookies.session(request, started.cookie()));
        };
    }

    private List<Place> places(String uid) {
        return access.staffPlaces(uid).stream()
                .map(p -> new Place(p.areaId(), p.areaName(), p.role().value().replace('_', ' '),
                        "/console/areas/" + p.areaId(), ConsoleNav.links(p.role(), p.areaId(), "")))
                .toList();
    }

    private MutableHttpResponse<?> signIn(HttpRequest<?> request, HttpStatus status, String problem) {
        Map<String, Object> model = new HashMap<>();
        model.put("problem", problem);
        model.put("devSignIn", sessions.devSignIn());
        model.put("firebase", firebase.form());
        model.put("demoPeople", DEMO_PEOPLE);
        return Pages.page(status, "console/sign-in", request, model);
    }

    private MutableHttpResponse<?> notStaff(HttpRequest<?> request) {
        return Pages.refused(request, HttpStatus.FORBIDDEN, "The console is for staff",
                "This account is not a forum lead, commissioner or area admin of any area. Families and young "
                        + "people use the YouSaid app.").cookie(ConsoleCookies.sessionEnded(request));
    }

}
