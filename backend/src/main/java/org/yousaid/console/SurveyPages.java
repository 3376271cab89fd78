package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.identity.StaffSessions;
import org.yousaid.shared.ProblemException;
import org.yousaid.survey.SurveyService;
import org.yousaid.survey.SurveyTemplates;
import org.yousaid.survey.SurveyViews.SurveyList;
import org.yousaid.survey.SurveyViews.SurveySummary;
import org.yousaid.survey.SurveyViews.SurveyView;
import org.yousaid.survey.SurveyViews.VersionView;

/**
 * The commissioner's surveys: the area's surveys by status, a draft started from a shipped template,
 * the draft edited in a form, published, and a published version retired. The same service and
 * validation as the API's survey operations; the pages are the commissioner's work (ConsoleNav), so
 * forum leads and area admins, whom the API also lets read surveys, are refused here.
 */
@Controller("/console/areas/{areaId}/surveys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class SurveyPages {

    static final String REFUSED = "You cannot work on this area's surveys";
    /** The API's largest page; an area has tens of surveys, so a few pages read them all. */
    private static final int PAGE = 100;
    private static final int MOST_PAGES = 20;

    private static final Map<String, String> DONE = Map.of(
            "started", "The draft was started from the template. Edit it below, then publish it.",
            "saved", "The draft was saved.",
            "published", "The survey was published: families of the area can now answer it.",
            "retired", "The survey was retired: families can no longer answer it.",
            "next", "A draft of the next version was started from the published one.");

    /** The sentence for a known "done" key; a query never reaches the page as text. */
    private static @Nullable String done(@Nullable String key) {
        return key == null ? null : DONE.get(key);
    }

    /** One survey in the list, with what its status lets the commissioner do next. */
    record Row(String id, String title, String kind, String started, String status, String tag, String versions,
               String href, String action) {
    }

    /** One group of the list: drafts, published or retired surveys. */
    record Group(String id, String heading, String status, List<Row> rows) {
    }

    /**
     * A template as the start form offers it, its hint worded here: OGNL (the templates' expression
     * language) has no "or else" for a missing description, and templates hold no logic.
     */
    record TemplateChoice(String id, String title, String hint, boolean chosen) {
    }

    /** A version as its summary list shows it. */
    record Version(int version, String status, String tag, String created, String published, String retired) {
    }

    /** A question of a version that can no longer be edited, as read. */
    record ReadQuestion(int number, String text, String help, String type, boolean required, List<String> options) {
    }

    private final StaffSessions sessions;
    private final SurveyService surveys;
    private final SurveyTemplates templates;
    private final AreaAccess access;
    private final JsonMapper json;

    SurveyPages(StaffSessions sessions, SurveyService surveys, SurveyTemplates templates, AreaAccess access, JsonMapper json) {
        this.sessions = sessions;
        this.surveys = surveys;
        this.templates = templates;
        this.access = access;
        this.json = json;
    }

    @Get
    MutableHttpResponse<?> list(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String done) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            return listPage(HttpStatus.OK, request, caller, areaId, done(done), List.of(), null);
        });
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> start(HttpRequest<?> request, @PathVariable String areaId, @Nullable String csrf,
                                 @Nullable String templateId) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            if (templateId == null || templates.summaries().stream().noneMatch(t -> t.id().equals(templateId))) {
                return listPage(HttpStatus.BAD_REQUEST, request, caller, areaId, null,
                        List.of(new Pages.FieldError("template-" + firstTemplate(), "Choose the template to start from")), templateId);
            }
            SurveyView created = surveys.create(caller, areaId, templateId, null);
            return Pages.seeOther(surveyPath(areaId, created.id().toString()) + "?done=started");
        });
    }

    @Get("/{surveyId}")
    MutableHttpResponse<?> survey(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String surveyId,
                                  @Nullable @QueryValue String done) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            Optional<SurveyView> survey = find(caller, areaId, surveyId);
            if (survey.isEmpty()) {
                return notFound(request);
            }
            return surveyPage(HttpStatus.OK, request, caller, areaId, survey.get(), done(done), null, List.of());
        });
    }

    /** Saves the draft as the form gives it, after moving, removing or adding what the form asked. */
    @Post("/{surveyId}/draft")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String surveyId,
                                @Body Map<String, String> form) {
        return Pages.forPost(sessions, request, form.get("csrf"), REFUSED, caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            Optional<SurveyView> survey = find(caller, areaId, surveyId);
            Optional<VersionView> draft = survey.flatMap(SurveyPages::draftOf);
            if (draft.isEmpty()) {
                return notFound(request);
            }
            Map<String, Object> definition = SurveyDraftForm.read(form, tree(draft.get().definition()));
            try {
                surveys.saveDraft(caller, areaId, survey.get().id(), json(definition));
            } catch (ProblemException e) {
                if (e.problem().status() != HttpStatus.BAD_REQUEST) {
                    throw e;
                }
                List<Pages.FieldError> errors = SurveyDraftForm.errors(e.errors(), definition);
                return surveyPage(HttpStatus.BAD_REQUEST, request, caller, areaId, survey.get(), null, definition, errors);
            }
            return Pages.seeOther(surveyPath(areaId, surveyId) + "?done=saved#draft");
        });
    }

    @Post("/{surveyId}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> publish(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String surveyId,
                                   @Nullable String csrf) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            Optional<SurveyView> survey = find(caller, areaId, surveyId);
            if (survey.isEmpty()) {
                return notFound(request);
            }
            try {
                surveys.publish(caller, areaId, survey.get().id());
            } catch (ProblemException e) {
                return surveyPage(e.problem().status(), request, caller, areaId, survey.get(), null, null,
                        List.of(new Pages.FieldError("publish", e.getMessage())));
            }
            return Pages.seeOther(surveyPath(areaId, surveyId) + "?done=published");
        });
    }

    @Post("/{surveyId}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> retire(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String surveyId,
                                  @Nullable String csrf, @Nullable String version) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            Optional<SurveyView> survey = find(caller, areaId, surveyId);
            if (survey.isEmpty()) {
                return notFound(request);
            }
            Integer published = survey.get().publishedVersion();
            if (published == null || !published.toString().equals(version)) {
                return surveyPage(HttpStatus.CONFLICT, request, caller, areaId, survey.get(), null, null,
                        List.of(new Pages.FieldError("retire", "Only the published version can be retired; reload the page")));
            }
            surveys.retire(caller, areaId, survey.get().id(), published);
            return Pages.seeOther(surveyPath(areaId, surveyId) + "?done=retired");
        });
    }

    /** A published survey changes only by a new version: its draft starts as the published definition. */
    @Post("/{surveyId}/next-version")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> nextVersion(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String surveyId,
                                       @Nullable String csrf) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            Optional<SurveyView> survey = find(caller, areaId, surveyId);
            if (survey.isEmpty()) {
                return notFound(request);
            }
            if (draftOf(survey.get()).isEmpty()) {
                VersionView latest = survey.get().versions().get(survey.get().versions().size() - 1);
                surveys.saveDraft(caller, areaId, survey.get().id(), latest.definition());
            }
            return Pages.seeOther(surveyPath(areaId, surveyId) + "?done=next#draft");
        });
    }

    private MutableHttpResponse<?> listPage(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId,
                                            @Nullable String done, List<Pages.FieldError> errors, @Nullable String chosen) {
        List<SurveySummary> all = all(surveys, caller, areaId);
        List<Row> drafts = new ArrayList<>();
        List<Row> published = new ArrayList<>();
        List<Row> retired = new ArrayList<>();
        for (SurveySummary s : all) {
            String href = surveyPath(areaId, s.id().toString());
            String started = ReviewQueuePages.WHEN.format(s.createdAt());
            if (s.publishedVersion() != null) {
                published.add(new Row(s.id().toString(), s.title(), kind(s.kind()), started, "Published", "govuk-tag govuk-tag--green",
                        "Version " + s.publishedVersion() + (s.draftVersion() == null ? "" : "; draft of version " + s.draftVersion()),
                        href, "See it and its results"));
            } else if (s.draftVersion() != null) {
                drafts.add(new Row(s.id().toString(), s.title(), kind(s.kind()), started, "Draft", "govuk-tag govuk-tag--grey",
                        "Version " + s.draftVersion(), href, "Edit the draft"));
            } else {
                retired.add(new Row(s.id().toString(), s.title(), kind(s.kind()), started, "Retired", "govuk-tag govuk-tag--orange", "", href,
                        "See it and its results"));
            }
        }
        List<Group> groups = List.of(new Group("drafts", "Drafts", "Draft", drafts),
                new Group("published", "Published", "Published", published),
                new Group("retired", "Retired", "Retired", retired));
        String picked = chosen == null ? "" : chosen;
        List<TemplateChoice> offered = templates.summaries().stream().map(t -> new TemplateChoice(t.id(), t.title(),
                t.questions() + " questions." + (t.description() == null ? "" : " " + t.description()),
                t.id().equals(picked))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("groups", groups);
        model.put("templates", offered);
        model.put("errors", errors);
        model.put("hasSurveys", !all.isEmpty());
        model.put("pageTitle", errors.isEmpty() ? "Surveys" : "Error: Surveys");
        if (done != null) {
            model.put("done", done);
        }
        return Pages.areaPage(status, "console/surveys", request, access, caller, areaId, model);
    }

    private String firstTemplate() {
        return templates.summaries().get(0).id();
    }

    private MutableHttpResponse<?> surveyPage(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId,
                                              SurveyView survey, @Nullable String done,
                                              @Nullable Map<String, Object> submitted, List<Pages.FieldError> errors) {
        Optional<VersionView> draft = draftOf(survey);
        Optional<VersionView> published = survey.versions().stream().filter(v -> "published".equals(v.status())).findFirst();
        VersionView latest = survey.versions().get(survey.versions().size() - 1);
        Map<String, Object> model = new HashMap<>();
        model.put("surveyId", survey.id().toString());
        model.put("title", survey.title());
        model.put("kind", kind(survey.kind()));
        model.put("status", published.isPresent() ? "Published" : draft.isPresent() ? "Draft" : "Retired");
        model.put("versions", survey.versions().stream().map(SurveyPages::version).toList());
        model.put("errors", errors);
        if (done != null) {
            model.put("done", done);
        }
        model.put("hasDraft", draft.isPresent());
        model.put("draftVersion", draft.map(VersionView::version).orElse(0));
        if (draft.isPresent()) {
            Map<String, Object> definition = submitted != null ? submitted : tree(draft.get().definition());
            model.put("form", SurveyDraftForm.of(definition, errors));
        }
        model.put("hasPublished", published.isPresent());
        VersionView shown = published.orElse(latest);
        model.put("shownVersion", shown.version());
        model.put("shownStatus", published.isPresent() ? "published" : draft.isPresent() ? "draft" : "retired");
        model.put("readQuestions", read(tree(shown.definition())));
        model.put("readIntroduction", SurveyDraftForm.text(tree(shown.definition()).get("description")));
        model.put("showRead", published.isPresent() || draft.isEmpty());
        model.put("resultsHref", surveyPath(areaId, survey.id().toString()) + "/results");
        model.put("pageTitle", (errors.isEmpty() ? "" : "Error: ") + survey.title());
        return Pages.areaPage(status, "console/survey", request, access, caller, areaId, model);
    }

    private static Version version(VersionView v) {
        String tag = switch (v.status()) {
            case "published" -> "govuk-tag govuk-tag--green";
            case "draft" -> "govuk-tag govuk-tag--grey";
            default -> "govuk-tag govuk-tag--orange";
        };
        String status = switch (v.status()) {
            case "published" -> "Published";
            case "draft" -> "Draft";
            default -> "Retired";
        };
        return new Version(v.version(), status, tag, ReviewQueuePages.WHEN.format(v.createdAt()),
                v.publishedAt() == null ? "" : ReviewQueuePages.WHEN.format(v.publishedAt()),
                v.retiredAt() == null ? "" : ReviewQueuePages.WHEN.format(v.retiredAt()));
    }

    @SuppressWarnings("unchecked")
    private static List<ReadQuestion> read(Map<String, Object> definition) {
        List<ReadQuestion> read = new ArrayList<>();
        int n = 1;
        for (Object o : (List<Object>) definition.getOrDefault("questions", List.of())) {
            Map<String, Object> q = (Map<String, Object>) o;
            String type = SurveyDraftForm.text(q.get("type"));
            Object choices = q.containsKey("options") ? q.get("options") : q.get("categories");
            List<String> options = choices instanceof List<?> list
                    ? list.stream().map(c -> c instanceof Map<?, ?> m ? SurveyDraftForm.text(m.get("label")) : "").toList() : List.of();
            read.add(new ReadQuestion(n++, SurveyDraftForm.text(q.get("text")), SurveyDraftForm.text(q.get("help")),
                    SurveyDraftForm.typeLabel(type), Boolean.TRUE.equals(q.get("required")), options));
        }
        return read;
    }

    static String kind(String kind) {
        return switch (kind) {
            case "ehc_plan" -> "EHC plan";
            case "equipment" -> "Specialist equipment";
            case "annual_impact" -> "Annual impact";
            case "i_statements" -> "I statements";
            default -> "Other";
        };
    }

    /** Every survey of the area, in the order the API lists them (oldest first). */
    static List<SurveySummary> all(SurveyService surveys, Caller caller, String areaId) {
        List<SurveySummary> all = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < MOST_PAGES; i++) {
            SurveyList page = (SurveyList) surveys.list(caller, areaId, cursor, PAGE);
            all.addAll(page.items());
            cursor = page.nextCursor();
            if (cursor == null) {
                break;
            }
        }
        return all;
    }

    /** The survey as its editors see it, if the id names one of the area's surveys. */
    Optional<SurveyView> find(Caller caller, String areaId, String surveyId) {
        UUID id;
        try {
            id = UUID.fromString(surveyId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            return Optional.of((SurveyView) surveys.get(caller, areaId, id));
        } catch (ProblemException e) {
            if (e.problem().status() == HttpStatus.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static MutableHttpResponse<?> notFound(HttpRequest<?> request) {
        return Pages.refused(request, HttpStatus.NOT_FOUND, "There is no such survey",
                "Go back to the area's surveys and choose one from the list.");
    }

    private static Optional<VersionView> draftOf(SurveyView survey) {
        return survey.versions().stream().filter(v -> "draft".equals(v.status())).findFirst();
    }

    static String surveyPath(String areaId, String surveyId) {
        return "/console/areas/" + areaId + "/surveys/" + surveyId;
    }

    private Map<String, Object> tree(JsonNode node) {
        try {
            return json.readValueFromTree(node, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode json(Map<String, Object> definition) {
        try {
            return json.writeValueToTree(definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
