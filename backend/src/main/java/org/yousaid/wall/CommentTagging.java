package org.yousaid.wall;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.tagging.TaggableContent;

/** Wall comments as tagging reads them; tagging queues them from the wall's ContentSubmitted. */
@Singleton
final class CommentTagging implements TaggableContent {

    private final CommentRepository comments;

    CommentTagging(CommentRepository comments) {
        this.comments = comments;
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
