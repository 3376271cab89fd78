package org.yousaid.tagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.ContentType;

/** What moderators and area admins see of tagging. */
public final class TaggingViews {

    private TaggingViews() {
    }

    /**
     * Tagging of one piece of content: {@code state} is that of its newest job ({@code none} before
     * any), {@code tags} the latest results (null until the first job succeeds).
     */
    @Serdeable
    public record ContentAnalysis(ContentType contentType, UUID contentId, String state, @Nullable Instant taggedAt,
                                  @Nullable Tags tags) {
        public boolean flagged() {
            return tags != null && tags.safeguarding().flagged();
        }
    }

    @Serdeable
    public record FailedJob(ContentType contentType, UUID contentId, int attempts, @Nullable String lastError,
                            Instant failedAt) {
    }

    @Serdeable
    public record TaggingStatus(String modelVersion, int queued, int running, int done, int failed,
                                List<FailedJob> failedJobs) {
    }

    @Serdeable
    public record RetagResult(String modelVersion, int queued) {
    }
}
