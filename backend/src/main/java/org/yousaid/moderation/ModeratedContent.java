package org.yousaid.moderation;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Any family text moderation shows to a forum lead (a wall comment, a free-text survey answer):
 * enough to read it in the safeguarding queue. Content that can also be published implements
 * {@link ReviewableContent}. Implementations check nothing about the caller's role.
 */
public interface ModeratedContent {

    /** The content type in paths, cases and audit records, e.g. {@code comment}. */
    String contentType();

    /** One item in any state, or a not-found problem. */
    ReviewItem get(String areaId, UUID id);

    /** The items among {@code ids} that exist in the area, in any state and any order. */
    List<ReviewItem> find(String areaId, Collection<UUID> ids);
}
