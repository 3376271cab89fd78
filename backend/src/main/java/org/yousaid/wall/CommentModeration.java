package org.yousaid.wall;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yousaid.content.ContentType;
import org.yousaid.moderation.ContentPublished;
import org.yousaid.moderation.ModeratedContent;

/**
 * Wall comments as moderation reads them, and the wall's side of a decision: when a comment is
 * published, the wall shows exactly the approved text. Moderation never calls into the wall.
 */
@Singleton
final class CommentModeration implements ModeratedContent {

    private final CommentRepository comments;
    private final MeTooRepository meToos;

    CommentModeration(CommentRepository comments, MeTooRepository meToos) {
        this.comments = comments;
        this.meToos = meToos;
    }

    @Override
    public Map<UUID, Integer> meToos(String areaId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // No reader here: "mine" is irrelevant to a forum lead's count.
        return meToos.counts(areaId, ids, "").stream()
                .collect(Collectors.toMap(MeTooCount::commentId, c -> (int) c.voices()));
    }

    @Override
    public ContentType contentType() {
        return ContentType.COMMENT;
    }

    @Override
    public Map<UUID, String> texts(String areaId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return comments.findAmong(areaId, ids).stream().filter(c -> c.body() != null)
                .collect(Collectors.toMap(Comment::id, Comment::body));
    }

    /** A comment is written for the wall: published, it is everyone's to read. */
    @Override
    public Set<UUID> quotable(String areaId, Collection<UUID> ids) {
        return Set.copyOf(ids);
    }

    @EventListener
    void onPublished(ContentPublished event) {
        if (event.ref().type() == ContentType.COMMENT) {
            comments.published(event.ref().areaId(), event.ref().id(), event.text(), event.publishedAt());
        }
    }
}
