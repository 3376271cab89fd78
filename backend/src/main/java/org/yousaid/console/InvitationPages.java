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
import java.time.format.DateTimeFormatter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.identity.StaffSessions;
import org.yousaid.shared.Page;
import org.yousaid.shared.ProblemException;
import org.yousaid.survey.InvitationService;
import org.yousaid.survey.InvitationViews.Count;
import org.yousaid.survey.InvitationViews.EhcPlanIssuedRequest;
import org.yousaid.survey.InvitationViews.InvitationSummary;
import org.yousaid.survey.InvitationViews.InvitationView;
import org.yousaid.survey.InvitationViews.InviteRequest;
import org.yousaid.survey.SurveyService;
import org.yousaid.survey.SurveyViews.SurveySummary;

/**
 * The commissioner's invitations: how the invitations to each survey are going (the API's counts,
 * small ones withheld), every family of the area invited to a published survey, an EHC plan issued
 * recorded as the council's case system would post it, and a survey's invitations one by one with
 * why each was sent (the EHC plan event log). The same service and rules as the API: who had a plan
 * issued is a family's case event, so the pages are for the commissioner, as ConsoleNav offers them.
 */
@Controller("/console/areas/{areaId}/invitations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class InvitationPages {

    static final String REFUSED = "You cannot see this area's invitations";
    private static final int PAGE = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private static final Map<String, String> DONE = Map.of(
            "invited", "Every family and young person of the area who had no invitation to the survey was invited.",
            "recorded", "The EHC plan was recorded: the family was invited to the area's EHC plan survey.",
            "again", "That event was already recorded. Nothing new was sent.");

    /** A survey's invitations in counts; a withheld count says so. */
    record SurveyRow(String title, String status, String href, String invited, String waiting, String opened,
                     String answered, String expired) {
    }

    /** A survey the invite form offers. */
    record Choice(String id, String title, boolean chosen) {
    }

    /** One invitation as the API shows it to commissioners. */
    record InvitationRow(String sent, String invitee, String origin, String state, String tag, String opened,
                         String answered, String expires) {
    }

    private final StaffSessions sessions;
    private final InvitationService invitations;
    private final SurveyService surveys;
    private final AreaAccess access;

    InvitationPages(StaffSessions sessions, InvitationService invitations, SurveyService surveys, AreaAccess access) {
        this.sessions = sessions;
        this.invitations = invitations;
        this.surveys = surveys;
        this.access = access;
    }

    @Get
    MutableHttpResponse<?> overview(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String done) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            return overviewPage(HttpStatus.OK, request, caller, areaId, done == null ? null : DONE.get(done), List.of(), Map.of());
        });
    }

    @Post("/invite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> invite(HttpRequest<?> request, @PathVariable String areaId, @Nullable String csrf,
                                  @Nullable String surveyId, @Nullable String expiresInDays) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            Map<String, String> values = values("surveyId", surveyId, "expiresInDays", expiresInDays);
            UUID survey = uuid(surveyId);
            Integer days = number(expiresInDays);
            List<Pages.FieldError> errors = new ArrayList<>();
            if (survey == null) {
                errors.add(new Pages.FieldError("surveyId", "Choose the survey to invite families to"));
            }
            if (days == null && expiresInDays != null && !expiresInDays.isBlank()) {
                errors.add(new Pages.FieldError("expiresInDays", "Enter how many days the invitation lasts as a number, like 28"));
            }
            if (!errors.isEmpty()) {
                return overviewPage(HttpStatus.BAD_REQUEST, request, caller, areaId, null, errors, values);
            }
            try {
                invitations.invite(caller, areaId, survey, new InviteRequest(true, null, days));
            } catch (ProblemException e) {
                if (e.problem().status().getCode() / 100 != 4) {
                    throw e;
                }
                String field = e.errors() != null && e.errors().containsKey("expiresInDays") ? "expiresInDays" : "surveyId";
                String message = "expiresInDays".equals(field) ? "Enter how many days the invitation lasts, from 1 to 365" : e.getMessage();
                return overviewPage(e.problem().status(), request, caller, areaId, null, List.of(new Pages.FieldError(field, message)),
                        values);
            }
            return Pages.seeOther(path(areaId) + "?done=invited");
        });
    }

    @Post("/ehc-plan-issued")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> ehcPlanIssued(HttpRequest<?> request, @PathVariable String areaId, @Nullable String csrf,
                                         @Nullable String eventId, @Nullable String familyUid, @Nullable String issuedDay,
                                         @Nullable String issuedMonth, @Nullable String issuedYear) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            Map<String, String> values = values("eventId", eventId, "familyUid", familyUid, "issuedDay", issuedDay,
                    "issuedMonth", issuedMonth, "issuedYear", issuedYear);
            InvitationService.EventRecorded outcome;
            try {
                outcome = invitations.ehcPlanIssued(caller, areaId,
                        new EhcPlanIssuedRequest(eventId, familyUid, isoDate(issuedDay, issuedMonth, issuedYear)));
            } catch (ProblemException e) {
                if (e.problem().status().getCode() / 100 != 4) {
                    throw e;
                }
                return overviewPage(e.problem().status(), request, caller, areaId, null, eventErrors(e), values);
            }
            return Pages.seeOther(path(areaId) + (outcome.replayed() ? "?done=again" : "?done=recorded"));
        });
    }

    /** A survey's invitations one by one, oldest first, with why each was sent. */
    @Get("/{surveyId}")
    MutableHttpResponse<?> survey(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String surveyId,
                                  @Nullable @QueryValue String cursor) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            UUID id = uuid(surveyId);
            SurveySummary survey = id == null ? null : SurveyPages.all(surveys, caller, areaId).stream()
                    .filter(s -> s.id().equals(id)).findFirst().orElse(null);
            if (survey == null) {
                return SurveyPages.notFound(request);
            }
            Page<InvitationView> page;
            try {
                page = invitations.forSurvey(caller, areaId, id, cursor, PAGE);
            } catch (ProblemException e) {
                if (cursor == null || e.problem().status().getCode() / 100 != 4) {
                    throw e;
                }
                // A cursor from another listing or an old page: start again from the first page.
                return Pages.seeOther(path(areaId) + "/" + surveyId);
            }
            Map<String, Object> model = new HashMap<>();
            model.put("pageTitle", "Invitations: " + survey.title());
            model.put("title", survey.title());
            model.put("rows", page.items().stream().map(InvitationPages::row).toList());
            model.put("first", cursor == null);
            model.put("firstHref", path(areaId) + "/" + surveyId);
            model.put("nextHref", page.nextCursor() == null ? "" : path(areaId) + "/" + surveyId + "?cursor="
                    + java.net.URLEncoder.encode(page.nextCursor(), java.nio.charset.StandardCharsets.UTF_8));
            model.put("summary", summaryRow(caller, areaId, survey));
            return Pages.areaPage(HttpStatus.OK, "console/invitation-log", request, access, caller, areaId, model);
        });
    }

    private MutableHttpResponse<?> overviewPage(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId,
                                                @Nullable String done, List<Pages.FieldError> errors, Map<String, String> values) {
        List<SurveySummary> all = SurveyPages.all(surveys, caller, areaId);
        List<SurveyRow> rows = all.stream().filter(s -> s.publishedVersion() != null || s.draftVersion() == null)
                .map(s -> summaryRow(caller, areaId, s)).toList();
        String chosen = values.getOrDefault("surveyId", "");
        List<Choice> published = all.stream().filter(s -> s.publishedVersion() != null)
                .map(s -> new Choice(s.id().toString(), s.title(), s.id().toString().equals(chosen))).toList();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        errors.forEach(e -> fieldErrors.merge(e.field(), e.message(), (a, b) -> a + ". " + b));
        Map<String, Object> model = new HashMap<>();
        model.put("pageTitle", errors.isEmpty() ? "Invitations" : "Error: Invitations");
        model.put("rows", rows);
        model.put("published", published);
        model.put("hasPublished", !published.isEmpty());
        model.put("errors", errors);
        model.put("fieldErrors", fieldErrors);
        model.put("values", values(values));
        model.put("defaultDays", InvitationService.DEFAULT_DAYS);
        if (done != null) {
            model.put("done", done);
        }
        return Pages.areaPage(status, "console/invitations", request, access, caller, areaId, model);
    }

    private SurveyRow summaryRow(Caller caller, String areaId, SurveySummary s) {
        InvitationSummary counts = invitations.summary(caller, areaId, s.id());
        return new SurveyRow(s.title(), s.publishedVersion() != null ? "Published" : "Retired", path(areaId) + "/" + s.id(),
                count(counts.invited()), count(counts.waiting()), count(counts.opened()), count(counts.answered()),
                count(counts.expired()));
    }

    private static String count(Count count) {
        return count.suppressed() || count.value() == null ? ResultsChart.WITHHELD : Long.toString(count.value());
    }

    private static InvitationRow row(InvitationView i) {
        String origin = "ehc_plan_issued".equals(i.origin()) ? "EHC plan issued" : "Invited with others";
        String[] state = switch (i.state()) {
            case "answered" -> new String[] {"Answered", "govuk-tag govuk-tag--green"};
            case "opened" -> new String[] {"Opened", "govuk-tag govuk-tag--blue"};
            case "expired" -> new String[] {"Expired", "govuk-tag govuk-tag--grey"};
            default -> new String[] {"Sent", "govuk-tag govuk-tag--yellow"};
        };
        return new InvitationRow(ReviewQueuePages.WHEN.format(i.createdAt()), i.inviteeUid(), origin, state[0], state[1],
                when(i.openedAt()), when(i.answeredAt()), DAY.format(i.expiresAt()));
    }

    private static String when(@Nullable Instant at) {
        return at == null ? "Not yet" : ReviewQueuePages.WHEN.format(at);
    }

    /** The service names the request's fields; the form's date is three inputs, the first taking the link. */
    private static List<Pages.FieldError> eventErrors(ProblemException e) {
        if (e.errors() == null || e.errors().isEmpty()) {
            return List.of(new Pages.FieldError("eventId", e.getMessage()));
        }
        List<Pages.FieldError> errors = new ArrayList<>();
        e.errors().forEach((field, message) -> {
            switch (field) {
                case "eventId" -> errors.add(new Pages.FieldError("eventId", "Event reference: " + message));
                case "familyUid" -> errors.add(new Pages.FieldError("familyUid", "Family's account id: " + message));
                case "issuedOn" -> errors.add(new Pages.FieldError("issuedDay", "Date the plan was issued: " + message));
                default -> errors.add(new Pages.FieldError("eventId", message));
            }
        });
        return errors;
    }

    /** The date as the API takes it; anything not a date is passed on for the service to refuse. */
    private static @Nullable String isoDate(@Nullable String day, @Nullable String month, @Nullable String year) {
        Integer d = number(day);
        Integer m = number(month);
        Integer y = number(year);
        if (d == null || m == null || y == null || y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) {
            return day == null && month == null && year == null ? null : "invalid";
        }
        return String.format(Locale.ROOT, "%04d-%02d-%02d", y, m, d);
    }

    private static @Nullable Integer number(@Nullable String text) {
        if (text == null || !text.strip().matches("[0-9]{1,4}")) {
            return null;
        }
        return Integer.parseInt(text.strip());
    }

    private static @Nullable UUID uuid(@Nullable String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return values;
    }

    /** The form's values with every field present, so the template reads them without "or else". */
    private static Map<String, String> values(Map<String, String> given) {
        Map<String, String> all = new HashMap<>();
        for (String field : List.of("surveyId", "expiresInDays", "eventId", "familyUid", "issuedDay", "issuedMonth", "issuedYear")) {
            all.put(field, given.getOrDefault(field, ""));
        }
        return all;
    }

    static String path(String areaId) {
        return "/console/areas/" + areaId + "/invitations";
    }
}
