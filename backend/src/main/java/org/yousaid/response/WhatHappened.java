package org.yousaid.response;

import org.yousaid.content.Answered;
import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yousaid.content.ContentType;

/**
 * "What happened to what I said", beside a family's own comments and answers: the published
 * responses that reached them through each text, newest first, with how far their actions have got.
 * Reads only the caller's own reach; checks nothing else about the caller.
 */
@Singleton
public final class WhatHappened {

    @Introspected
    record Row(UUID contentId, UUID responseId, String title, Instant publishedAt, String how, int actions, int actionsDone) {
    }

    private final LoopRepository loop;

    WhatHappened(LoopRepository loop) {
        this.loop = loop;
    }

    public Map<UUID, List<Answered>> to(String areaId, String uid, ContentType contentType, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return loop.answered(areaId, uid, contentType, ids).stream().collect(Collectors.groupingBy(Row::contentId,
                LinkedHashMap::new, Collectors.mapping(r -> new Answered(r.responseId(), r.title(), r.publishedAt(), r.how(),
                        r.actions(), r.actionsDone()), Collectors.toList())));
    }
}
