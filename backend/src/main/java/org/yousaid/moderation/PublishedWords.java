package org.yousaid.moderation;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yousaid.content.ContentRef;

/**
 * Families' words as the public may see them: only what a forum lead published, in the words they
 * approved. "You said, we did" cites nothing else. Checks nothing about the caller's role.
 */
@Singleton
public final class PublishedWords {

    /** A published text with its themes (after the forum's corrections). */
    @Introspected
    public record Published(String contentType, UUID contentId, String text,
                            @TypeDef(type = DataType.STRING_ARRAY) String[] themes, Instant submittedAt) {
    }

    @Introspected
    public record Spoken(String contentType, UUID contentId) {
    }

    private final PublishedWordsRepository words;

    PublishedWords(PublishedWordsRepository words) {
        this.words = words;
    }

    /** Those of {@code refs} that are published now. */
    public List<Published> published(String areaId, Collection<ContentRef> refs) {
        List<Published> found = new ArrayList<>();
        refs.stream().collect(Collectors.groupingBy(r -> r.type().value(), Collectors.mapping(ContentRef::id, Collectors.toSet())))
                .forEach((type, ids) -> found.addAll(words.published(areaId, type, ids)));
        return found;
    }

    /** Words tagged with any of {@code themes} that families submitted in [from, to) and still stand. */
    public List<Spoken> onThemes(String areaId, Collection<String> themes, Instant from, Instant to) {
        return words.onThemes(areaId, themes.toArray(String[]::new), from, to);
    }
}
