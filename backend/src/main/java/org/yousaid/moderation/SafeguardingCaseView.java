package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.yousaid.content.ContentType;

/**
 * A safeguarding case as a forum lead sees it: the flagged text (null when its author withdrew it
 * or it is gone), with what tagging found, and who handled it with what note.
 */
@Serdeable
public record SafeguardingCaseView(ContentType contentType, UUID contentId, String status, int criticality, Instant flaggedAt,
                            @Nullable Instant escalatedAt, @Nullable String escalatedBy, @Nullable String escalatedTo,
                            @Nullable String escalationNote, @Nullable Instant handledAt, @Nullable String handledBy,
                            @Nullable String handlingNote, @Nullable ReviewItem content) {

    static SafeguardingCaseView of(SafeguardingCase c, @Nullable ReviewItem content) {
        return new SafeguardingCaseView(c.contentType(), c.contentId(), c.status(), c.criticality(), c.flaggedAt(),
                c.escalatedAt(), c.escalatedBy(), c.escalatedTo(), c.escalationNote(), c.handledAt(), c.handledBy(),
                c.handlingNote(), content);
    }
}
