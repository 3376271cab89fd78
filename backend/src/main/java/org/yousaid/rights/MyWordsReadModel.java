package org.yousaid.rights;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yousaid.content.Answered;
import org.yousaid.content.ContentType;
import org.yousaid.content.MyWords;
import org.yousaid.content.ReviewStatus;
import org.yousaid.content.Signpost;
import org.yousaid.moderation.ReviewStatuses;
import org.yousaid.moderation.Signposting;
import org.yousaid.response.WhatHappened;

/**
 * "My words": what an author sees beside their own texts, gathered from the features that decide
 * it (moderation's review and signposting, the responses that reached them), above the content
 * features that show it, so the arrows point from consumers to producers.
 */
@Singleton
final class MyWordsReadModel implements MyWords {

    private final ReviewStatuses reviews;
    private final Signposting signposting;
    private final WhatHappened whatHappened;

    MyWordsReadModel(ReviewStatuses reviews, Signposting signposting, WhatHappened whatHappened) {
        this.reviews = reviews;
        this.signposting = signposting;
        this.whatHappened = whatHappened;
    }

    @Override
    public Map<UUID, Fate> of(String areaId, String uid, ContentType type, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ReviewStatus> statuses = reviews.of(areaId, type, ids);
        Map<UUID, Signpost> signposts = signposting.forContents(areaId, type, ids);
        Map<UUID, List<Answered>> answered = whatHappened.to(areaId, uid, type, ids);
        Map<UUID, Fate> fates = new HashMap<>();
        for (UUID id : ids) {
            fates.put(id, new Fate(statuses.get(id), signposts.get(id), answered.getOrDefault(id, List.of())));
        }
        return fates;
    }
}
