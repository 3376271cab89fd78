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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.area.AreaAccess;
import org.yousaid.area.AreaProblem;
import org.yousaid.area.MembershipService;
import org.yousaid.area.MembershipView;
import org.yousaid.identity.Caller;
import org.yousaid.identity.StaffSessions;
import org.yousaid.shared.ProblemException;
import org.yousaid.shared.RequestProblem;

/**
 * The area admin's list of the area's staff and the form that grants or changes a role. The same
 * service and rules as the API's {@code PUT …/members/{uid}}: the area's admins only, an area always
 * keeps an admin, and keeps a forum lead while a case only a forum lead can close is open.
 */
@Controller("/console/areas/{areaId}/members")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class MembersPages {

    static final String REFUSED = "You cannot manage this area's members";

    /** A role an admin can give, with how the console names it. */
    record RoleChoice(String value, String label, String hint, boolean checked) {
    }

    /** One staff member as the admin reads the list. */
    record Row(String uid, String role, String since, String changeHref) {
    }

    private static final Map<String, String> LABELS = Map.of(
            "forum_lead", "Forum lead",
            "commissioner", "Commissioner",
            "area_admin", "Area admin",
            "family", "Family member: no staff access");

    private static final Map<String, String> HINTS = Map.of(
            "forum_lead", "Reads families' words before they are public, and handles safeguarding cases",
            "commissioner", "Runs surveys and publishes \u201cyou said, we did\u201d responses",
            "area_admin", "Gives roles, sets the support lines and safeguarding contact, reads the logs",
            "family", "Takes staff access away. People cannot be removed from an area yet; this is how a leaver loses access");

    private static final List<String> ORDER = List.of("forum_lead", "commissioner", "area_admin", "family");

    private final StaffSessions sessions;
    private final MembershipService memberships;
    private final AreaAccess access;

    MembersPages(StaffSessions sessions, MembershipService memberships, AreaAccess access) {
        this.sessions = sessions;
        this.memberships = memberships;
        this.access = access;
    }

    @Get
    MutableHttpResponse<?> list(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String done) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> listPage(HttpStatus.OK, request, caller, areaId,
                "", "", List.of(), "granted".equals(done) ? "The role was saved." : null));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> grant(HttpRequest<?> request, @PathVariable String areaId, @Nullable String csrf,
                                 @Nullable String uid, @Nullable String role) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            String who = uid == null ? "" : uid.strip();
            String what = role == null ? "" : role;
            try {
                memberships.grant(caller, areaId, who, what);
                return Pages.seeOther(listPath(areaId) + "?done=granted");
            } catch (ProblemException e) {
                Pages.FieldError error = fieldError(e, "uid");
                return listPage(e.problem().status(), request, caller, areaId, who, what, List.of(error), null);
            }
        });
    }

    @Get("/{uid}")
    MutableHttpResponse<?> change(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String uid) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> {
            java.util.Optional<MembershipView> member = memberships.staff(caller, areaId).stream()
                    .filter(m -> m.uid().equals(uid)).findFirst();
            if (member.isEmpty()) {
                return Pages.refused(request, HttpStatus.NOT_FOUND, "No such staff member",
                        "Nobody with this user ID holds a staff role in this area.");
            }
            return changePage(HttpStatus.OK, request, caller, areaId, uid, member.get().role(), List.of());
        });
    }

    @Post("/{uid}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> changeRole(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String uid,
                                      @Nullable String csrf, @Nullable String role) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            String what = role == null ? "" : role;
            try {
                memberships.grant(caller, areaId, uid, what);
                return Pages.seeOther(listPath(areaId) + "?done=granted");
            } catch (ProblemException e) {
                return changePage(e.problem().status(), request, caller, areaId, uid, what, List.of(fieldError(e, "role")));
            }
        });
    }

    /**
     * A refusal of what was asked (not of who asked) becomes an error on the form; who may not do this
     * at all is refused as a page, as the service decided.
     */
    private static Pages.FieldError fieldError(ProblemException e, String uidField) {
        if (e.problem() == AreaProblem.LAST_ADMIN) {
            return new Pages.FieldError("role", "This is the area\u2019s last area admin. Make someone else an area admin first,"
                    + " so the area is never left without one");
        }
        if (e.problem() == AreaProblem.LAST_FORUM_LEAD) {
            return new Pages.FieldError("role", "This is the area\u2019s last forum lead, and safeguarding work only a forum lead"
                    + " can close is open. Make someone else a forum lead first");
        }
        if (e.problem() == RequestProblem.INVALID && e.errors().containsKey("role")) {
            return new Pages.FieldError("role", "Select the role to give");
        }
        if (e.problem() == RequestProblem.INVALID_PARAMETER && e.errors().containsKey("uid")) {
            return new Pages.FieldError(uidField, "Enter the person\u2019s user ID, 1 to 128 characters");
        }
        throw e;
    }

    private MutableHttpResponse<?> listPage(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId,
                                            String uid, String role, List<Pages.FieldError> errors, @Nullable String done) {
        List<Row> rows = memberships.staff(caller, areaId).stream().map(m -> new Row(m.uid(), LABELS.getOrDefault(m.role(), m.role()),
                ReviewQueuePages.WHEN.format(m.joinedAt()), listPath(areaId) + "/" + java.net.URLEncoder.encode(m.uid(),
                        java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("uid", uid);
        model.put("choices", choices(role, false));
        model.put("errors", errors);
        model.put("done", done);
        model.put("uidError", message(errors, "uid"));
        model.put("roleError", message(errors, "role"));
        model.put("action", listPath(areaId));
        return Pages.areaPage(status, "console/members", request, access, caller, areaId, model);
    }

    private MutableHttpResponse<?> changePage(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId,
                                              String uid, String role, List<Pages.FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("uid", uid);
        model.put("choices", choices(role, true));
        model.put("errors", errors);
        model.put("roleError", message(errors, "role"));
        model.put("action", listPath(areaId) + "/" + java.net.URLEncoder.encode(uid, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20"));
        model.put("back", listPath(areaId));
        return Pages.areaPage(status, "console/member", request, access, caller, areaId, model);
    }

    private static List<RoleChoice> choices(String chosen, boolean withFamily) {
        return ORDER.stream().filter(r -> withFamily || !"family".equals(r))
                .map(r -> new RoleChoice(r, LABELS.get(r), HINTS.get(r), r.equals(chosen))).toList();
    }

    static @Nullable String message(List<Pages.FieldError> errors, String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(Pages.FieldError::message).findFirst().orElse(null);
    }

    private static String listPath(String areaId) {
        return "/console/areas/" + areaId + "/members";
    }
}
