package org.yousaid.wall;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.tagging.TaggableContent;
import org.yousaid.tagging.TaggingQueue;

/**
 * Wall comments as tagging sees them. The job is queued synchronously in the posting transaction,
 * so a comment is never stored without its tagging job (and never waits for it).
 */
@Singleton
final class CommentTagging implements TaggableContent {

    private final CommentRepository comments;
    private final TaggingQueue queue;

    CommentTagging(CommentRepository comments, TaggingQueue queue) {
        this.comments = comments;
        this.queue = queue;
    }

    @EventListener
    void onSubmitted(CommentSubmitted event) {
        queue.submitted(event.areaId(), contentType(), event.commentId());
    }

    @EventListener
    void onWithdrawn(CommentWithdrawn event) {
        queue.withdrawn(event.areaId(), contentType(), event.commentId());
    }

    @Override
    public String contentType() {
        return "comment";
    }

    @Override
    public Optional<String> text(String areaId, UUID id) {
        return comments.find(areaId, id).map(Comment::body);
    }

    @Override
    public List<UUID> taggable(String areaId) {
        return comments.withText(areaId).stream().map(Comment::id).toList();
    }
}
