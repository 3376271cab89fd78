package org.yousaid.content;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a content feature implements, once per {@link ContentType}, so the features that read family
 * text (moderation, tagging, the loop, a family's export and erasure) know it only through this.
 * Implementations check nothing about the caller: the feature calling them already has. Adding a
 * new kind of family text is one enum value, one implementation and one migration.
 */
public interface ContentSource {

    ContentType type();

    /** The raw text of each of {@code ids} that still has one (withdrawn or erased text is gone), by id. */
    Map<UUID, String> texts(String areaId, Collection<UUID> ids);

    default Optional<String> text(String areaId, UUID id) {
        return Optional.ofNullable(texts(areaId, List.of(id)).get(id));
    }

    /** Every id in the area that still has text (to tag again with a new model). */
    List<UUID> withText(String areaId);

    /**
     * Those of {@code ids} whose words may be shown to everyone once published: a wall comment is
     * written for the wall; a survey answer only with its family's consent to be quoted. No default,
     * so a new kind of content decides for itself.
     */
    Set<UUID> quotable(String areaId, Collection<UUID> ids);

    /** How many families said "me too" to each of {@code ids} that has any (content nobody can second: none). */
    default Map<UUID, Integer> meToos(String areaId, Collection<UUID> ids) {
        return Map.of();
    }

    /** Every voice behind each of {@code ids} that still stands: its author and whoever said "me too". */
    List<Voice> voices(String areaId, Collection<UUID> ids);

    /** Everything of this type that {@code uid} wrote in the area, withdrawn or not, oldest first: what their export holds. */
    List<Authored> authoredBy(String areaId, String uid);

    /** The texts {@code uid} seconded ("me too") in the area, with when. */
    default List<Seconded> secondedBy(String areaId, String uid) {
        return List.of();
    }

    /**
     * Erases everything {@code uid} wrote in the area and their "me too"s, in the caller's
     * transaction, and returns the ids whose words went (the caller tells the consumers by
     * {@link ContentErased}). Rows keep their ids and times, so counts and audit trails still add
     * up; no words, no author. Erasing again erases nothing more.
     */
    List<UUID> erase(String areaId, String uid, Instant at);

    /**
     * Removes the words of {@code ids} (a retention period passed), keeping the rows as
     * {@link #erase} does; returns those that had words.
     */
    List<UUID> purgeWords(String areaId, Collection<UUID> ids, Instant at);

    /** {@code author}: wrote it; otherwise said "me too" to it. */
    record Voice(UUID contentId, String uid, boolean author) {
    }

    /**
     * One text as its author holds it: what they wrote (empty once withdrawn), when, when they
     * agreed to be quoted where the kind of text asks for that, and what the
     * feature alone knows about it (a survey answer's survey, structured answers and consent to be
     * quoted), as the export shows it.
     */
    record Authored(UUID id, String status, String authorRole, Instant submittedAt, @Nullable String text,
                    @Nullable String publishedText, @Nullable Instant withdrawnAt, @Nullable Instant quotingAgreedAt,
                    Map<String, Object> about) {
    }

    record Seconded(UUID contentId, Instant at) {
    }
}
