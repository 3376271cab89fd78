package org.yousaid.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yousaid.area.AreaAccess;
import org.yousaid.content.ContentRef;
import org.yousaid.content.ContentType;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.moderation.PublishedWords;
import org.yousaid.moderation.ThemeNames;
import org.yousaid.outcome.OutcomeFramework;
import org.yousaid.response.ResponseViews.ResponseRequest;
import org.yousaid.response.ResponseViews.ResponseSummary;
import org.yousaid.response.ResponseViews.ResponseView;
import org.yousaid.response.ResponseViews.StepRequest;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.FamilyText;
import org.yousaid.shared.Page;
import org.yousaid.shared.ProblemException;

/**
 * "You said, we did": a commissioner drafts a response to themes, citing families' published words
 * and the outcomes it aims to move; a forum lead signs it off or sends it back (co-production); the
 * commissioner publishes it and everyone it reached is told. Edits after publishing are published at
 * once as a new revision, with a note of what changed.
 */
@Singleton
public class ResponseService {

    static final Role[] STAFF = {Role.COMMISSIONER, Role.FORUM_LEAD, Role.AREA_ADMIN};
    static final LocalDate EARLIEST = LocalDate.of(2010, 1, 1);
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private static final int MAX_CITED = 200;

    private final AreaAccess access;
    private final ResponseRepository responses;
    private final ResponseAssembler assembler;
    private final LoopService loop;
    private final PublishedWords words;
    private final ThemeNames themeNames;
    private final OutcomeFramework framework;
    private final Cursors cursors;
    private final LoopMetricsService metrics;
    private final AuditLog audit;
    private final Clock clock;

    ResponseService(AreaAccess access, ResponseRepository responses, ResponseAssembler assembler, LoopService loop,
                    PublishedWords words, ThemeNames themeNames, OutcomeFramework framework, Cursors cursors,
                    LoopMetricsService metrics, AuditLog audit, Clock clock) {
        this.metrics = metrics;
        this.access = access;
        this.responses = responses;
        this.assembler = assembler;
        this.loop = loop;
        this.words = words;
        this.themeNames = themeNames;
        this.framework = framework;
        this.cursors = cursors;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ResponseView create(Caller caller, String areaId, ResponseRequest request) {
        CurrentUser commissioner = access.require(caller, areaId, Role.COMMISSIONER);
        Draft draft = checked(areaId, request);
        UUID id = UUID.randomUUID();
        responses.insert(areaId, id, draft.title(), draft.summary(), draft.weDid(), draft.easyRead(),
                draft.themes().toArray(String[]::new), draft.from(), draft.to(), draft.aims(),
                loop.families(areaId, draft.citations()), commissioner.uid(), now());
        cite(areaId, id, draft.citations());
        audit.record(areaId, commissioner.uid(), "response.draft", null, null, Map.of("response", id.toString()));
        return assembler.view(responses.find(areaId, id).orElseThrow(), true);
    }

    /**
     * Rewrites the response. Awaiting sign-off or signed off, it goes back to draft (the forum signs off what is
     * published); published, the edit is published at once as the next revision and anyone it now
     * reaches for the first time is told.
     */
    @Transactional
    public ResponseView update(Caller caller, String areaId, UUID id, ResponseRequest request) {
        CurrentUser commissioner = access.require(caller, areaId, Role.COMMISSIONER);
        ResponseRow r = locked(areaId, id, request.version());
        Draft draft = checked(areaId, request);
        String changeNote = null;
        if (r.published()) {
            changeNote = FamilyText.accepted(request.changeNote(), 500).orElseThrow(() -> invalid(
                    "Say what this edit to a published response changes (changeNote, up to 500 characters).", "changeNote"));
        }
        String status = ReturnToDraft.afterChangeTo(r.status()).to();
        responses.rewrite(areaId, id, draft.title(), draft.summary(), draft.weDid(), draft.easyRead(),
                draft.themes().toArray(String[]::new), draft.from(), draft.to(), draft.aims(),
                loop.families(areaId, draft.citations()), status);
        responses.clearCitations(areaId, id);
        cite(areaId, id, draft.citations());
        if (r.published()) {
            int revision = r.revision() + 1;
            publishRevision(commissioner, responses.find(areaId, id).orElseThrow(), revision, changeNote);
        }
        audit.record(areaId, commissioner.uid(), "response.edit", null, null, Map.of("response", id.toString(),
                "status", status));
        return assembler.view(responses.find(areaId, id).orElseThrow(), true);
    }

    @Transactional
    public ResponseView submit(Caller caller, String areaId, UUID id, StepRequest request) {
        CurrentUser commissioner = access.require(caller, areaId, Role.COMMISSIONER);
        ResponseRow r = locked(areaId, id, request.version());
        requireState(r, "be sent for sign-off", ResponseRow.DRAFT, ResponseRow.CHANGES_REQUESTED);
        return step(commissioner, r, ResponseRow.AWAITING_SIGN_OFF, "submitted", comment(request, false));
    }

    @Transactional
    public ResponseView signOff(Caller caller, String areaId, UUID id, StepRequest request) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        ResponseRow r = locked(areaId, id, request.version());
        requireState(r, "be signed off", ResponseRow.AWAITING_SIGN_OFF);
        return step(lead, r, ResponseRow.SIGNED_OFF, "signed_off", comment(request, false));
    }

