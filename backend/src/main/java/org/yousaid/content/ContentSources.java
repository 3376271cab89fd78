package org.yousaid.content;

import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every {@link ContentSource} by its type; starting without one for a type fails, so no kind of text is forgotten. */
@Singleton
public final class ContentSources {

    private final Map<ContentType, ContentSource> byType;

    ContentSources(List<ContentSource> sources) {
        this.byType = new EnumMap<>(sources.stream().collect(Collectors.toMap(ContentSource::type, s -> s)));
        List<ContentType> missing = Arrays.stream(ContentType.values()).filter(t -> !byType.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No content source for " + missing);
        }
    }

    public ContentSource of(ContentType type) {
        return byType.get(type);
    }

    public Collection<ContentSource> all() {
        return byType.values();
    }
}
