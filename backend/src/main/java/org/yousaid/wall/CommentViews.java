package org.yousaid.wall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.Answered;
import org.yousaid.content.MyWords;
import org.yousaid.content.ReviewStatus;
import org.yousaid.content.Signpost;

/** The ways a comment is seen: by its author and on the wall. */
final class CommentViews {

    private CommentViews() {
    }

    @Serdeable
    record PostCommentRequest(@Nullable String body) {
    }

    /**
     * The author's view: their own words and what happened to them ({@code view} is "own"); the
     * reason is why it was rejected or what a forum lead asked them to change; {@code signposting}
     * is where to turn now when what they wrote raised a safeguarding concern.
     */
    @Serdeable
    record OwnComment(String view, UUID id, String areaId, @Nullable String body, @Nullable String publishedBody,
                      String status, Instant submittedAt, @Nullable Instant decidedAt, @Nullable String reason,
                      @Nullable Instant withdrawnAt, @Nullable Signpost signposting,
                      List<Answered> whatHappened) {

        static OwnComment of(Comment c, MyWords.Fate fate) {
            ReviewStatus review = fate.review();
            String status = c.isWithdrawn() ? "withdrawn" : review == null ? ReviewStatus.PENDING_REVIEW : review.state();
            return new OwnComment("own", c.id(), c.areaId(), c.body(), c.publishedBody(), status, c.submittedAt(),
                    review == null ? null : review.decidedAt(), review == null ? null : review.reason(), c.withdrawnAt(),
                    fate.signposting(), fate.whatHappened());
        }
    }

    /**
     * On the wall: the published text, never the author ({@code view} is "published"), with how many
     * families said "me too" and whether the reader did.
     */
    @Serdeable
    record PublishedComment(String view, UUID id, String areaId, String body, String authorRole, Instant publishedAt,
                            long meToo, boolean meTooMine) {

        static PublishedComment of(Comment c, @Nullable MeTooCount meToo) {
            return new PublishedComment("published", c.id(), c.areaId(), c.publishedBody(), c.authorRole(), c.publishedAt(),
                    meToo == null ? 0 : meToo.voices(), meToo != null && meToo.mine());
        }
    }
}
