package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.FamilyText;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.Page;
import org.yousaid.shared.ProblemException;
import org.yousaid.shared.RequestProblem;
import org.yousaid.tagging.TaggingService;
import org.yousaid.tagging.TaggingViews.ContentAnalysis;

/** Forum leads decide what becomes public; every decision is audited with its reason. */
@Singleton
class ReviewService {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);
    static final int MAX_REASON = 500;
    private static final String PENDING_REVIEW = "pending_review";

    private final AreaAccess access;
    private final AuditLog audit;
    private final TaggingService tagging;
    private final SafeguardingService safeguarding;
    private final Cursors cursors;
    private final Map<String, ReviewableContent> contents;

    ReviewService(AreaAccess access, AuditLog audit, TaggingService tagging, SafeguardingService safeguarding,
                  Cursors cursors, List<ReviewableContent> contents) {
        this.access = access;
        this.cursors = cursors;
        this.audit = audit;
        this.tagging = tagging;
        this.safeguarding = safeguarding;
        this.contents = contents.stream().collect(Collectors.toMap(ReviewableContent::contentType, Function.identity()));
    }

    @Transactional
    Page<ReviewItem> queue(Caller caller, String areaId, @Nullable String cursor, int limit) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        Cursors.Listing listing = cursors.listing(caller.uid(), "review-queue", areaId);
        Page<ReviewItem> page = listing.page(content("comment").pending(areaId, listing.after(cursor), limit + 1), limit,
                i -> new Cursor(i.submittedAt(), i.id()), Function.identity());
        return new Page<>(withAnalyses(areaId, "comment", page.items()), page.nextCursor());
    }

    @Transactional
    ContentAnalysis analysis(Caller caller, String areaId, String contentType, UUID id) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        content(contentType).get(areaId, id);
        return tagging.analysis(areaId, contentType, id);
    }

    private List<ReviewItem> withAnalyses(String areaId, String contentType, List<ReviewItem> items) {
        Map<UUID, ContentAnalysis> analyses = tagging.analyses(areaId, contentType, items.stream().map(ReviewItem::id).toList());
        return items.stream().map(i -> i.withAnalysis(analyses.get(i.id()))).toList();
    }

    /**
     * Nothing is published before the analysis has seen it: while tagging is pending the answer is
     * 409 {@code moderation.analysis_pending}; when tagging failed for good, a forum lead may publish
     * only by confirming they read it for safeguarding themselves. A flagged text needs its
     * safeguarding case handled, or the review confirmed now (which handles it).
     */
    @Transactional
    ReviewItem publish(Caller caller, String areaId, String contentType, UUID id, @Nullable String editedBody,
                       boolean safeguardingReviewed) {
        CurrentUser moderator = access.require(caller, areaId, Role.FORUM_LEAD);
        ReviewableContent content = content(contentType);
        boolean pending = PENDING_REVIEW.equals(content.get(areaId, id).status());
        ContentAnalysis analysis = tagging.analysis(areaId, contentType, id);
        Optional<SafeguardingCase> openCase = safeguarding.caseOf(areaId, contentType, id).filter(SafeguardingCase::isOpen);
        if (pending) {
            requireAnalysis(analysis, safeguardingReviewed);
            if (openCase.isPresent() && !safeguardingReviewed) {
                throw new ProblemException(ModerationProblem.SAFEGUARDING_REVIEW_REQUIRED,
                        "Tagging flagged this for safeguarding. Follow your safeguarding procedure and handle the case, "
                                + "or publish with safeguardingReviewed set to true.");
            }
        }
        ReviewItem item = content.publish(moderator, id, editedBody);
        if (pending && openCase.isPresent()) {
            safeguarding.closeOnPublish(moderator, openCase.get());
        }
        audit.record(areaId, moderator.uid(), contentType + ".publish", contentType, id.toString(),
                Map.of("edited", String.valueOf(editedBody != null),
                        "safeguardingFlagged", String.valueOf(analysis.flagged() || openCase.isPresent()),
                        "analysis", analysis.state()));
        LOG.info("{}.publish area={} id={}", contentType, areaId, id);
        return item;
    }

    private static void requireAnalysis(ContentAnalysis analysis, boolean safeguardingReviewed) {
        if (analysis.tags() != null) {
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

    @Transactional
    ReviewItem reject(Caller caller, String areaId, String contentType, UUID id, @Nullable String reason) {
        CurrentUser moderator = access.require(caller, areaId, Role.FORUM_LEAD);
        String checkedReason = checkReason(reason);
        ReviewItem item = content(contentType).reject(moderator, id, checkedReason);
        audit.record(areaId, moderator.uid(), contentType + ".reject", contentType, id.toString(), Map.of());
        LOG.info("{}.reject area={} id={}", contentType, areaId, id);
        return item;
    }

    private ReviewableContent content(String contentType) {
        ReviewableContent content = contents.get(contentType);
        if (content == null) {
            throw new ProblemException(RequestProblem.NOT_FOUND, "Nothing of type '" + contentType + "' is reviewed.");
        }
        return content;
    }

    /** The author reads the reason, so it follows the same text rules as what they wrote. */
    static String checkReason(@Nullable String reason) {
        return FamilyText.accepted(reason, MAX_REASON).orElseThrow(() -> new ProblemException(ModerationProblem.REASON_INVALID,
                "Give the author a reason of 1 to " + MAX_REASON + " characters, without control characters.",
                Map.of("reason", "1 to " + MAX_REASON + " characters")));
    }
}
