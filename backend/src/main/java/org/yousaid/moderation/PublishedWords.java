package org.yousaid.moderation;

import org.yousaid.content.ContentSources;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yousaid.content.ContentRef;
import org.yousaid.content.ContentType;

/**
 * Families' words as the public may see them: only what a forum lead published, in the words they
 * approved, and only words their author let be shown (a survey answer needs its family's consent to
 * be quoted; one approved before families were asked has none). "You said, we did" cites nothing
 * else. Checks nothing about the caller's role.
 */
@Singleton
public final class PublishedWords {

    /** A published text with its themes (after the forum's corrections). */
    @Introspected
    public record Published(ContentType contentType, UUID contentId, String text,
                            @TypeDef(type = DataType.STRING_ARRAY) String[] themes, Instant submittedAt) {
    }

    @Introspected
    public record Spoken(ContentType contentType, UUID contentId) {
    }

    private final PublishedWordsRepository words;
    private final ContentSources contents;

    PublishedWords(PublishedWordsRepository words, ContentSources contents) {
        this.words = words;
        this.contents = contents;
    }

    /** Those of {@code refs} that are published now and may be shown to everyone. */
    public List<Published> published(String areaId, Collection<ContentRef> refs) {
        List<Published> found = new ArrayList<>();
        refs.stream().collect(Collectors.groupingBy(ContentRef::type, Collectors.mapping(ContentRef::id, Collectors.toSet())))
                .forEach((type, ids) -> {
                    Set<UUID> quotable = quotable(areaId, type, ids);
                    words.published(areaId, type, ids).stream()
                            .filter(p -> quotable.contains(p.contentId())).forEach(found::add);
                });
        return found;
    }

    private Set<UUID> quotable(String areaId, ContentType type, Set<UUID> ids) {
        return contents.of(type).quotable(areaId, ids);
    }

    /** Words tagged with any of {@code themes} that families submitted in [from, to) and still stand. */
    public List<Spoken> onThemes(String areaId, Collection<String> themes, Instant from, Instant to) {
        return words.onThemes(areaId, themes.toArray(String[]::new), from, to);
    }
}
