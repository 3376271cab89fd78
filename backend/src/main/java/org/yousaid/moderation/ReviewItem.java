package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.ContentType;
import org.yousaid.tagging.TaggingViews.ContentAnalysis;

/**
 * Something a family wrote, as a moderator sees it: the raw text, what tagging proposed, the review
 * state, the approved text with its redactions, the themes (a forum lead's correction once made,
 * otherwise the tagger's), who holds it at which version (send the version
 * back with every action), and whether its words may be shown to everyone once published (a survey
 * answer only with its family's consent to be quoted). Never shown to families.
 */
@Serdeable
public record ReviewItem(
        ContentType contentType,
        UUID id,
        String areaId,
        @Nullable String body,
        @Nullable String publishedBody,
        List<Redaction> redactions,
        List<String> themes,
        String authorRole,
        String status,
        Instant submittedAt,
        @Nullable Instant decidedAt,
        @Nullable String reason,
        int version,
        @Nullable String claimedBy,
        @Nullable Instant claimedUntil,
        @Nullable ContentAnalysis analysis,
        boolean quotable) {

    static ReviewItem of(ModerationItem i, @Nullable String body, @Nullable ContentAnalysis analysis, boolean quotable) {
        return new ReviewItem(i.contentType(), i.contentId(), i.areaId(), body, i.moderatedText(),
                i.redactions() == null ? List.of() : i.redactions(), i.themes() == null ? List.of() : List.of(i.themes()),
                i.authorRole(), i.state(), i.submittedAt(),
                i.decidedAt(), i.reason(), i.version(), i.claimedBy(), i.claimedUntil(), analysis,
                quotable);
    }
}
