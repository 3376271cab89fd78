package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** Something a family wrote, as a moderator sees it: raw text included. Never shown to families. */
@Serdeable
public record ReviewItem(
        String contentType,
        UUID id,
        String areaId,
        String body,
        @Nullable String publishedBody,
        String authorRole,
        String status,
        Instant submittedAt,
        @Nullable Instant decidedAt,
        @Nullable String rejectionReason) {
}
