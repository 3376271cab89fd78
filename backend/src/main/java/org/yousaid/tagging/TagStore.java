package org.yousaid.tagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yousaid.content.ContentType;

/** The latest tags per piece of content (one row each, replaced on re-tagging); every statement names the area. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TagStore extends GenericRepository<ContentTag, UUID> {

    record Stored(Tags tags, Instant taggedAt) {
    }

    default void save(String areaId, ContentType contentType, UUID contentId, Tags tags, Instant now) {
        upsert(areaId, contentType, contentId, tags.modelVersion(), tags.themes(), tags.suggestions(),
                tags.sentiment() == null ? null : tags.sentiment().shortValue(),
                tags.sentimentConfidence() == null ? null : tags.sentimentConfidence().floatValue(), tags.redactions(),
                tags.safeguarding().flagged(), tags.safeguarding().reasons(), now);
    }

    @Query("""
            insert into content_tags (area_id, content_type, content_id, model_version, themes, suggested_themes,
                sentiment, sentiment_confidence, redactions, safeguarding_flagged, safeguarding_reasons, tagged_at)
            values (:areaId, :contentType, :contentId, :modelVersion, cast(:themes as jsonb), cast(:suggestions as jsonb),
                :sentiment, :sentimentConfidence, cast(:redactions as jsonb), :flagged, cast(:reasons as jsonb), :taggedAt)
            on conflict (area_id, content_type, content_id) do update set
                model_version = excluded.model_version, themes = excluded.themes,
                suggested_themes = excluded.suggested_themes, sentiment = excluded.sentiment,
                sentiment_confidence = excluded.sentiment_confidence, redactions = excluded.redactions,
                safeguarding_flagged = excluded.safeguarding_flagged,
                safeguarding_reasons = excluded.safeguarding_reasons, tagged_at = excluded.tagged_at""")
    int upsert(String areaId, ContentType contentType, UUID contentId, String modelVersion,
               @TypeDef(type = DataType.JSON) List<Tags.Theme> themes,
               @TypeDef(type = DataType.JSON) List<Tags.Theme> suggestions, @Nullable Short sentiment,
               @Nullable Float sentimentConfidence, @TypeDef(type = DataType.JSON) List<Tags.Redaction> redactions,
               boolean flagged, @TypeDef(type = DataType.JSON) List<Tags.Reason> reasons, Instant taggedAt);

    /** Content withdrawn by its author keeps no tags nor embedding: they stand for words the author took back. */
    default void delete(String areaId, ContentType contentType, UUID contentId) {
        deleteTags(areaId, contentType, contentId);
        deleteEmbedding(areaId, contentType, contentId);
    }

    @Query("delete from content_tags where area_id = :areaId and content_type = :contentType and content_id = :contentId")
    int deleteTags(String areaId, ContentType contentType, UUID contentId);

    @Query("delete from content_embeddings where area_id = :areaId and content_type = :contentType and content_id = :contentId")
    int deleteEmbedding(String areaId, ContentType contentType, UUID contentId);

    default Map<UUID, Stored> find(String areaId, ContentType contentType, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Stored> found = new HashMap<>();
        among(areaId, contentType, ids).forEach(t -> found.put(t.contentId(), new Stored(t.tags(), t.taggedAt())));
        return found;
    }

    @Query("select * from content_tags where area_id = :areaId and content_type = :contentType and content_id in (:ids)")
    List<ContentTag> among(String areaId, ContentType contentType, Collection<UUID> ids);

    /** Content of this type whose tags came from another model version. */
    @Query("""
            select content_id from content_tags
            where area_id = :areaId and content_type = :contentType and model_version <> :version""")
    List<UUID> taggedWithOtherVersion(String areaId, ContentType contentType, String version);
}
