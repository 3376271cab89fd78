package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;
import org.yousaid.content.ContentType;
import org.yousaid.shared.Cursor;

/** A flagged text waiting for, or seen by, a person; the key is (area, content type, content id). */
@MappedEntity("safeguarding_cases")
record SafeguardingCase(
        String areaId,
        ContentType contentType,
        @Id UUID contentId,
        String status,
        Instant flaggedAt,
        String modelVersion,
        @Nullable Instant handledAt,
        @Nullable String handledBy,
        @Nullable String handlingNote,
        int criticality,
        @Nullable Instant escalatedAt,
        @Nullable String escalatedBy,
        @Nullable String escalatedTo,
        @Nullable String escalationNote) {

    static final String NEW = "new";
    static final String ESCALATED = "escalated";
    static final String HANDLED = "handled";

    boolean isOpen() {
        return !HANDLED.equals(status);
    }

    Cursor position() {
        return new Cursor(flaggedAt, contentId);
    }
}
