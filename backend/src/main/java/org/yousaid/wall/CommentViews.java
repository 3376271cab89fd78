package org.yousaid.wall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.yousaid.moderation.ReviewItem;

/** The three ways a comment is seen: by its author, on the wall, and by a moderator. */
final class CommentViews {

    private CommentViews() {
    }

    @Serdeable
    record PostCommentRequest(@Nullable String body) {
    }

    /** The author's view: their own words and what happened to them ({@code view} is "own"). */
    @Serdeable
    record OwnComment(String view, UUID id, String areaId, @Nullable String body, @Nullable String publishedBody,
                      String status, Instant submittedAt, @Nullable Instant decidedAt, @Nullable String rejectionReason,
                      @Nullable Instant withdrawnAt) {

        static OwnComment of(Comment c) {
            return new OwnComment("own", c.id(), c.areaId(), c.body(), c.publishedBody(), c.status(), c.submittedAt(),
                    c.decidedAt(), c.rejectionReason(), c.withdrawnAt());
        }
    }

    /** On the wall: the published text, never the author ({@code view} is "published"). */
    @Serdeable
    record PublishedComment(String view, UUID id, String areaId, String body, String authorRole, Instant publishedAt) {

        static PublishedComment of(Comment c) {
            return new PublishedComment("published", c.id(), c.areaId(), c.publishedBody(), c.authorRole(), c.decidedAt());
        }
    }

    static ReviewItem reviewItem(Comment c) {
        return new ReviewItem("comment", c.id(), c.areaId(), c.body(), c.publishedBody(), c.authorRole(), c.status(),
                c.submittedAt(), c.decidedAt(), c.rejectionReason());
    }
}
