package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
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

    static final int SAFEGUARDING_QUEUE_LIMIT = 200;

    private final AreaAccess access;
    private final AuditLog audit;
    private final TaggingService tagging;
    private final Map<String, ReviewableContent> contents;

    ReviewService(AreaAccess access, AuditLog audit, TaggingService tagging, List<ReviewableContent> contents) {
        this.access = access;
        this.audit = audit;
        this.tagging = tagging;
        this.contents = contents.stream().collect(Collectors.toMap(ReviewableContent::contentType, Function.identity()));
    }

    @Transactional
    Page<ReviewItem> queue(Caller caller, String areaId, @Nullable Cursor after, int limit) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        Page<ReviewItem> page = content("comment").pending(areaId, after, limit);
        return new Page<>(withAnalyses(areaId, "comment", page.items()), page.nextCursor());
    }

    /**
     * Pending items that tagging flagged for safeguarding, oldest first, so a human looks at them
     * before anything else. Flagged items are never published without an explicit review.
     */
    @Transactional
    List<ReviewItem> safeguardingQueue(Caller caller, String areaId) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        List<UUID> flagged = tagging.flagged(areaId, "comment", SAFEGUARDING_QUEUE_LIMIT);
        return withAnalyses(areaId, "comment", content("comment").pendingAmong(areaId, flagged));
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

    @Transactional
    ReviewItem publish(Caller caller, String areaId, String contentType, UUID id, @Nullable String editedBody,
                       boolean safeguardingReviewed) {
        CurrentUser moderator = access.require(caller, areaId, Role.FORUM_LEAD);
        ReviewableContent content = content(contentType);
        boolean flagged = tagging.isFlagged(areaId, contentType, id);
        if (flagged && !safeguardingReviewed && "pending_review".equals(content.get(areaId, id).status())) {
            throw new ProblemException(ModerationProblem.SAFEGUARDING_REVIEW_REQUIRED,
                    "Tagging flagged this for safeguarding. Follow your safeguarding procedure, then publish with "
                            + "safeguardingReviewed set to true.");
        }
        ReviewItem item = content.publish(moderator, id, editedBody);
        audit.record(areaId, moderator.uid(), contentType + ".publish", contentType, id.toString(),
                Map.of("edited", String.valueOf(editedBody != null), "safeguardingFlagged", String.valueOf(flagged)));
        LOG.info("{}.publish area={} id={}", contentType, areaId, id);
        return item;
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
        String text = reason == null ? "" : FamilyText.clean(reason);
        boolean control = FamilyText.hasRefusedCharacters(text);
        int length = FamilyText.length(text);
        if (text.isEmpty() || length > MAX_REASON || control) {
            throw new ProblemException(ModerationProblem.REASON_INVALID,
                    "Give the author a reason of 1 to " + MAX_REASON + " characters, without control characters.",
                    Map.of("reason", "1 to " + MAX_REASON + " characters"));
        }
        return text;
    }
}
