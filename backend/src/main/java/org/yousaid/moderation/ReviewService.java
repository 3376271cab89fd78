package org.yousaid.moderation;

import org.yousaid.content.ContentSource;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.area.AreaAccess;
import org.yousaid.area.MemberRoleChanged;
import org.yousaid.content.ContentErased;
import org.yousaid.content.ContentPublished;
import org.yousaid.content.ContentSubmitted;
import org.yousaid.content.ContentType;
import org.yousaid.content.ContentWithdrawn;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.FamilyText;
import org.yousaid.shared.Page;
import org.yousaid.shared.ProblemException;
import org.yousaid.tagging.ContentTagged;
import org.yousaid.tagging.Tags;
import org.yousaid.tagging.TaggingService;
import org.yousaid.tagging.TaggingViews.ContentAnalysis;

/**
 * The review desk: forum leads decide what becomes public (a survey answer "published" is approved
 * for quoting, which its family must have agreed to: see {@link org.yousaid.content.ContentSource#quotable}).
 * Moderation keeps the decision, the approved text and its redactions; content features only listen.
 * Two forum leads cannot act on one item at once: a claim with an expiry, and every action names the
 * version it was shown (409 otherwise).
 */
@Singleton
public class ReviewService {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);
    static final int MAX_REASON = 500;
    static final int MAX_TEXT = 2000;
    public static final Duration CLAIM = Duration.ofMinutes(10);

    /** The filters of the normal queue; null means any. */
    public record QueueFilter(@Nullable String source, @Nullable String theme, @Nullable Boolean flagged, @Nullable Integer sentiment) {
    }

    private final AreaAccess access;
    private final ModerationItemRepository items;
    private final SafeguardingService safeguarding;
    private final TaggingService tagging;
    private final AuditLog audit;
    private final Cursors cursors;
    private final Clock clock;
    private final ApplicationEventPublisher<ContentPublished> published;
    private final ReviewViews views;
    private final TaxonomyService taxonomy;

    ReviewService(AreaAccess access, ModerationItemRepository items, SafeguardingService safeguarding,
                  TaggingService tagging, AuditLog audit, Cursors cursors, Clock clock,
                  ApplicationEventPublisher<ContentPublished> published, ReviewViews views, TaxonomyService taxonomy) {
        this.taxonomy = taxonomy;
        this.access = access;
        this.items = items;
        this.safeguarding = safeguarding;
        this.tagging = tagging;
        this.audit = audit;
        this.cursors = cursors;
        this.clock = clock;
        this.published = published;
        this.views = views;
    }

    @EventListener
    void onSubmitted(ContentSubmitted event) {
        items.submitted(event.ref().areaId(), event.ref().type(), event.ref().id(), event.authorRole(),
                event.submittedAt());
    }

    @EventListener
    void onWithdrawn(ContentWithdrawn event) {
        items.withdrawn(event.ref().areaId(), event.ref().type(), event.ref().id());
    }

    @EventListener
    void onErased(ContentErased event) {
        ContentType type = event.ref().type();
        switch (event.why()) {
            case FAMILY_REQUEST -> items.erased(event.ref().areaId(), type, event.ref().id());
            case RETENTION -> items.expired(event.ref().areaId(), type, event.ref().id());
        }
        items.forgetCorrection(event.ref().areaId(), type, event.ref().id());
    }

    /** A claim is a forum lead's power: it ends with the role, not 10 minutes later. */
    @EventListener
    void onRoleChanged(MemberRoleChanged event) {
        if (event.to() != Role.FORUM_LEAD) {
            int released = items.releaseAllOf(event.areaId(), event.uid());
            if (released > 0) {
                LOG.info("moderation.claims_ended area={} items={} role={}", event.areaId(), released, event.to().value());
            }
        }
    }

    @EventListener
    void onTagged(ContentTagged event) {
        String areaId = event.ref().areaId();
        Map<String, String> merged = taxonomy.merges(areaId);
        items.tagged(areaId, event.ref().type(), event.ref().id(),
                event.themes().stream().map(t -> merged.getOrDefault(t, t)).distinct().toArray(String[]::new),
                event.sentiment() == null ? null : event.sentiment().shortValue(), event.flagged());
    }

    /** Items waiting for review that no open safeguarding case holds back, oldest first. */
    @Transactional
    public Page<ReviewItem> queue(Caller caller, String areaId, QueueFilter filter, @Nullable String cursor, int limit) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        Cursors.Listing listing = cursors.listing(caller.uid(), "review-queue", areaId, String.valueOf(filter));
        Cursor after = listing.after(cursor);
        List<ModerationItem> rows = items.queue(areaId, after == null ? Instant.EPOCH : after.at(),
                after == null ? new UUID(0, 0) : after.id(), filter.source(), filter.theme(), filter.flagged(),
                filter.sentiment() == null ? null : filter.sentiment().shortValue(), limit + 1);
        Page<ModerationItem> page = listing.page(rows, limit, ModerationItem::position, Function.identity());
        return new Page<>(views.views(areaId, page.items()), page.nextCursor());
    }

    /** Counts of the normal queue by source, theme, flag and sentiment: facet, value, how many. */
    @Transactional
    public Map<String, Map<String, Long>> counts(Caller caller, String areaId) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String facet : List.of("total", "source", "theme", "flagged", "sentiment")) {
            counts.put(facet, new LinkedHashMap<>());
        }
        items.counts(areaId).forEach(c -> counts.get(c.facet()).put(c.value(), c.items()));
        return counts;
    }

    @Transactional
    public ReviewItem item(Caller caller, String areaId, ContentType type, UUID id) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        return view(items.find(areaId, type, id).orElseThrow(ReviewService::notFound));
    }

    @Transactional
    ContentAnalysis analysis(Caller caller, String areaId, ContentType type, UUID id) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        items.find(areaId, type, id).orElseThrow(ReviewService::notFound);
        return tagging.analysis(areaId, type, id);
    }

    /** Holds the item for {@link #CLAIM} so no other forum lead acts on it meanwhile. */
    @Transactional
    public ReviewItem claim(Caller caller, String areaId, ContentType type, UUID id, @Nullable Integer version) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        ModerationItem item = current(lead, type, id, version);
        if (items.claim(areaId, type, id, lead.uid(), now().plus(CLAIM), item.version()) == 0) {
            throw versionConflict();
        }
        return view(items.find(areaId, type, id).orElseThrow());
    }

    @Transactional
    public ReviewItem release(Caller caller, String areaId, ContentType type, UUID id, @Nullable Integer version) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        ModerationItem item = current(lead, type, id, version);
        if (item.claimedBy() != null && items.release(areaId, type, id, item.version()) == 0) {
            throw versionConflict();
        }
        return view(items.find(areaId, type, id).orElseThrow());
    }

    /**
     * Publishes the text with its redactions applied (or a forum lead's rewording). Nothing is
     * published before the analysis has seen it (409 {@code moderation.analysis_pending}); when it
     * failed for good, a person must confirm they read it; a text with an open safeguarding case is
     * never published from here (handle the case first). Publishing again with the same result
     * changes nothing.
     */
    @Transactional
    public ReviewItem publish(Caller caller, String areaId, ContentType type, UUID id, ReviewRequests.Publish request) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        ModerationItem item = current(lead, type, id, request.version());
        String raw = content(type).texts(areaId, List.of(id)).get(id);
        if (item.wordsGone() || raw == null) {
            throw wordsGone(item);
        }
        ContentAnalysis analysis = tagging.analysis(areaId, type, id);
        List<Redaction> redactions;
        String text;
        if (request.publishedBody() != null) {
            text = FamilyText.accepted(request.publishedBody(), MAX_TEXT).orElseThrow(() -> new ProblemException(
                    ModerationProblem.TEXT_INVALID, "Give the text to publish: 1 to " + MAX_TEXT
                            + " characters, without control characters.", Map.of("publishedBody", "1 to " + MAX_TEXT + " characters")));
            redactions = List.of();
        } else {
            List<Tags.Redaction> proposed = analysis.tags() == null ? List.of() : analysis.tags().redactions();
            redactions = Redactions.toApply(raw, request.keepProposed(), request.redactions(), proposed);
            text = Redactions.redacted(raw, redactions);
        }
        if (ModerationItem.PUBLISHED.equals(item.state()) && text.equals(item.moderatedText())) {
            return view(item);
        }
        if (!ModerationItem.PENDING.equals(item.state())) {
            throw new ProblemException(ModerationProblem.ALREADY_DECIDED, "This is already " + item.state() + ".");
        }
        requireAnalysis(item, analysis, Boolean.TRUE.equals(request.safeguardingReviewed()));
        if (safeguarding.caseOf(areaId, type, id).filter(SafeguardingCase::isOpen).isPresent()) {
            throw new ProblemException(ModerationProblem.SAFEGUARDING_REVIEW_REQUIRED,
                    "Tagging flagged this for safeguarding. It is published only after the safeguarding case is handled.");
        }
        // After the safeguarding check: a case to handle matters more than whether the words may be quoted.
        if (!content(type).quotable(areaId, List.of(id)).contains(id)) {
            throw new ProblemException(ModerationProblem.NO_QUOTE_CONSENT, "The family did not agree to have these words "
                    + "quoted, so they cannot be approved for quoting. They still count in the survey's results and themes.");
        }
        Instant now = now();
        decide(lead, item, ModerationItem.PUBLISHED, text, redactions, null, now);
        published.publishEvent(new ContentPublished(item.ref(), text, now));
        return view(items.find(areaId, type, id).orElseThrow());
    }

    @Transactional
    public ReviewItem reject(Caller caller, String areaId, ContentType type, UUID id, ReviewRequests.WithReason request) {
        return decideWithReason(caller, areaId, type, id, request, ModerationItem.REJECTED);
    }

    /** The author is asked to change their text; when they send it again it is reviewed afresh. */
    @Transactional
    public ReviewItem requestChanges(Caller caller, String areaId, ContentType type, UUID id, ReviewRequests.WithReason request) {
        return decideWithReason(caller, areaId, type, id, request, ModerationItem.CHANGES_REQUESTED);
    }

    /**
     * A forum lead corrects the themes tagging gave: the queue follows the person from then on, and
     * the correction is kept, beside what the model said, as a labelled example for the area.
     */
    @Transactional
    public ReviewItem correctThemes(Caller caller, String areaId, ContentType type, UUID id, ReviewRequests.Themes request) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        Set<String> known = taxonomy.activeThemes(areaId);
        // The contract's maxItems counts what was sent, repeats included: a request of 11 is refused, not trimmed.
        List<String> themes = request.themes() == null || request.themes().size() > 10 ? null
                : request.themes().stream().distinct().toList();
        if (themes == null || themes.stream().anyMatch(t -> t == null || !known.contains(t))) {
            throw new ProblemException(ModerationProblem.THEMES_INVALID,
                    "Give up to 10 themes of the area's taxonomy (their ids).", Map.of("themes", "theme ids, at most 10"));
        }
        ModerationItem item = current(lead, type, id, request.version());
        ContentAnalysis analysis = tagging.analysis(areaId, type, id);
        String[] model = analysis.tags() == null ? new String[0]
                : analysis.tags().themes().stream().map(Tags.Theme::theme).toArray(String[]::new);
        items.correctThemes(areaId, type, id, model, analysis.tags() == null ? null : analysis.tags().modelVersion(),
                themes.toArray(String[]::new), lead.uid(), now());
        if (items.setThemes(areaId, type, id, themes.toArray(String[]::new), item.version()) == 0) {
            throw versionConflict();
        }
        audit.record(areaId, lead.uid(), "moderation.correct_themes", type.value(), id.toString(),
                Map.of("before", String.join(",", item.themes()), "after", String.join(",", themes),
                        "model", String.join(",", model)));
        return view(items.find(areaId, type, id).orElseThrow());
    }

    /** Queues the text for tagging again (a new model, or a proposal that looked wrong). */
    @Transactional
    ReviewItem retag(Caller caller, String areaId, ContentType type, UUID id) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        ModerationItem item = items.find(areaId, type, id).orElseThrow(ReviewService::notFound);
        tagging.retagOne(areaId, type, id);
        audit.record(areaId, lead.uid(), "moderation.retag", type.value(), id.toString(), Map.of());
        return view(item);
    }

    /**
     * "Read, not for quoting": a survey answer a forum lead has read leaves the queue without being
     * published (its family may not have agreed to be quoted, or it is not one to quote). It still
     * counts in the survey's results and the area's themes, and reaches its family's "you said, we
     * did". A wall comment is written for the wall: it is published, rejected or sent back instead.
     */
    @Transactional
    public ReviewItem markRead(Caller caller, String areaId, ContentType type, UUID id, @Nullable Integer version) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        ModerationItem item = current(lead, type, id, version);
        if (ModerationItem.READ.equals(item.state())) {
            return view(item);
        }
        if (type != ContentType.SURVEY_ANSWER) {
            throw new ProblemException(ModerationProblem.COMMENT_MUST_BE_DECIDED,
                    "A wall comment is written for the wall: publish it, reject it or ask the family to change it.");
        }
        if (item.wordsGone()) {
            throw wordsGone(item);
        }
        if (!ModerationItem.PENDING.equals(item.state())) {
            throw new ProblemException(ModerationProblem.ALREADY_DECIDED, "This is already " + item.state() + ".");
        }
        decide(lead, item, ModerationItem.READ, null, List.of(), null, now());
        return view(items.find(areaId, type, id).orElseThrow());
    }

    private ReviewItem decideWithReason(Caller caller, String areaId, ContentType type, UUID id,
                                        ReviewRequests.WithReason request, String state) {
        CurrentUser lead = access.require(caller, areaId, Role.FORUM_LEAD);
        String reason = checkReason(request.reason());
        ModerationItem item = current(lead, type, id, request.version());
        if (state.equals(item.state())) {
            return view(item);
        }
        if (item.wordsGone()) {
            throw wordsGone(item);
        }
        if (!ModerationItem.PENDING.equals(item.state())) {
            throw new ProblemException(ModerationProblem.ALREADY_DECIDED, "This is already " + item.state() + ".");
        }
        decide(lead, item, state, null, List.of(), reason, now());
        return view(items.find(areaId, type, id).orElseThrow());
    }

    private void decide(CurrentUser lead, ModerationItem item, String state, @Nullable String text,
                        List<Redaction> redactions, @Nullable String reason, Instant now) {
        if (items.decide(item.areaId(), item.contentType(), item.contentId(), state, text, redactions, reason, now,
                lead.uid(), item.version()) == 0) {
            throw versionConflict();
        }
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("before", item.state());
        detail.put("after", state);
        detail.put("redactions", Integer.toString(redactions.size()));
        audit.record(item.areaId(), lead.uid(), "moderation." + verb(state), item.contentType().value(), item.contentId().toString(), detail);
        LOG.info("moderation.{} area={} {}={}", verb(state), item.areaId(), item.contentType(), item.contentId());
    }

    private static String verb(String state) {
        return switch (state) {
            case ModerationItem.PUBLISHED -> "publish";
            case ModerationItem.REJECTED -> "reject";
            case ModerationItem.READ -> "read";
            default -> "request_changes";
        };
    }

    /** The item as the caller may act on it: not held by another forum lead, and at the version they saw. */
    private ModerationItem current(CurrentUser lead, ContentType type, UUID id, @Nullable Integer version) {
        if (version == null) {
            throw new ProblemException(ModerationProblem.VERSION_REQUIRED,
                    "Send the item's version as you were shown it, so a change made meanwhile is not overwritten.",
                    Map.of("version", "required"));
        }
        ModerationItem item = items.findForUpdate(lead.areaId(), type, id).orElseThrow(ReviewService::notFound);
        if (item.claimedByOtherThan(lead.uid(), now())) {
            throw new ProblemException(ModerationProblem.CLAIMED,
                    "Another forum lead is looking at this until " + item.claimedUntil() + ".");
        }
        if (item.version() != version) {
            throw versionConflict();
        }
        return item;
    }

    private static void requireAnalysis(ModerationItem item, ContentAnalysis analysis, boolean safeguardingReviewed) {
        if (item.tagged()) {
            return;
        }
        if ("failed".equals(analysis.state())) {
            if (!safeguardingReviewed) {
                throw new ProblemException(ModerationProblem.ANALYSIS_FAILED,
                        "Tagging could not analyse this text. Re-tag it, or read it for safeguarding yourself and "
                                + "publish with safeguardingReviewed set to true.");
            }
            return;
        }
        throw new ProblemException(ModerationProblem.ANALYSIS_PENDING,
                "Tagging has not finished with this text yet (redactions and the safeguarding check). "
                        + "Try again in a few seconds.");
    }

    private ReviewItem view(ModerationItem item) {
        return views.view(item);
    }

    private static ProblemException wordsGone(ModerationItem item) {
        return ModerationItem.ERASED.equals(item.state()) || ModerationItem.EXPIRED.equals(item.state())
                ? new ProblemException(ModerationProblem.CONTENT_ERASED, ModerationItem.ERASED.equals(item.state())
                        ? "These words were erased at the family's request."
                        : "These words were kept no longer than the area's retention period allows.")
                : new ProblemException(ModerationProblem.CONTENT_WITHDRAWN, "The author has withdrawn this.");
    }

    private ContentSource content(ContentType type) {
        return views.content(type);
    }

    /** The author reads the reason, so it follows the same text rules as what they wrote. */
    static String checkReason(@Nullable String reason) {
        return FamilyText.accepted(reason, MAX_REASON).orElseThrow(() -> new ProblemException(ModerationProblem.REASON_INVALID,
                "Give the author a reason of 1 to " + MAX_REASON + " characters, without control characters.",
                Map.of("reason", "1 to " + MAX_REASON + " characters")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static ProblemException notFound() {
        return new ProblemException(ModerationProblem.ITEM_NOT_FOUND, "There is no such item to moderate in this area.");
    }

    private static ProblemException versionConflict() {
        return new ProblemException(ModerationProblem.VERSION_CONFLICT,
                "Someone changed this since you read it. Read it again and decide on what is there now.");
    }
}
