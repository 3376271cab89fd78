package org.yousaid.moderation;

import org.yousaid.content.ContentSource;
import org.yousaid.content.ContentSources;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yousaid.content.ContentType;
import org.yousaid.tagging.TaggingService;
import org.yousaid.tagging.TaggingViews.ContentAnalysis;

/** Builds what forum leads see of items: moderation's record, the family's words and the analysis, a page at a time. */
@Singleton
final class ReviewViews {

    private final ModerationItemRepository items;
    private final TaggingService tagging;
    private final ContentSources contents;

    ReviewViews(ModerationItemRepository items, TaggingService tagging, ContentSources contents) {
        this.items = items;
        this.tagging = tagging;
        this.contents = contents;
    }

    /** One read of texts and one of analyses per content type, whatever the page's size. */
    List<ReviewItem> views(String areaId, List<ModerationItem> rows) {
        Map<ContentType, List<ModerationItem>> byType = rows.stream().collect(Collectors.groupingBy(i -> i.ref().type()));
        Map<String, ReviewItem> built = new LinkedHashMap<>();
        byType.forEach((type, ofType) -> {
            List<UUID> ids = ofType.stream().map(ModerationItem::contentId).toList();
            Map<UUID, String> texts = content(type).texts(areaId, ids);
            Map<UUID, ContentAnalysis> analyses = tagging.analyses(areaId, type, ids);
            Set<UUID> quotable = content(type).quotable(areaId, ids);
            ofType.forEach(i -> built.put(type.value() + i.contentId(),
                    ReviewItem.of(i, texts.get(i.contentId()), analyses.get(i.contentId()),
                            texts.containsKey(i.contentId()) && quotable.contains(i.contentId()))));
        });
        return rows.stream().map(i -> built.get(i.contentType().value() + i.contentId())).toList();
    }

    ReviewItem view(ModerationItem item) {
        return views(item.areaId(), List.of(item)).get(0);
    }

    Map<UUID, ReviewItem> viewsOf(String areaId, ContentType contentType, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return views(areaId, items.findAll(areaId, contentType, ids)).stream()
                .collect(Collectors.toMap(ReviewItem::id, Function.identity()));
    }

    Optional<ReviewItem> viewOf(String areaId, ContentType contentType, UUID id) {
        return Optional.ofNullable(viewsOf(areaId, contentType, List.of(id)).get(id));
    }

    ContentSource content(ContentType type) {
        return contents.of(type);
    }
}
