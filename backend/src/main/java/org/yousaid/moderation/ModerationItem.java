package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.ContentRef;
import org.yousaid.content.ContentType;
import org.yousaid.shared.Cursor;

/**
 * Moderation's record of one piece of family text: its review state, what tagging found (to filter
 * the queue), the text a forum lead approved with its redactions, the reason the author is shown,
 * and who holds it (a claim with an expiry) at which version.
 */
@MappedEntity("moderation_items")
record ModerationItem(
        String areaId,
        ContentType contentType,
        @Id UUID contentId,
        String authorRole,
        String state,
        Instant submittedAt,
        boolean tagged,
        @TypeDef(type = DataType.STRING_ARRAY) String[] themes,
        @Nullable Short sentiment,
        boolean flagged,
        @Nullable String moderatedText,
        @TypeDef(type = DataType.JSON) List<Redaction> redactions,
        @Nullable String reason,
        @Nullable Instant decidedAt,
        @Nullable String decidedBy,
        @Nullable String claimedBy,
        @Nullable Instant claimedUntil,
        int version) {

    static final String PENDING = "pending_review";
    static final String PUBLISHED = "published";
    static final String REJECTED = "rejected";
    static final String CHANGES_REQUESTED = "changes_requested";
    static final String WITHDRAWN = "withdrawn";
    static final String ERASED = "erased";
    static final String EXPIRED = "expired";
    static final String READ = "read";

    /** The words are gone: taken back by the author, erased at the family's request, or expired unreviewed. */
    boolean wordsGone() {
        return WITHDRAWN.equals(state) || ERASED.equals(state) || EXPIRED.equals(state);
    }

    ContentRef ref() {
        return new ContentRef(areaId, contentType, contentId);
    }

    boolean claimedByOtherThan(String uid, Instant now) {
        return claimedBy != null && !claimedBy.equals(uid) && claimedUntil != null && claimedUntil.isAfter(now);
    }

    Cursor position() {
        return new Cursor(submittedAt, contentId);
    }
}
