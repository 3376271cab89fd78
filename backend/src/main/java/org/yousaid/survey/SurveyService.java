package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.ProblemException;
import org.yousaid.survey.SurveyViews.PublishedSurvey;
import org.yousaid.survey.SurveyViews.SurveySummary;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.Page;
import static org.yousaid.survey.SurveyViews.EDITOR;
import static org.yousaid.survey.SurveyViews.RESPONDENT;
import org.yousaid.survey.SurveyViews.SurveyView;
import org.yousaid.survey.SurveyViews.VersionView;

/**
 * Survey definitions per area, versioned. Forum leads and commissioners create surveys (from a
 * shipped template or their own definition), edit the draft, publish and retire versions; members
 * see only published surveys. A published version never changes: editing makes the next version.
 */
@Singleton
public class SurveyService {

    private static final Logger LOG = LoggerFactory.getLogger(SurveyService.class);
    /** Who may start, edit, publish and retire surveys, and invite families. */
    static final Role[] EDITORS = {Role.FORUM_LEAD, Role.COMMISSIONER};
    /** The area's staff: the editors, and its admins, who read every version, the results and the invitation counts. */
    static final Role[] STAFF = {Role.FORUM_LEAD, Role.COMMISSIONER, Role.AREA_ADMIN};

    private final AreaAccess access;
    private final SurveyStore store;
    private final SurveyTemplates templates;
    private final DefinitionValidator validator;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Cursors cursors;

