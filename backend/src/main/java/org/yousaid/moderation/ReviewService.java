package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.text.Normalizer;
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
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Page;
import org.yousaid.shared.ProblemException;
import org.yousaid.shared.RequestProblem;

/** Forum leads decide what becomes public; every decision is audited with its reason. */
@Singleton
class ReviewService {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);
    static final int MAX_REASON = 500;

    private final AreaAccess access;
    private final AuditLog audit;
    private final Map<String, ReviewableContent> contents;

    ReviewService(AreaAccess access, AuditLog audit, List<ReviewableContent> contents) {
        this.access = access;
        this.audit = audit;
        this.contents = contents.stream().collect(Collectors.toMap(ReviewableContent::contentType, Function.identity()));
    }

    @Transactional
    Page<ReviewItem> queue(Caller caller, String areaId, @Nullable Cursor after, int limit) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        return content("comment").pending(areaId, after, limit);
    }

    @Transactional
    ReviewItem publish(Caller caller, String areaId, String contentType, UUID id, @Nullable String editedBody) {
        CurrentUser moderator = access.require(caller, areaId, Role.FORUM_LEAD);
        ReviewItem item = content(contentType).publish(moderator, id, editedBody);
        audit.record(areaId, moderator.uid(), contentType + ".publish", contentType, id.toString(),
                Map.of("edited", String.valueOf(editedBody != null)));
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
        String text = reason == null ? "" : Normalizer.normalize(reason, Normalizer.Form.NFC).strip();
        boolean control = text.codePoints().anyMatch(cp -> cp != '\n' && Character.getType(cp) == Character.CONTROL);
        int length = text.codePointCount(0, text.length());
        if (text.isEmpty() || length > MAX_REASON || control) {
            throw new ProblemException(ModerationProblem.REASON_INVALID,
                    "Give the author a reason of 1 to " + MAX_REASON + " characters, without control characters.",
                    Map.of("reason", "1 to " + MAX_REASON + " characters"));
        }
        return text;
    }
}
