package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

final class ReviewRequests {

    private ReviewRequests() {
    }

    /**
     * {@code safeguardingReviewed} must be true to publish content tagging flagged: the forum lead
     * confirms the concern has been looked at (and passed on) before the words go public.
     */
    @Serdeable
    record Publish(@Nullable String publishedBody, @Nullable Boolean safeguardingReviewed) {
    }

    @Serdeable
    record Reject(@Nullable String reason) {
    }

    /** What the forum lead did about a safeguarding case, in their own words (staff only). */
    @Serdeable
    record Handle(@Nullable String note) {
    }
}
