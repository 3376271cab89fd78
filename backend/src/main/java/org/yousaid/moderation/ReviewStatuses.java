package org.yousaid.moderation;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yousaid.content.ContentType;
import org.yousaid.content.ReviewStatus;

/**
 * Review states for content features to show authors their own texts' fate. Checks nothing about
 * the caller: the feature has already established it is the author.
 */
@Singleton
public class ReviewStatuses {

    private final ModerationItemRepository items;

    ReviewStatuses(ModerationItemRepository items) {
        this.items = items;
    }

    public Map<UUID, ReviewStatus> of(String areaId, ContentType type, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return items.findAll(areaId, type, ids).stream().collect(Collectors.toMap(ModerationItem::contentId,
                i -> new ReviewStatus(i.state(), i.reason(), i.decidedAt())));
    }
}