    SurveyService(AreaAccess access, SurveyStore store, SurveyTemplates templates, DefinitionValidator validator,
                  AuditLog audit, JsonMapper json, Clock clock, Cursors cursors) {
        this.cursors = cursors;
        this.access = access;
        this.store = store;
        this.templates = templates;
        this.validator = validator;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public SurveyView create(Caller caller, String areaId, @Nullable String templateId, @Nullable JsonNode definition) {
        CurrentUser editor = access.require(caller, areaId, EDITORS);
        String definitionJson;
        if (templateId != null && definition == null) {
            definitionJson = templates.find(templateId).orElseThrow(() -> new ProblemException(
                    SurveyProblem.TEMPLATE_NOT_FOUND, "There is no survey template '" + templateId + "'.")).json();
        } else if (templateId == null && definition != null) {
            definitionJson = validator.normalise(write(definition));
        } else {
            throw new ProblemException(SurveyProblem.CREATE_REQUEST_INVALID,
                    "Give either templateId or definition, not both and not neither.");
        }
        SurveyDefinition parsed = validator.check(definitionJson);
        UUID id = UUID.randomUUID();
        store.insertSurvey(areaId, id, parsed.kindOrOther(), editor.uid(), now());
        store.insertDraft(areaId, id, 1, definitionJson, now());
        audit.record(areaId, editor.uid(), "survey.create", "survey", id.toString(),
                Map.of("template", templateId == null ? "" : templateId));
        LOG.info("survey.create area={} id={}", areaId, id);
        return view(areaId, id);
    }

    /** Creates or replaces the draft: after a publish, the next draft is the next version. */
    @Transactional
    public SurveyView saveDraft(Caller caller, String areaId, UUID surveyId, @Nullable JsonNode definition) {
        CurrentUser editor = access.require(caller, areaId, EDITORS);
        if (definition == null) {
            throw new ProblemException(SurveyProblem.DEFINITION_INVALID, "Give the definition of the draft.",
                    Map.of("definition", "required"));
        }
        String definitionJson = validator.normalise(write(definition));
        SurveyDefinition parsed = validator.check(definitionJson);
        lockedSurvey(areaId, surveyId);
        List<SurveyVersion> versions = store.versions(areaId, surveyId);
        Optional<SurveyVersion> draft = versions.stream().filter(v -> SurveyVersion.DRAFT.equals(v.status())).findFirst();
        if (draft.isPresent()) {
            store.replaceDraft(areaId, surveyId, draft.get().version(), definitionJson);
        } else {
            store.insertDraft(areaId, surveyId, versions.size() + 1, definitionJson, now());
        }
        store.updateKind(areaId, surveyId, parsed.kindOrOther());
        audit.record(areaId, editor.uid(), "survey.draft", "survey", surveyId.toString(), Map.of());
        return view(areaId, surveyId);
    }

    @Transactional
    public SurveyView publish(Caller caller, String areaId, UUID surveyId) {
        CurrentUser editor = access.require(caller, areaId, EDITORS);
        lockedSurvey(areaId, surveyId);
        SurveyVersion draft = store.versions(areaId, surveyId).stream().filter(v -> SurveyVersion.DRAFT.equals(v.status()))
                .findFirst().orElseThrow(() -> new ProblemException(SurveyProblem.NO_DRAFT,
                        "This survey has no draft to publish; save a draft first."));
        store.publish(areaId, surveyId, draft.version(), now());
        audit.record(areaId, editor.uid(), "survey.publish", "survey", surveyId.toString(),
                Map.of("version", Integer.toString(draft.version())));
        LOG.info("survey.publish area={} id={} version={}", areaId, surveyId, draft.version());
        return view(areaId, surveyId);
    }

    @Transactional
    public SurveyView retire(Caller caller, String areaId, UUID surveyId, int version) {
        CurrentUser editor = access.require(caller, areaId, EDITORS);
        lockedSurvey(areaId, surveyId);
        SurveyVersion v = store.version(areaId, surveyId, version).orElseThrow(() -> versionNotFound(version));
        if (SurveyVersion.DRAFT.equals(v.status())) {
            throw new ProblemException(SurveyProblem.VERSION_NOT_PUBLISHED, "A draft cannot be retired; edit it instead.");
        }
        store.retire(areaId, surveyId, version, now());
        audit.record(areaId, editor.uid(), "survey.retire", "survey", surveyId.toString(),
                Map.of("version", Integer.toString(version)));
        return view(areaId, surveyId);
    }

    @Transactional
    public Object get(Caller caller, String areaId, UUID surveyId) {
        CurrentUser me = access.member(caller, areaId);
        if (seesDrafts(me)) {
            store.survey(areaId, surveyId).orElseThrow(SurveyService::notFound);
            return view(areaId, surveyId);
        }
        return published(areaId, surveyId).orElseThrow(SurveyService::notFound);
    }

    /** Editors get summaries, families the published versions they can answer; one page at a time. */
    @Transactional
    public Object list(Caller caller, String areaId, @Nullable String cursor, int limit) {
        CurrentUser me = access.member(caller, areaId);
        boolean editor = seesDrafts(me);
        Cursors.Listing listing = cursors.listing(caller.uid(), "surveys", areaId, editor ? EDITOR : RESPONDENT);
        Cursor after = listing.after(cursor);
        Instant afterAt = after == null ? Instant.EPOCH : after.at();
        UUID afterId = after == null ? new UUID(0, 0) : after.id();
        if (editor) {
            Page<SurveySummary> page = listing.page(store.summaries(areaId, afterAt, afterId, limit + 1), limit,
                    s -> new Cursor(s.createdAt(), s.id()), s -> new SurveySummary(s.id(), areaId, s.kind(), s.title(),
                            s.createdAt(), s.publishedVersion(), s.draftVersion()));
            return new SurveyViews.SurveyList(EDITOR, page.items(), page.nextCursor());
        }
        Page<PublishedSurvey> page = listing.page(store.published(areaId, afterAt, afterId, limit + 1), limit,
                p -> new Cursor(p.createdAt(), p.id()),
                p -> new PublishedSurvey(RESPONDENT, p.id(), areaId, p.kind(), p.version(), read(p.definitionJson())));
        return new SurveyViews.PublishedSurveyList(RESPONDENT, page.items(), page.nextCursor());
    }

    /** The version a respondent answers now, if the survey has one published. */
    Optional<PublishedSurvey> published(String areaId, UUID surveyId) {
        return store.survey(areaId, surveyId).flatMap(s -> store.versions(areaId, surveyId).stream()
                .filter(v -> SurveyVersion.PUBLISHED.equals(v.status())).findFirst()
                .map(v -> new PublishedSurvey(RESPONDENT, surveyId, areaId, s.kind(), v.version(), read(v.definitionJson()))));
    }

    /** Staff see every version with its drafts; families only what is published. */
    private static boolean seesDrafts(CurrentUser me) {
        return java.util.Arrays.asList(STAFF).contains(me.role());
    }

    private SurveyView view(String areaId, UUID surveyId) {
        SurveyStore.Survey survey = store.survey(areaId, surveyId).orElseThrow(SurveyService::notFound);
        List<SurveyVersion> versions = store.versions(areaId, surveyId);
        Integer published = versions.stream().filter(v -> SurveyVersion.PUBLISHED.equals(v.status()))
                .map(SurveyVersion::version).findFirst().orElse(null);
        Integer draft = versions.stream().filter(v -> SurveyVersion.DRAFT.equals(v.status()))
                .map(SurveyVersion::version).findFirst().orElse(null);
        SurveyVersion latest = versions.get(versions.size() - 1);
        String title = validatorless(latest.definitionJson()).title();
        return new SurveyView(EDITOR, surveyId, areaId, survey.kind(), title, survey.createdAt(), published, draft,
                versions.stream().map(v -> new VersionView(v.version(), v.status(), v.createdAt(), v.publishedAt(),
                        v.retiredAt(), read(v.definitionJson()))).toList());
    }

    private void lockedSurvey(String areaId, UUID surveyId) {
        store.surveyForUpdate(areaId, surveyId).orElseThrow(SurveyService::notFound);
    }

    SurveyDefinition validatorless(String definitionJson) {
        try {
            return json.readValue(definitionJson, SurveyDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** JSON text to a tree for views (one place that knows the mapper). */
    @Singleton
    static final class Json {
        private final JsonMapper json;

        Json(JsonMapper json) {
            this.json = json;
        }

        JsonNode tree(String text) {
            try {
                return json.readValue(text, JsonNode.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static ProblemException notFound() {
        return new ProblemException(SurveyProblem.SURVEY_NOT_FOUND, "There is no such survey that you can see.");
    }

    static ProblemException versionNotFound(int version) {
        return new ProblemException(SurveyProblem.VERSION_NOT_FOUND, "This survey has no version " + version + ".");
    }
}
