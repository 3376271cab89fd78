package org.yousaid.moderation;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.ContentType;

/** What other features may read of moderation's records: published words and who spoke on a theme. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PublishedWordsRepository extends GenericRepository<ModerationItem, UUID> {

    @Query("""
            select content_type, content_id, moderated_text as text, themes, submitted_at from moderation_items
            where area_id = :areaId and content_type = :contentType and content_id in (:ids) and state = 'published'""")
    List<PublishedWords.Published> published(String areaId, ContentType contentType, Collection<UUID> ids);

    /** Words still standing (not withdrawn or rejected) tagged with any of {@code themes}, submitted in [from, to). */
    @Query("""
            select content_type, content_id from moderation_items
            where area_id = :areaId and themes && cast(:themes as text[]) and submitted_at >= :from and submitted_at < :to
              and state in ('published', 'pending_review', 'changes_requested', 'read')""")
    List<PublishedWords.Spoken> onThemes(String areaId, @TypeDef(type = DataType.STRING_ARRAY) String[] themes,
                                         Instant from, Instant to);
}
