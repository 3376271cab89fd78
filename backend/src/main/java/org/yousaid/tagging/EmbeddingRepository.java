package org.yousaid.tagging;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.ContentType;

/** Texts' sentence embeddings; every statement names the area. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface EmbeddingRepository extends GenericRepository<ContentEmbedding, UUID> {

    @Query("""
            insert into content_embeddings (area_id, content_type, content_id, embedding)
            values (:areaId, :contentType, :contentId, :embedding)
            on conflict (area_id, content_type, content_id) do update set embedding = excluded.embedding""")
    int save(String areaId, ContentType contentType, UUID contentId, @TypeDef(type = DataType.FLOAT_ARRAY) float[] embedding);

    @Query("delete from content_embeddings where area_id = :areaId and content_type = :contentType and content_id = :contentId")
    int delete(String areaId, ContentType contentType, UUID contentId);

    @Query("""
            select * from content_embeddings
            where area_id = :areaId and content_type = :contentType and content_id in (:ids)""")
    List<ContentEmbedding> find(String areaId, ContentType contentType, Collection<UUID> ids);
}
