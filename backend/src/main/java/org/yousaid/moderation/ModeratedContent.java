package org.yousaid.moderation;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.yousaid.content.ContentType;

/**
 * How moderation reads a family's words (a wall comment, a submitted answer set's free text) to show
 * them to a forum lead; everything else about the review moderation keeps itself. Implementations
 * check nothing about the caller's role.
 */
public interface ModeratedContent {

    ContentType contentType();

    /** The raw text of each of {@code ids} that still has one (withdrawn text is erased), by id. */
    Map<UUID, String> texts(String areaId, Collection<UUID> ids);

    /**
     * Those of {@code ids} whose words may be shown to everyone once published: a wall comment is
     * written for the wall; a survey answer only with its family's consent to be quoted. No default,
     * so a new kind of content decides for itself.
     */
    Set<UUID> quotable(String areaId, Collection<UUID> ids);

    /** How many families said "me too" to each of {@code ids} that has any (content families cannot second: none). */
    default Map<UUID, Integer> meToos(String areaId, Collection<UUID> ids) {
        return Map.of();
    }
}
