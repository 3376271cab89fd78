package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yousaid.area.AreaAccess;
import org.yousaid.audit.AuditEntry;
import org.yousaid.audit.AuditService;
import org.yousaid.identity.StaffSessions;
import org.yousaid.shared.Page;

/**
 * The area's audit log for its admin: who did what, to what, when, and what changed, newest first,
 * narrowed to one action or a prefix as the API's {@code GET …/audit?action=} is. The same service
 * and rules: area admins only. The detail holds states and counts, never a family's words.
 */
@Controller("/console/areas/{areaId}/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class AuditPages {

    static final int PAGE = 50;
    static final String REFUSED = "You cannot see this area's audit log";

    /** The API's rule for the action filter: one action, or the start of one ending in a dot. */
    static final Pattern ACTION = Pattern.compile("[a-z_]{1,40}(\\.[a-z_]{0,40})?");

    /** One entry as the admin reads it. */
    record Row(String at, String who, String action, String words, String about, List<String> detail) {
    }

    private final StaffSessions sessions;
    private final AuditService audit;
    private final AreaAccess access;

    AuditPages(StaffSessions sessions, AuditService audit, AreaAccess access) {
        this.sessions = sessions;
        this.audit = audit;
        this.access = access;
    }

    @Get
    MutableHttpResponse<?> log(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String action,
                               @Nullable @QueryValue String cursor) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> {
            String filter = action == null || action.isBlank() ? null : action.strip();
            boolean valid = filter == null || ACTION.matcher(filter).matches();
            // A filter that is not valid still asks the service, so who may not read the log is refused first.
            Page<AuditEntry> page = audit.page(caller, areaId, valid ? filter : null, valid ? cursor : null, PAGE);
            Map<String, Object> model = new HashMap<>();
            model.put("action", filter == null ? "" : filter);
            model.put("rows", valid ? page.items().stream().map(AuditPages::row).toList() : List.of());
            model.put("valid", valid);
            model.put("first", cursor == null);
            String base = "/console/areas/" + areaId + "/audit" + (filter == null || !valid ? "" : "?action=" + encode(filter));
            model.put("newest", base);
            model.put("older", !valid || page.nextCursor() == null ? null
                    : base + (base.contains("?") ? "&" : "?") + "cursor=" + encode(page.nextCursor()));
            List<Pages.FieldError> errors = valid ? List.of() : List.of(new Pages.FieldError("action",
                    "Enter an action such as membership.grant, or the start of one such as moderation. (small letters, underscores and one dot)"));
            model.put("errors", errors);
            model.put("actionError", MembersPages.message(errors, "action"));
            return Pages.areaPage(valid ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "console/audit", request, access, caller, areaId, model);
        });
    }

    private static Row row(AuditEntry e) {
        String about = e.contentType() == null ? "" : e.contentType().replace('_', ' ')
                + (e.contentId() == null ? "" : " " + e.contentId());
        List<String> detail = e.detail() == null ? List.of() : e.detail().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(d -> d.getKey() + ": " + d.getValue()).toList();
        return new Row(ReviewQueuePages.WHEN.format(e.at()), e.actorUid(), e.action(), WORDS.getOrDefault(e.action(), ""), about, detail);
    }

    /** What each action is, in the words of the people who read the log; the code stays beside it for searching. */
    static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("area.settings", "Changed the area's settings"),
            Map.entry("membership.grant", "Gave someone a role"),
            Map.entry("moderation.publish", "Published a family's words"),
            Map.entry("moderation.reject", "Rejected a family's words"),
            Map.entry("moderation.read", "Read a survey answer, not for quoting"),
            Map.entry("moderation.request_changes", "Asked a family to change their words"),
            Map.entry("moderation.correct_themes", "Corrected the themes of a family's words"),
            Map.entry("moderation.retag", "Asked tagging to read words again"),
            Map.entry("safeguarding.escalate", "Escalated a safeguarding case"),
            Map.entry("safeguarding.handle", "Marked a safeguarding case handled"),
            Map.entry("safeguarding.criticality", "Changed how critical a safeguarding case is"),
            Map.entry("survey.create", "Started a survey"),
            Map.entry("survey.draft", "Edited a survey's draft"),
            Map.entry("survey.publish", "Published a survey"),
            Map.entry("survey.retire", "Retired a survey"),
            Map.entry("survey.invite", "Invited families to a survey"),
            Map.entry("survey.ehc_plan_issued", "Recorded an EHC plan issued"),
            Map.entry("response.draft", "Drafted a response"),
            Map.entry("response.edit", "Edited a response"),
            Map.entry("response.submitted", "Sent a response for the forum's sign-off"),
            Map.entry("response.signed_off", "Signed off a response"),
            Map.entry("response.sent_back", "Sent a response back"),
            Map.entry("response.publish", "Published a response"),
            Map.entry("response.told", "Told families about a response"),
            Map.entry("response.add_action", "Added an action to a response"),
            Map.entry("response.action_progress", "Moved an action on"),
            Map.entry("outcome.create", "Added an outcome"),
            Map.entry("outcome.add_indicator", "Added an indicator"),
            Map.entry("taxonomy.add", "Added a theme"),
            Map.entry("taxonomy.describe", "Renamed or described a theme"),
            Map.entry("taxonomy.merge", "Merged themes"),
            Map.entry("taxonomy.split", "Split a theme"),
            Map.entry("taxonomy.retire", "Retired a theme"),
            Map.entry("taxonomy.start", "Started the area's themes"),
            Map.entry("tagging.retag", "Asked tagging to read the area's words again"),
            Map.entry("tagging.retrain_requested", "Asked for the theme model to be retrained"));

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
