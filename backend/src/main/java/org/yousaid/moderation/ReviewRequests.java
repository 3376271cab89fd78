package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

final class ReviewRequests {

    private ReviewRequests() {
    }

    @Serdeable
    record Publish(@Nullable String publishedBody) {
    }

    @Serdeable
    record Reject(@Nullable String reason) {
    }
}
