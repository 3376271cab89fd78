package org.yousaid.content;

import io.micronaut.core.annotation.Nullable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an author is shown beside their own words: the review's state and reason, where to turn if
 * what they wrote raised a concern, and what was done about it. Content features show it without
 * knowing moderation or responses; it is implemented once, above them (the "my words" read model).
 * Checks nothing about the caller: the feature has already established {@code uid} is the author.
 */
public interface MyWords {

    /** The fate of each of {@code ids}, by id; one round of queries for a page. */
    Map<UUID, Fate> of(String areaId, String uid, ContentType type, Collection<UUID> ids);

    default Fate of(String areaId, String uid, ContentRef ref) {
        return of(areaId, uid, ref.type(), List.of(ref.id())).getOrDefault(ref.id(), Fate.UNSEEN);
    }

    /** {@code review} is empty until moderation opened the review (in the submitting transaction, so: never for long). */
    record Fate(@Nullable ReviewStatus review, @Nullable Signpost signposting, List<Answered> whatHappened) {
        public static final Fate UNSEEN = new Fate(null, null, List.of());
    }
}