    @Transactional
    public ResponseView sendBack(Caller caller, String areaId, UUID id, StepRequest request) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        ResponseRow r = locked(areaId, id, request.version());
        requireState(r, "be sent back", ResponseRow.AWAITING_SIGN_OFF);
        return step(lead, r, ResponseRow.CHANGES_REQUESTED, "sent_back", comment(request, true));
    }

    @Transactional
    public ResponseView publish(Caller caller, String areaId, UUID id, StepRequest request) {
        CurrentUser commissioner = access.require(caller, areaId, Role.COMMISSIONER);
        ResponseRow r = locked(areaId, id, request.version());
        requireState(r, "be published (the forum signs it off first)", ResponseRow.SIGNED_OFF);
        publishRevision(commissioner, r, 1, null);
        audit.record(areaId, commissioner.uid(), "response.publish", null, null, Map.of("response", id.toString()));
        return assembler.view(responses.find(areaId, id).orElseThrow(), true);
    }

    @Transactional
    public ResponseView get(Caller caller, String areaId, UUID id) {
        CurrentUser me = access.member(caller, areaId);
        ResponseRow r = responses.find(areaId, id).filter(x -> x.published() || isStaff(me))
                .orElseThrow(() -> notFound(id));
        return assembler.view(r, isStaff(me));
    }

    /** The feed: published responses for everyone; a working state for staff who ask for it. */
    @Transactional
    public Page<ResponseSummary> list(Caller caller, String areaId, @Nullable String status, @Nullable String theme,
                               @Nullable String cursor, int limit) {
        boolean working = status != null && !ResponseRow.PUBLISHED.equals(status);
        CurrentUser me = working ? access.require(caller, areaId, STAFF) : access.member(caller, areaId);
        Cursors.Listing listing = cursors.listing(me.uid(), "responses", areaId, status == null ? "" : status,
                theme == null ? "" : theme);
        Cursor after = listing.after(cursor);
        Instant beforeAt = after == null ? END_OF_TIME : after.at();
        UUID beforeId = after == null ? new UUID(-1L, -1L) : after.id();
        List<ResponseRow> rows = working ? responses.working(areaId, status, theme, beforeAt, beforeId, limit + 1)
                : responses.feed(areaId, theme, beforeAt, beforeId, limit + 1);
        Map<UUID, ResponseSummary> summaries = assembler.summaries(areaId, rows).stream()
                .collect(Collectors.toMap(ResponseSummary::id, Function.identity()));
        return listing.page(rows, limit, r -> new Cursor(working ? r.createdAt() : r.publishedAt(), r.id()),
                r -> summaries.get(r.id()));
    }

    @Transactional
    ResponseViews.Revisions revisions(Caller caller, String areaId, UUID id) {
        CurrentUser me = access.member(caller, areaId);
        responses.find(areaId, id).filter(x -> x.published() || isStaff(me)).orElseThrow(() -> notFound(id));
        return new ResponseViews.Revisions(responses.revisions(areaId, id).stream().map(v -> new ResponseViews.RevisionView(
                v.revision(), v.publishedAt(), v.changeNote(), v.title(), v.summary(), v.weDid(), v.easyRead())).toList());
    }

    /**
     * What the response may cite, as a commissioner chooses: the words families published on its
     * themes in its period, and those it cites now, each as the public may read them, with the group
     * it is cited in ({@code 0} alone, {@code null} not cited). Only these pass {@link #citations}.
     */
    @Transactional
    public List<ResponseViews.Citable> citable(Caller caller, String areaId, UUID id) {
        access.require(caller, areaId, Role.COMMISSIONER);
        ResponseRow r = responses.find(areaId, id).orElseThrow(() -> notFound(id));
        Map<String, Citation> cited = responses.citations(areaId, id).stream()
                .collect(Collectors.toMap(c -> c.contentType().value() + c.contentId(), c -> c, (a, b) -> a));
        Instant from = r.periodFrom().atStartOfDay(ENGLAND).toInstant();
        Instant to = r.periodTo().plusDays(1).atStartOfDay(ENGLAND).toInstant();
        Set<ContentRef> refs = new LinkedHashSet<>();
        words.onThemes(areaId, r.themeList(), from, to).stream().limit(MAX_CITED).forEach(s ->
                refs.add(new ContentRef(areaId, s.contentType(), s.contentId())));
        cited.values().forEach(c -> refs.add(new ContentRef(areaId, c.contentType(), c.contentId())));
        return words.published(areaId, refs).stream()
                .sorted(java.util.Comparator.comparing(PublishedWords.Published::submittedAt))
                .map(p -> {
                    Citation c = cited.get(p.contentType().value() + p.contentId());
                    return new ResponseViews.Citable(p.contentType(), p.contentId(), p.text(),
                            c == null ? null : c.groupNo() == null ? 0 : c.groupNo());
                }).toList();
    }

    /** The quarter's loop figures, for the area's staff. */
    public LoopMetrics loopMetrics(Caller caller, String areaId, String quarter) {
        access.require(caller, areaId, STAFF);
        return metrics.metrics(areaId, quarter);
    }

    /** The response for staff to read (the readability check), in any state. */
    @Transactional
    ResponseRow forStaff(Caller caller, String areaId, UUID id) {
        access.require(caller, areaId, STAFF);
        return responses.find(areaId, id).orElseThrow(() -> notFound(id));
    }

    private void publishRevision(CurrentUser by, ResponseRow r, int revision, @Nullable String changeNote) {
        Instant at = now();
        responses.revise(r.areaId(), r.id(), revision, r.title(), r.summary(), r.weDid(), r.easyRead(), changeNote, by.uid(), at);
        int reached = loop.reach(r);
        responses.published(r.areaId(), r.id(), revision, reached, at);
        Map<String, ThemeNames.Named> names = themeNames.of(r.areaId());
        String themes = String.join(", ", r.themeList().stream()
                .map(t -> names.containsKey(t) ? names.get(t).name() : t).toList());
        // Told once per response: a member an edit reaches for the first time hears of it then.
        loop.tell(r, "response:" + r.id() + ":published", "You said, we did",
                "There is an answer to what families said about " + themes + ": " + r.title(),
                Map.of("kind", "response", "event", "published", "responseId", r.id().toString(), "areaId", r.areaId()),
                by.uid());
    }

    private ResponseView step(CurrentUser by, ResponseRow r, String status, String decision, @Nullable String comment) {
        responses.step(r.areaId(), r.id(), status);
        responses.recordSignOff(r.areaId(), r.id(), decision, comment, by.uid(), now());
        audit.record(r.areaId(), by.uid(), "response." + decision, null, null, Map.of("response", r.id().toString()));
        return assembler.view(responses.find(r.areaId(), r.id()).orElseThrow(), true);
    }

    ResponseRow locked(String areaId, UUID id, @Nullable Integer version) {
        if (version == null) {
            throw invalid("Send the version of the response you were shown.", "version");
        }
        ResponseRow r = responses.lock(areaId, id).orElseThrow(() -> notFound(id));
        if (r.version() != version) {
            throw new ProblemException(ResponseProblem.VERSION_CONFLICT, "The response is at version " + r.version()
                    + " now; you were shown version " + version + ". Read it again before changing it.",
                    Map.of("version", Integer.toString(r.version())));
        }
        return r;
    }

    private static void requireState(ResponseRow r, String what, String... allowed) {
        if (!Set.of(allowed).contains(r.status())) {
            throw new ProblemException(ResponseProblem.WRONG_STATE, "A response that is " + r.status().replace('_', ' ')
                    + " cannot " + what + ".", Map.of("status", r.status()));
        }
    }

    private static @Nullable String comment(StepRequest request, boolean required) {
        if (request.comment() == null || FamilyText.isBlank(request.comment())) {
            if (required) {
                throw invalid("Tell the commissioner what to change (comment).", "comment");
            }
            return null;
        }
        return FamilyText.accepted(request.comment(), 2000).orElseThrow(() ->
                invalid("A comment has 1 to 2000 visible characters.", "comment"));
    }

    private void cite(String areaId, UUID id, List<Citation> citations) {
        citations.forEach(c -> responses.cite(areaId, id, c.contentType(), c.contentId(), c.groupNo()));
    }

    /** A request, checked: texts, themes of the area, a period, published words only, the area's own outcomes. */
    private record Draft(String title, String summary, String weDid, @Nullable String easyRead, List<String> themes,
                         LocalDate from, LocalDate to, List<Citation> citations, Aims aims) {
    }

    private Draft checked(String areaId, ResponseRequest request) {
        String title = text(request.title(), "title", 200);
        String summary = text(request.summary(), "summary", 2000);
        String weDid = text(request.weDid(), "weDid", 4000);
        String easyRead = request.easyRead() == null || FamilyText.isBlank(request.easyRead()) ? null
                : text(request.easyRead(), "easyRead", 2000);
        List<String> themes = themes(areaId, request.themes());
        LocalDate from = request.from();
        LocalDate to = request.to();
        LocalDate today = LocalDate.now(clock.withZone(ENGLAND));
        if (from == null || to == null || from.isAfter(to) || from.isBefore(EARLIEST) || to.isAfter(today)) {
            throw invalid("Give the period the response answers: from and to, from 2010 to today, from before to.", "from");
        }
        List<Citation> citations = citations(areaId, request);
        Map<UUID, OutcomeFramework.OutcomeRef> outcomes = framework.outcomes(areaId);
        java.util.Set<UUID> indicators = framework.indicatorIds(areaId);
        List<UUID> aimedOutcomes = distinct(request.outcomes(), 20, "outcomes");
        List<UUID> aimedIndicators = distinct(request.indicators(), 20, "indicators");
        aimedOutcomes.stream().filter(o -> !outcomes.containsKey(o)).findFirst().ifPresent(o -> {
            throw invalid("The area has no outcome " + o + ".", "outcomes");
        });
        aimedIndicators.stream().filter(i -> !indicators.contains(i)).findFirst().ifPresent(i -> {
            throw invalid("The area has no indicator " + i + ".", "indicators");
        });
        return new Draft(title, summary, weDid, easyRead, themes, from, to, citations, new Aims(aimedOutcomes, aimedIndicators));
    }

    private List<String> themes(String areaId, @Nullable List<String> requested) {
        if (requested == null || requested.isEmpty() || requested.size() > 10) {
            throw invalid("Name 1 to 10 of the area's themes the response answers.", "themes");
        }
        Map<String, ThemeNames.Named> known = themeNames.of(areaId);
        for (String t : requested) {
            ThemeNames.Named named = t == null ? null : known.get(t);
            if (named == null || !named.active()) {
                throw invalid("'" + t + "' is not one of the area's themes.", "themes");
            }
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    private List<Citation> citations(String areaId, ResponseRequest request) {
        List<Citation> citations = new ArrayList<>();
        List<ResponseViews.CitedGroupRequest> groups = request.groups() == null ? List.of() : request.groups();
        if (groups.size() > 20) {
            throw invalid("Cite at most 20 groups.", "groups");
        }
        for (int g = 0; g < groups.size(); g++) {
            List<ResponseViews.ContentRefRequest> members = groups.get(g) == null || groups.get(g).members() == null
                    ? List.of() : groups.get(g).members();
            if (members.size() < 2 || members.size() > MAX_CITED) {
                throw invalid("A group cites 2 to 200 texts.", "groups");
            }
            for (ResponseViews.ContentRefRequest m : members) {
                if (m == null || m.contentId() == null || m.contentType() == null || !LoopService.isContentType(m.contentType())) {
                    throw invalid("Name each text of a group by contentType (comment or survey_answer) and contentId.", "groups");
                }
                citations.add(new Citation(ContentType.fromValue(m.contentType()).orElseThrow(), m.contentId(), g + 1));
            }
        }
        distinct(request.comments(), MAX_CITED, "comments").forEach(id ->
                citations.add(new Citation(ContentType.COMMENT, id, null)));
        distinct(request.answers(), MAX_CITED, "answers").forEach(id ->
                citations.add(new Citation(ContentType.SURVEY_ANSWER, id, null)));
        // A text cited twice (alone and in a group) is cited once, in its group.
        Set<String> seen = new HashSet<>();
        List<Citation> unique = citations.stream().filter(c -> seen.add(c.contentType().value() + c.contentId())).toList();
        Set<String> published = words.published(areaId, unique.stream().map(c -> new ContentRef(areaId,
                        c.contentType(), c.contentId())).toList())
                .stream().map(p -> p.contentType().value() + p.contentId()).collect(Collectors.toSet());
        unique.stream().filter(c -> !published.contains(c.contentType().value() + c.contentId())).findFirst().ifPresent(c -> {
            throw new ProblemException(ResponseProblem.CITATION_INVALID, "The " + c.contentType().value().replace('_', ' ') + " "
                    + c.contentId() + " is not published in this area: only words a forum lead published can be cited "
                    + "(a survey answer only with its family's consent to be quoted).",
                    Map.of(c.contentType().value(), c.contentId().toString()));
        });
        return unique;
    }

    private static List<UUID> distinct(@Nullable List<UUID> ids, int max, String field) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > max || ids.stream().anyMatch(java.util.Objects::isNull)) {
            throw invalid("Give at most " + max + " " + field + ", each an id.", field);
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    static boolean isStaff(CurrentUser me) {
        return !me.role().isFamilyVoice();
    }

    static String text(@Nullable String value, String field, int max) {
        return FamilyText.accepted(value, max).orElseThrow(() ->
                invalid("Give " + field + " as 1 to " + max + " visible characters.", field));
    }

    static ProblemException invalid(String detail, String field) {
        return new ProblemException(ResponseProblem.INVALID, detail, Map.of(field, detail));
    }

    static ProblemException notFound(UUID id) {
        return new ProblemException(ResponseProblem.NOT_FOUND, "The area has no response " + id + " you may see.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
