package org.yousaid.wall;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.yousaid.content.ContentPublished;
import org.yousaid.content.ContentSource;
import org.yousaid.content.ContentType;

/**
 * Wall comments as every other feature reads them, and the wall's side of a decision: when a
 * comment is published, the wall shows exactly the approved text. No other feature calls into the
 * wall otherwise.
 */
@Singleton
final class CommentSource implements ContentSource {

    private final CommentRepository comments;
    private final MeTooRepository meToos;
    private final CommentVoices voices;

    CommentSource(CommentRepository comments, MeTooRepository meToos, CommentVoices voices) {
        this.comments = comments;
        this.meToos = meToos;
        this.voices = voices;
    }

    @Override
    public ContentType type() {
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

    @Override
    public List<UUID> withText(String areaId) {
        return comments.withText(areaId).stream().map(Comment::id).toList();
    }

    /** A comment is written for the wall: published, it is everyone's to read. */
    @Override
    public Set<UUID> quotable(String areaId, Collection<UUID> ids) {
        return Set.copyOf(ids);
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
    public List<Voice> voices(String areaId, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : voices.voiceRows(areaId, ids).stream()
                .map(r -> new Voice(r.contentId(), r.uid(), r.author())).toList();
    }

    @Override
    public List<Authored> authoredBy(String areaId, String uid) {
        return comments.allByAuthor(areaId, uid).stream().map(c -> {
            Map<String, Object> about = new LinkedHashMap<>();
            if (c.publishedAt() != null) {
                about.put("publishedAt", c.publishedAt());
            }
            return new Authored(c.id(), c.isWithdrawn() ? "withdrawn" : "submitted", c.authorRole(), c.submittedAt(),
                    c.body(), c.publishedBody(), c.withdrawnAt(), null, about);
        }).toList();
    }

    @Override
    public List<Seconded> secondedBy(String areaId, String uid) {
        return meToos.byVoice(areaId, uid).stream().map(m -> new Seconded(m.commentId(), m.createdAt())).toList();
    }

    @Override
    public List<UUID> erase(String areaId, String uid, Instant at) {
        meToos.removeAllBy(areaId, uid);
        return comments.eraseAuthor(areaId, uid, at);
    }

    @Override
    public List<UUID> purgeWords(String areaId, Collection<UUID> ids, Instant at) {
        return ids.isEmpty() ? List.of() : comments.purgeWords(areaId, ids, at);
    }

    @EventListener
    void onPublished(ContentPublished event) {
        if (event.ref().type() == ContentType.COMMENT) {
            comments.published(event.ref().areaId(), event.ref().id(), event.text(), event.publishedAt());
        }
    }
}
