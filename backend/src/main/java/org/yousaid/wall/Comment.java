package org.yousaid.wall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;
import org.yousaid.shared.Cursor;

@MappedEntity("comments")
record Comment(
        String areaId,
        @Id UUID id,
        String authorUid,
        String authorRole,
        @Nullable String body,
        @Nullable String publishedBody,
        String status,
        UUID idempotencyKey,
        String requestHash,
        Instant submittedAt,
        @Nullable Instant decidedAt,
        @Nullable String decidedBy,
        @Nullable String rejectionReason,
        @Nullable Instant withdrawnAt) {

    static final String PENDING_REVIEW = "pending_review";
    static final String PUBLISHED = "published";
    static final String REJECTED = "rejected";
    static final String WITHDRAWN = "withdrawn";

    boolean isBy(String uid) {
        return authorUid.equals(uid);
    }

    Cursor submittedPosition() {
        return new Cursor(submittedAt, id);
    }

    Cursor publishedPosition() {
        return new Cursor(decidedAt, id);
    }
}
