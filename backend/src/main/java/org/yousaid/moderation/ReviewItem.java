package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.yousaid.tagging.TaggingViews.ContentAnalysis;

/**
 * Something a family wrote, as a moderator sees it: raw text included, with what tagging found
 * (redaction spans, themes, sentiment, safeguarding) once it has run. Never shown to families.
 */
@Serdeable
public record ReviewItem(
        String contentType,
        UUID id,
        String areaId,
        @Nullable String body,
        @Nullable String publishedBody,
        String authorRole,
        String status,
        Instant submittedAt,
        @Nullable Instant decidedAt,
        @Nullable String rejectionReason,
        @Nullable ContentAnalysis analysis) {

    public ReviewItem(String contentType, UUID id, String areaId, @Nullable String body, @Nullable String publishedBody,
                      String authorRole, String status, Instant submittedAt, @Nullable Instant decidedAt,
                      @Nullable String rejectionReason) {
        this(contentType, id, areaId, body, publishedBody, authorRole, status, submittedAt, decidedAt, rejectionReason, null);
    }

    ReviewItem withAnalysis(@Nullable ContentAnalysis analysis) {
        return new ReviewItem(contentType, id, areaId, body, publishedBody, authorRole, status, submittedAt, decidedAt,
                rejectionReason, analysis);
    }
}
