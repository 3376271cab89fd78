package org.yousaid.wall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;
import org.yousaid.shared.Cursor;

/**
 * A comment as the wall keeps it: the family's words (erased when withdrawn) and, once a forum lead
 * published it, exactly the text they approved. Its review lives with moderation.
 */
@MappedEntity("comments")
record Comment(
        String areaId,
        @Id UUID id,
        String authorUid,
        String authorRole,
        @Nullable String body,
        @Nullable String publishedBody,
        @Nullable Instant publishedAt,
        UUID idempotencyKey,
        String requestHash,
        Instant submittedAt,
        @Nullable Instant withdrawnAt) {

    /** A comment as it is first stored: not yet published, not withdrawn. */
    static Comment submitted(String areaId, UUID id, String authorUid, String authorRole, String body, UUID idempotencyKey,
                             String requestHash, Instant submittedAt) {
        return new Comment(areaId, id, authorUid, authorRole, body, null, null, idempotencyKey, requestHash, submittedAt, null);
    }

    boolean isBy(String uid) {
        return authorUid.equals(uid);
    }

    boolean isPublished() {
        return publishedBody != null;
    }

    boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    Cursor submittedPosition() {
        return new Cursor(submittedAt, id);
    }

    Cursor publishedPosition() {
        return new Cursor(publishedAt, id);
    }
}
