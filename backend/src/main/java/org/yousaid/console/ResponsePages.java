package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.yousaid.area.AreaAccess;
import org.yousaid.content.ContentType;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.identity.StaffSessions;
import org.yousaid.moderation.ThemeNames;
import org.yousaid.outcome.OutcomeFramework;
import org.yousaid.response.ActionService;
import org.yousaid.response.ReadabilityService;
import org.yousaid.response.ResponseProblem;
import org.yousaid.response.ResponseService;
import org.yousaid.response.ResponseViews;
import org.yousaid.shared.ProblemException;

/**
 * "You said, we did" in the console. Commissioners draft a response, cite families' published words,
 * aim it at the area's outcomes, plan and move its actions, send it to the forum and publish it once
 * signed off; forum leads read what waits for their sign-off and sign it off or send it back. Every
 * step is the API's service call, so the roles, states and citation rules are the API's.
 */
@Controller("/console/areas/{areaId}/responses")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class ResponsePages {

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK);

    static final int PER_STATE = 100;
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    static final List<String> COMMISSIONER_STATES = List.of("draft", "changes_requested", "awaiting_sign_off", "signed_off", "published");
    static final Map<String, String> DONE = Map.of(
            "drafted", "The draft is saved. Cite families' words and add actions below.",
            "saved", "Your changes are saved.",
            "submitted", "The response is with the forum for sign-off.",
            "signed-off", "You signed the response off. The commissioner can now publish it.",
            "sent-back", "You sent the response back to the commissioner with your reason.",
            "published", "The response is published. Everyone it reached will be told.",
            "action-added", "The action is added.",
            "action-moved", "The action's progress is saved. Families it reached are told if it is published.");

    /** A response in a list: its page, where it stands and what it holds. */
    record Row(String href, String title, String themes, String families, int actions, String when) {
    }

    /** The responses in one state. */
    record State(String id, String heading, String tagClass, List<Row> rows) {
    }

    /** A checkbox or radio. */
    record Check(String id, String value, String label, boolean checked) {
    }

    /** An outcome the response may aim at, with its indicators. */
    record Aim(Check outcome, List<Check> indicators) {
    }

    /** An option of a select. */
    record Option(String value, String label, boolean selected) {
    }

    /** A published text the response may cite, with the choice of how. */
    record CiteRow(String id, String source, String text, List<Option> options) {
    }

    /** An action as the page shows it, with the form that moves it on. */
    record ActionRow(String id, String text, String owner, String startsOn, String dueOn, String status, String tagClass,
                     int progress, String reason, List<Option> statuses) {
    }

    private final StaffSessions sessions;
    private final ResponseService responses;
    private final ActionService actions;
    private final ReadabilityService readability;
    private final ThemeNames themeNames;
    private final OutcomeFramework framework;
    private final AreaAccess access;
    private final Clock clock;

    ResponsePages(StaffSessions sessions, ResponseService responses, ActionService actions, ReadabilityService readability,
                  ThemeNames themeNames, OutcomeFramework framework, AreaAccess access, Clock clock) {
        this.sessions = sessions;
        this.responses = responses;
        this.actions = actions;
        this.readability = readability;
        this.themeNames = themeNames;
        this.framework = framework;
        this.access = access;
        this.clock = clock;
    }

    // ---- the list ----

    @Get
    MutableHttpResponse<?> list(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String done) {
        return Pages.forSignedIn(sessions, request, "You cannot see these responses", caller -> {
            boolean lead = isLead(caller, areaId);
            // The forum sees what waits for its sign-off first, then what it signed off and was published.
            List<String> states = lead ? List.of("awaiting_sign_off", "published") : COMMISSIONER_STATES;
            List<State> shown = new ArrayList<>();
            for (String state : states) {
                List<Row> rows = responses.list(caller, areaId, state, null, null, PER_STATE).items().stream()
                        .map(s -> row(areaId, s)).toList();
                shown.add(new State(state, lead && "awaiting_sign_off".equals(state) ? "Waiting for your sign-off" : stateName(state),
                        tagClass(state), rows));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("states", shown);
            model.put("lead", lead);
            model.put("commissioner", is(caller, areaId, Role.COMMISSIONER));
            model.put("done", done == null ? null : DONE.get(done));
            return Pages.areaPage(HttpStatus.OK, "console/responses", request, access, caller, areaId, model);
        });
    }

    // ---- starting a draft ----

    @Get("/new")
    MutableHttpResponse<?> newDraft(HttpRequest<?> request, @PathVariable String areaId) {
        return Pages.forSignedIn(sessions, request, "You cannot draft a response", caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            return draftPage(HttpStatus.OK, request, caller, areaId, ResponseForm.empty(today()), List.of());
        });
    }

    @Post("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, @PathVariable String areaId, @Nullable @Body String body) {
        FormFields fields = FormFields.parse(body);
        return Pages.forPost(sessions, request, fields.one("csrf"), "You cannot draft a response", caller -> {
            // Who may draft is settled before what they typed is checked.
            access.require(caller, areaId, Role.COMMISSIONER);
            ResponseForm form = ResponseForm.posted(fields);
            List<Pages.FieldError> errors = new ArrayList<>();
            ResponseViews.ResponseRequest asked = form.request(errors);
            return attempt(errors, () -> {
                ResponseViews.ResponseView created = responses.create(caller, areaId, asked);
                return Pages.seeOther(base(areaId) + "/" + created.id() + "?done=drafted");
            }, failed -> draftPage(failed.status(), request, caller, areaId, form, failed.errors()));
        });
    }

    @Post("/wording")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> wordingOfNew(HttpRequest<?> request, @PathVariable String areaId, @Nullable @Body String body) {
        return wordingFragment(request, areaId, null, FormFields.parse(body));
    }

    // ---- one response ----

    @Get("/{responseId}")
    MutableHttpResponse<?> show(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String responseId,
                                @Nullable @QueryValue String done) {
        return Pages.forSignedIn(sessions, request, "You cannot see this response", caller -> {
            UUID id = responseId(responseId);
            ResponseViews.ResponseView r = responses.get(caller, areaId, id);
            return responsePage(HttpStatus.OK, request, caller, areaId, r, null, List.of(),
                    done == null ? null : DONE.get(done), Map.of());
        });
    }

    @Post("/{responseId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String responseId,
                                @Nullable @Body String body) {
        FormFields fields = FormFields.parse(body);
        return Pages.forPost(sessions, request, fields.one("csrf"), "You cannot change this response", caller -> {
            UUID id = responseId(responseId);
            access.require(caller, areaId, Role.COMMISSIONER);
            ResponseForm form = ResponseForm.posted(fields);
            List<Pages.FieldError> errors = new ArrayList<>();
            ResponseViews.ResponseRequest asked = form.request(errors);
            return attempt(errors, () -> {
                responses.update(caller, areaId, id, asked);
                return Pages.seeOther(base(areaId) + "/" + id + "?done=saved");
            }, failed -> responsePage(failed.status(), request, caller, areaId, responses.get(caller, areaId, id), form,
                    failed.errors(), null, Map.of()));
        });
    }

    @Post("/{responseId}/wording")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> wording(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String responseId,
                                   @Nullable @Body String body) {
        return wordingFragment(request, areaId, responseId, FormFields.parse(body));
    }

    @Post("/{responseId}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> submit(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String responseId,
                                  @Nullable String csrf, @Nullable String version) {
        return step(request, areaId, responseId, csrf, "You cannot send this response for sign-off", "submitted", "submit",
                (caller, id) -> responses.submit(caller, areaId, id, new ResponseViews.StepRequest(number(version), null)));
    }

    @Post("/{responseId}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> publish(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String responseId,
                                   @Nullable String csrf, @Nullable String version) {
        return step(request, areaId, responseId, csrf, "You cannot publish this response", "published", "publish",
                (caller, id) -> responses.publish(caller, areaId, id, new ResponseViews.StepRequest(number(version), null)));
    }

    @Post("/{responseId}/sign-off")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOff(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String responseId,
                                   @Nullable String csrf, @Nullable String version, @Nullable String comment) {
        return step(request, areaId, responseId, csrf, "You cannot sign off this response", "signed-off", "sign-off-comment",
                (caller, id) -> responses.signOff(caller, areaId, id, new ResponseViews.StepRequest(number(version), comment)));
    }

    @Post("/{responseId}/send-back")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> sendBack(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String responseId,
                                    @Nullable String csrf, @Nullable String version, @Nullable String reason) {
        return step(request, areaId, responseId, csrf, "You cannot send this response back", "sent-back", "reason",
                (caller, id) -> responses.sendBack(caller, areaId, id, new ResponseViews.StepRequest(number(version), reason)),
                Map.of("reason", reason == null ? "" : reason));
    }

    @Post("/{responseId}/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> addAction(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String responseId,
                                     @Nullable String csrf, @Nullable String text, @Nullable String owner,
                                     @Nullable String startsOn, @Nullable String dueOn) {
        Map<String, String> typed = new HashMap<>();
        typed.put("actionText", text == null ? "" : text);
        typed.put("actionOwner", owner == null ? "" : owner);
        typed.put("actionStarts", startsOn == null ? "" : startsOn);
        typed.put("actionDue", dueOn == null ? "" : dueOn);
        return Pages.forPost(sessions, request, csrf, "You cannot add an action to this response", caller -> {
            UUID id = responseId(responseId);
            List<Pages.FieldError> errors = new ArrayList<>();
            LocalDate starts = date(startsOn, "action-starts", "Enter the date the action starts, for example 2026-10-01", errors);
            LocalDate due = date(dueOn, "action-due", "Enter the date the action is due, for example 2027-03-31", errors);
            return attempt(errors, () -> {
                actions.add(caller, areaId, id, new ResponseViews.ActionRequest(text, owner, starts, due));
                return Pages.seeOther(base(areaId) + "/" + id + "?done=action-added#actions");
            }, failed -> responsePage(failed.status(), request, caller, areaId, responses.get(caller, areaId, id), null,
                    failed.errors(), null, typed));
        });
    }

    @Post("/{responseId}/actions/{actionId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> moveAction(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String responseId,
                                      @PathVariable String actionId, @Nullable String csrf, @Nullable String status,
                                      @Nullable String progress, @Nullable String reason, @Nullable String note) {
        return Pages.forPost(sessions, request, csrf, "You cannot change this action", caller -> {
            UUID id = responseId(responseId);
            UUID action = FormFields.uuid(actionId).orElseThrow(() ->
                    new ProblemException(ResponseProblem.ACTION_NOT_FOUND, "The response has no such action."));
            List<Pages.FieldError> errors = new ArrayList<>();
            Integer percent = "done".equals(status) ? Integer.valueOf(100) : "planned".equals(status) && progress == null ? Integer.valueOf(0)
                    : whole(progress, "progress-" + action, errors);
            return attempt(errors, () -> {
                actions.progress(caller, areaId, id, action, new ResponseViews.ActionProgressRequest(status, percent, reason, note));
                return Pages.seeOther(base(areaId) + "/" + id + "?done=action-moved#actions");
            }, failed -> responsePage(failed.status(), request, caller, areaId, responses.get(caller, areaId, id), null,
                    failed.errors(), null, Map.of()), key -> ("version".equals(key) ? "status" : key) + "-" + action);
        });
    }

    // ---- how a post that the service refuses is shown ----

    /** A refusal of the form's content: status and the errors to show beside the fields. */
    record Failed(HttpStatus status, List<Pages.FieldError> errors) {
    }

    /**
     * Runs {@code action} unless the form already has errors; a 400 or 409 from the service (the form's
     * content, the response's state or version) is shown on the form, any other refusal as a page.
     */
    private static MutableHttpResponse<?> attempt(List<Pages.FieldError> errors, Supplier<MutableHttpResponse<?>> action,
                                                  java.util.function.Function<Failed, MutableHttpResponse<?>> shown) {
        return attempt(errors, action, shown, ResponsePages::fieldId);
    }

    /** As above, {@code fields} naming the input each of the service's error keys belongs to. */
    private static MutableHttpResponse<?> attempt(List<Pages.FieldError> errors, Supplier<MutableHttpResponse<?>> action,
                                                  java.util.function.Function<Failed, MutableHttpResponse<?>> shown,
                                                  java.util.function.UnaryOperator<String> fields) {
        if (!errors.isEmpty()) {
            return shown.apply(new Failed(HttpStatus.BAD_REQUEST, errors));
        }
        try {
            return action.get();
        } catch (ProblemException e) {
            HttpStatus status = e.problem().status();
            if (status != HttpStatus.BAD_REQUEST && status != HttpStatus.CONFLICT) {
                throw e;
            }
            String field = fields.apply(e.errors().keySet().stream().findFirst().orElse("version"));
            return shown.apply(new Failed(status, List.of(new Pages.FieldError(field, e.getMessage()))));
        }
    }

    /**
     * The id of the input a service's error key belongs to. The response's state and version are no
     * input: a refusal for them points at where the page says where the response stands.
     */
    private static String fieldId(String key) {
        return switch (key) {
            case "comments", "answers", "groups", "comment", "survey_answer" -> "cite-0";
            case "text" -> "action-text";
            case "owner" -> "action-owner";
            case "dueOn", "startsOn" -> "action-due";
            case "status", "version" -> "status";
            default -> key;
        };
    }

    private interface Step {
        ResponseViews.ResponseView take(Caller caller, UUID id);
    }

    private MutableHttpResponse<?> step(HttpRequest<?> request, String areaId, String responseId, @Nullable String csrf,
                                        String refused, String done, String field, Step step) {
        return step(request, areaId, responseId, csrf, refused, done, field, step, Map.of());
    }

    private MutableHttpResponse<?> step(HttpRequest<?> request, String areaId, String responseId, @Nullable String csrf,
                                        String refused, String done, String field, Step step, Map<String, String> typed) {
        return Pages.forPost(sessions, request, csrf, refused, caller -> {
            UUID id = responseId(responseId);
            return attempt(List.of(), () -> {
                step.take(caller, id);
                return Pages.seeOther(("signed-off".equals(done) || "sent-back".equals(done) ? base(areaId) : base(areaId) + "/" + id)
                        + "?done=" + done);
            }, failed -> responsePage(failed.status(), request, caller, areaId, responses.get(caller, areaId, id), null,
                    failed.errors(), null, typed), key -> "status".equals(key) || "version".equals(key) ? "status" : field);
        });
    }

    // ---- the plain-English check ----

    private MutableHttpResponse<?> wordingFragment(HttpRequest<?> request, String areaId, @Nullable String responseId,
                                                   FormFields form) {
        MutableHttpResponse<?> answer = checked(request, areaId, responseId, form);
        // htmx would follow a redirect to sign in and put the whole sign-in page in the check's place: send the page there.
        if (answer.status() == HttpStatus.SEE_OTHER && request.getHeaders().contains("HX-Request")) {
            return io.micronaut.http.HttpResponse.ok().header("HX-Redirect", answer.getHeaders().get("Location"));
        }
        return answer;
    }

    private MutableHttpResponse<?> checked(HttpRequest<?> request, String areaId, @Nullable String responseId,
                                           FormFields form) {
        return Pages.forPost(sessions, request, form.one("csrf"), "You cannot check this response", caller -> {
            UUID id = responseId == null ? null : responseId(responseId);
            ResponseViews.Readability check = readability.checkUnsaved(caller, areaId, id, form.one("title"),
                    form.one("summary"), form.one("weDid"), form.one("easyRead"));
            return Pages.page(HttpStatus.OK, "console/response-wording", request, Map.of("wording", Wording.of(check)));
        });
    }

    // ---- building the pages ----

    private MutableHttpResponse<?> draftPage(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId,
                                             ResponseForm form, List<Pages.FieldError> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("themeChoices", themeChoices(areaId, form));
        model.put("aims", aims(areaId, form));
        model.put("errors", errors);
        model.put("failed", ids(errors));
        return Pages.areaPage(status, "console/response-new", request, access, caller, areaId, model);
    }

    private MutableHttpResponse<?> responsePage(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId,
                                                ResponseViews.ResponseView r, @Nullable ResponseForm typed,
                                                List<Pages.FieldError> errors, @Nullable String done, Map<String, String> typedAction) {
        boolean commissioner = is(caller, areaId, Role.COMMISSIONER);
        Map<String, Object> model = new HashMap<>();
        model.put("r", r);
        // Dates as GOV.UK writes them ("7 November 2026"), not as the API sends them.
        model.put("period", DAY.format(r.from()) + " to " + DAY.format(r.to()));
        model.put("statusName", where(r.status()));
        model.put("statusTag", tagClass(r.status()));
        model.put("commissioner", commissioner);
        model.put("lead", isLead(caller, areaId));
        model.put("base", base(areaId) + "/" + r.id());
        model.put("errors", errors);
        model.put("failed", ids(errors));
        model.put("done", done);
        model.put("canSubmit", commissioner && ("draft".equals(r.status()) || "changes_requested".equals(r.status())));
        model.put("canPublish", commissioner && "signed_off".equals(r.status()));
        model.put("canSignOff", isLead(caller, areaId) && "awaiting_sign_off".equals(r.status()));
        model.put("published", "published".equals(r.status()));
        model.put("actionRows", r.actions().stream().map(ResponsePages::actionRow).toList());
        model.put("owners", owners(typedAction.getOrDefault("actionOwner", "")));
        model.put("typedAction", typedAction);
        model.put("reason", typedAction.getOrDefault("reason", ""));
        model.put("themeNames", String.join(", ", r.themes().stream().map(ResponseViews.ThemeName::name).toList()));
        model.put("signOffs", r.signOffs().stream().map(v -> new String[] {decision(v.decision()),
                ReviewQueuePages.WHEN.format(v.at()), v.comment() == null ? "" : v.comment()}).toList());
        if (commissioner) {
            List<ResponseViews.Citable> citable = responses.citable(caller, areaId, r.id());
            ResponseForm form = typed != null ? typed : ResponseForm.of(r, citable);
            model.put("form", form);
            model.put("themeChoices", themeChoices(areaId, form));
            model.put("aims", aims(areaId, form));
            model.put("citeRows", citeRows(citable, form));
            model.put("wording", Wording.of(readability.check(caller, areaId, r.id())));
        }
        return Pages.areaPage(status, "console/response", request, access, caller, areaId, model);
    }

    private List<Check> themeChoices(String areaId, ResponseForm form) {
        List<Check> checks = new ArrayList<>();
        themeNames.of(areaId).values().stream().filter(t -> t.active() || form.themes().contains(t.id()))
                .sorted(java.util.Comparator.comparing(ThemeNames.Named::name))
                .forEach(t -> checks.add(new Check(checks.isEmpty() ? "themes" : "themes-" + t.id(), t.id(), t.name(),
                        form.themes().contains(t.id()))));
        return checks;
    }

    private List<Aim> aims(String areaId, ResponseForm form) {
        Map<UUID, OutcomeFramework.OutcomeRef> outcomes = framework.outcomes(areaId);
        Map<UUID, OutcomeFramework.IndicatorRef> indicators = framework.indicators(areaId);
        List<Aim> aims = new ArrayList<>();
        boolean firstIndicator = true;
        for (OutcomeFramework.OutcomeRef o : outcomes.values()) {
            List<Check> ofOutcome = new ArrayList<>();
            for (OutcomeFramework.IndicatorRef i : indicators.values()) {
                if (i.outcomeId().equals(o.id())) {
                    ofOutcome.add(new Check(firstIndicator ? "indicators" : "indicators-" + i.id(), i.id().toString(),
                            i.title() + " (" + i.unit() + ")", form.indicators().contains(i.id().toString())));
                    firstIndicator = false;
                }
            }
            aims.add(new Aim(new Check(aims.isEmpty() ? "outcomes" : "outcomes-" + o.id(), o.id().toString(), o.title(),
                    form.outcomes().contains(o.id().toString())), ofOutcome));
        }
        return aims;
    }

    private static List<CiteRow> citeRows(List<ResponseViews.Citable> citable, ResponseForm form) {
        List<CiteRow> rows = new ArrayList<>();
        for (ResponseViews.Citable c : citable) {
            String chosen = form.citeOf(c.contentType(), c.contentId());
            String key = ResponseForm.key(c.contentType(), c.contentId());
            List<Option> options = new ArrayList<>(List.of(new Option("", "Not cited", chosen.isEmpty()),
                    new Option(key + "|" + ResponseForm.ALONE, "Cite on its own", ResponseForm.ALONE.equals(chosen))));
            for (int g = 1; g <= ResponseForm.GROUPS; g++) {
                options.add(new Option(key + "|" + g, "Cite in group " + g + " (says the same as others)",
                        Integer.toString(g).equals(chosen)));
            }
            rows.add(new CiteRow("cite-" + rows.size(), c.contentType() == ContentType.COMMENT ? "Wall comment" : "Survey answer",
                    c.text(), options));
        }
        return rows;
    }

    private static ActionRow actionRow(ResponseViews.ActionView a) {
        List<Option> statuses = ACTION_STATUSES.stream()
                .map(status -> new Option(status, actionStatus(status), status.equals(a.status()))).toList();
        return new ActionRow(a.id().toString(), a.text(), ownerName(a.owner()), DAY.format(a.startsOn()), DAY.format(a.dueOn()),
                actionStatus(a.status()), tagClass(a.status()), a.progress(), a.reason() == null ? "" : a.reason(), statuses);
    }

    static List<Option> owners(String chosen) {
        List<Option> options = new ArrayList<>(List.of(new Option("", "Choose who owns it", chosen.isEmpty())));
        OWNERS.forEach(owner -> options.add(new Option(owner, ownerName(owner), owner.equals(chosen))));
        return options;
    }

    /** Who may own an action, as the API names them; their words come from {@link #ownerName}. */
    static final List<String> OWNERS = List.of("council", "nhs", "school", "forum", "other");

    /** Where an action may stand, as the API names it; its words come from {@link #actionStatus}. */
    static final List<String> ACTION_STATUSES = List.of("planned", "in_progress", "done", "not_possible");

    static String ownerName(String owner) {
        return switch (owner) {
            case "council" -> "Council";
            case "nhs" -> "NHS";
            case "school" -> "School";
            case "forum" -> "Parent carer forum";
            default -> "Other";
        };
    }

    static String actionStatus(String status) {
        return switch (status) {
            case "in_progress" -> "Under way";
            case "done" -> "Done";
            case "not_possible" -> "Not possible";
            default -> "Planned";
        };
    }

    /** Where one response stands, as its page says it. */
    static String where(String state) {
        return "draft".equals(state) ? "Draft" : stateName(state);
    }

    /** The heading of the responses in a state, as the list shows them. */
    static String stateName(String state) {
        return switch (state) {
            case "draft" -> "Drafts";
            case "changes_requested" -> "Sent back by the forum";
            case "awaiting_sign_off" -> "Waiting for the forum's sign-off";
            case "signed_off" -> "Signed off, ready to publish";
            default -> "Published";
        };
    }

    /** A colour to go with the status words (never instead of them). */
    static String tagClass(String state) {
        return switch (state) {
            case "draft", "planned" -> "govuk-tag--grey";
            case "changes_requested", "not_possible" -> "govuk-tag--orange";
            case "awaiting_sign_off", "in_progress" -> "govuk-tag--blue";
            case "signed_off" -> "govuk-tag--turquoise";
            default -> "govuk-tag--green";
        };
    }

    private static String decision(String decision) {
        return switch (decision) {
            case "submitted" -> "Sent for sign-off";
            case "signed_off" -> "Signed off by the forum";
            case "sent_back" -> "Sent back by the forum";
            default -> decision;
        };
    }

    private static Row row(String areaId, ResponseViews.ResponseSummary s) {
        return new Row(base(areaId) + "/" + s.id(), s.title(),
                String.join(", ", s.themes().stream().map(ResponseViews.ThemeName::name).toList()), s.families().text(),
                s.actions().size(), s.publishedAt() == null ? "" : ReviewQueuePages.WHEN.format(s.publishedAt()));
    }

    private static java.util.Set<String> ids(List<Pages.FieldError> errors) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        errors.forEach(e -> ids.add(e.field()));
        return ids;
    }

    private boolean isLead(Caller caller, String areaId) {
        return is(caller, areaId, Role.FORUM_LEAD);
    }

    private boolean is(Caller caller, String areaId, Role role) {
        return access.roleOf(areaId, caller.uid()).filter(r -> r == role).isPresent();
    }

    static String base(String areaId) {
        return "/console/areas/" + areaId + "/responses";
    }

    private static UUID responseId(String text) {
        return FormFields.uuid(text).orElseThrow(() ->
                new ProblemException(ResponseProblem.NOT_FOUND, "The area has no such response you may see."));
    }

    private static @Nullable Integer number(@Nullable String text) {
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Integer whole(@Nullable String text, String field, List<Pages.FieldError> errors) {
        Integer n = number(text);
        if (n == null) {
            errors.add(new Pages.FieldError(field, "Enter progress as a whole per cent, from 0 to 100"));
        }
        return n;
    }

    private static @Nullable LocalDate date(@Nullable String text, String field, String message, List<Pages.FieldError> errors) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new Pages.FieldError(field, message));
            return null;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ENGLAND));
    }
}
