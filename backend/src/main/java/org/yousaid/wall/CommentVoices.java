package org.yousaid.wall;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.VoiceRow;

/** A comment's author and everyone who said "me too" to it. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface CommentVoices extends GenericRepository<Comment, UUID> {

    @Query("""
            select c.id as content_id, c.author_uid as uid, true as author from comments c
            where c.area_id = :areaId and c.id in (:ids) and c.withdrawn_at is null and c.erased_at is null
            union all
            select m.comment_id, m.uid, false from me_too m join comments c on c.area_id = m.area_id and c.id = m.comment_id
            where m.area_id = :areaId and m.comment_id in (:ids) and c.withdrawn_at is null and c.erased_at is null""")
    List<VoiceRow> voiceRows(String areaId, Collection<UUID> ids);
}
