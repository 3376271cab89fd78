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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yousaid.area.AreaAccess;
import org.yousaid.area.AreaSettingsService;
import org.yousaid.content.ContentType;
import org.yousaid.identity.Caller;
import org.yousaid.identity.StaffSessions;
import org.yousaid.moderation.ModerationProblem;
import org.yousaid.moderation.ReviewItem;
import org.yousaid.moderation.SafeguardingCaseView;
import org.yousaid.moderation.SafeguardingService;
import org.yousaid.shared.ProblemException;

/**
 * One safeguarding case: the family's words, how critical it looks, why tagging raised it and what
 * has been done so far; a forum lead escalates it to the area's safeguarding contact or marks it
 * handled, saying what they did. The same {@link SafeguardingService} and rules as the API's.
 */
@Controller("/console/areas/{areaId}/safeguarding/{contentType}/{contentId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class SafeguardingCasePages {

    private static final String REFUSED = "You cannot see this case";

    /** One step of the case's history. */
    record Step(String when, String what, @Nullable String note) {
    }

    record Reason(String reason, String evidence) {
    }

    private final StaffSessions sessions;
    private final SafeguardingService safeguarding;
    private final AreaAccess access;
    private final AreaSettingsService settings;

    SafeguardingCasePages(StaffSessions sessions, SafeguardingService safeguarding, AreaAccess access, AreaSettingsService settings) {
        this.sessions = sessions;
        this.settings = settings;
        this.safeguarding = safeguarding;
        this.access = access;
    }

    @Get
    MutableHttpResponse<?> show(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String contentType,
                                @PathVariable String contentId, @Nullable @QueryValue String done) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> {
            SafeguardingCaseView c = safeguarding.caseView(caller, areaId, type(contentType), id(contentType, contentId));
            String said = "escalated".equals(done) ? "Escalated to " + c.escalatedTo() + "." : null;
            return page(HttpStatus.OK, request, caller, areaId, c, List.of(), Map.of(), said);
        });
    }

    @Post("/escalate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> escalate(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String contentType,
                                    @PathVariable String contentId, @Nullable String csrf, @Nullable String note) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            UUID id = id(contentType, contentId);
            SafeguardingCaseView c = safeguarding.caseView(caller, areaId, type(contentType), id);
            try {
                safeguarding.escalate(caller, areaId, type(contentType), id, note);
                return Pages.seeOther(path(areaId, c) + "?done=escalated");
            } catch (ProblemException e) {
                return refusedAction(request, caller, areaId, contentType, id, e, "escalateNote", note);
            }
        });
    }

    @Post("/handle")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> handle(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String contentType,
                                  @PathVariable String contentId, @Nullable String csrf, @Nullable String note) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            UUID id = id(contentType, contentId);
            safeguarding.caseView(caller, areaId, type(contentType), id);
            try {
                safeguarding.handle(caller, areaId, type(contentType), id, note);
                return Pages.seeOther("/console/areas/" + areaId + "/safeguarding?done=handled");
            } catch (ProblemException e) {
                return refusedAction(request, caller, areaId, contentType, id, e, "handleNote", note);
            }
        });
    }

    private MutableHttpResponse<?> refusedAction(HttpRequest<?> request, Caller caller, String areaId, String contentType, UUID id,
                                                 ProblemException e, String field, @Nullable String note) {
        if (!(e.problem() instanceof ModerationProblem problem)) {
            throw e;
        }
        SafeguardingCaseView now = safeguarding.caseView(caller, areaId, type(contentType), id);
        String message = problem == ModerationProblem.NOTE_INVALID
                ? "Say what you did in 1 to 2000 characters" : e.getMessage();
        return page(problem.status(), request, caller, areaId, now, List.of(new Pages.FieldError(field, message)),
                Map.of(field, note == null ? "" : note), null);
    }

    private MutableHttpResponse<?> page(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId,
                                        SafeguardingCaseView c, List<Pages.FieldError> errors, Map<String, String> notes,
                                        @Nullable String done) {
        Map<String, Object> model = new HashMap<>();
        ReviewItem content = c.content();
        model.put("title", (errors.isEmpty() ? "" : "Error: ") + "Safeguarding case");
        model.put("case", c);
        model.put("path", path(areaId, c));
        model.put("source", c.contentType() == ContentType.COMMENT ? "Wall comment" : "Survey answer");
        model.put("words", content == null || content.body() == null ? null : content.body());
        model.put("criticality", c.criticality() + " of 5");
        model.put("statusLabel", switch (c.status()) {
            case "new" -> "New: nobody has acted yet";
            case "escalated" -> "Escalated";
            default -> "Handled";
        });
        model.put("open", !"handled".equals(c.status()));
        model.put("isNew", "new".equals(c.status()));
        model.put("reasons", content == null || content.analysis() == null || content.analysis().tags() == null ? List.of()
                : content.analysis().tags().safeguarding().reasons().stream()
                        .map(r -> new Reason(r.reason().replace('_', ' '), r.evidence())).toList());
        model.put("history", history(c, caller.uid()));
        model.put("reviewable", content != null && content.body() != null && "pending_review".equals(content.status()));
        model.put("itemPath", "/console/areas/" + areaId + "/queue/" + c.contentType() + "/" + c.contentId());
        model.put("errors", errors);
        Map<String, String> fieldErrors = new HashMap<>();
        errors.forEach(e -> fieldErrors.put(e.field(), e.message()));
        model.put("fieldErrors", fieldErrors);
        model.put("escalateNote", notes.getOrDefault("escalateNote", ""));
        model.put("handleNote", notes.getOrDefault("handleNote", ""));
        model.put("done", done);
        // Said before escalating, so the forum lead knows who will get it (or that nobody is named yet).
        model.put("contact", settings.safeguardingContact(areaId).map(k -> k.name() + " (" + k.role() + ")").orElse(null));
        return Pages.areaPage(status, "console/safeguarding-case", request, access, caller, areaId, model);
    }

    private static List<Step> history(SafeguardingCaseView c, String uid) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(when(c.flaggedAt()), "Flagged by tagging", null));
        if (c.escalatedAt() != null) {
            steps.add(new Step(when(c.escalatedAt()), "Escalated to " + c.escalatedTo() + " by " + who(c.escalatedBy(), uid),
                    c.escalationNote()));
        }
        if (c.handledAt() != null) {
            steps.add(new Step(when(c.handledAt()), "Marked handled by " + who(c.handledBy(), uid), c.handlingNote()));
        }
        return steps;
    }

    private static String when(Instant at) {
        return ReviewQueuePages.WHEN.format(at);
    }

    /** Staff are known by their sign-in id only; the reader is told when it was them. */
    private static String who(@Nullable String by, String uid) {
        return uid.equals(by) ? "you" : "another forum lead";
    }

    private static String path(String areaId, SafeguardingCaseView c) {
        return "/console/areas/" + areaId + "/safeguarding/" + c.contentType() + "/" + c.contentId();
    }

    private static ContentType type(String contentType) {
        return ContentType.fromValue(contentType).orElseThrow(() ->
                new ProblemException(ModerationProblem.CASE_NOT_FOUND, "There is no such safeguarding case in this area."));
    }

    private static UUID id(String contentType, String contentId) {
        try {
            if (ContentType.fromValue(contentType).isPresent()) {
                return UUID.fromString(contentId);
            }
        } catch (IllegalArgumentException e) {
            // not an id: no such case, as below
        }
        throw new ProblemException(ModerationProblem.CASE_NOT_FOUND, "There is no such safeguarding case in this area.");
    }
}
