package org.yousaid.wall;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.yousaid.identity.CurrentUser;
import org.yousaid.moderation.ModerationProblem;
import org.yousaid.moderation.ReviewItem;
import org.yousaid.moderation.ReviewableContent;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.ProblemException;

/** Wall comments as moderation sees them. */
@Singleton
final class CommentReview implements ReviewableContent {

    private final CommentRepository comments;
    private final Clock clock;

    CommentReview(CommentRepository comments, Clock clock) {
        this.comments = comments;
        this.clock = clock;
    }

    @Override
    public String contentType() {
        return "comment";
    }

    @Override
    public List<ReviewItem> pending(String areaId, @Nullable Cursor after, int limit) {
        List<Comment> rows = after == null
                ? comments.pending(areaId, limit)
                : comments.pendingAfter(areaId, after.at(), after.id(), limit);
        return rows.stream().map(CommentViews::reviewItem).toList();
    }

    @Override
    public List<ReviewItem> find(String areaId, java.util.Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : comments.findAmong(areaId, ids).stream().map(CommentViews::reviewItem).toList();
    }

    @Override
    public ReviewItem get(String areaId, UUID id) {
        return comments.find(areaId, id).map(CommentViews::reviewItem).orElseThrow(CommentService::notFound);
    }

    @Override
    public ReviewItem publish(CurrentUser moderator, UUID id, @Nullable String editedBody) {
        Comment comment = lockedComment(moderator, id);
        String text = editedBody == null ? comment.body() : CommentText.normalise(editedBody);
        switch (comment.status()) {
            case Comment.PENDING_REVIEW -> comments.publish(moderator.areaId(), id, text, now(), moderator.uid());
            case Comment.PUBLISHED -> {
                if (editedBody != null && !text.equals(comment.publishedBody())) {
                    throw alreadyDecided(comment);
                }
            }
            case Comment.WITHDRAWN -> throw withdrawn();
            default -> throw alreadyDecided(comment);
        }
        return CommentViews.reviewItem(comments.find(moderator.areaId(), id).orElseThrow());
    }

    @Override
    public ReviewItem reject(CurrentUser moderator, UUID id, String reason) {
        Comment comment = lockedComment(moderator, id);
        switch (comment.status()) {
            case Comment.PENDING_REVIEW -> comments.reject(moderator.areaId(), id, reason, now(), moderator.uid());
            case Comment.REJECTED -> {
                // Rejecting again changes nothing; the first reason stands.
            }
            case Comment.WITHDRAWN -> throw withdrawn();
            default -> throw alreadyDecided(comment);
        }
        return CommentViews.reviewItem(comments.find(moderator.areaId(), id).orElseThrow());
    }

    private Comment lockedComment(CurrentUser moderator, UUID id) {
        return comments.findForUpdate(moderator.areaId(), id).orElseThrow(CommentService::notFound);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException alreadyDecided(Comment comment) {
        return new ProblemException(ModerationProblem.ALREADY_DECIDED, "This comment is already " + comment.status() + ".");
    }

    private static ProblemException withdrawn() {
        return new ProblemException(ModerationProblem.CONTENT_WITHDRAWN, "The author has withdrawn this comment.");
    }
}
