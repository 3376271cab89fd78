package org.yousaid.wall;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.core.annotation.Introspected;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** "Me too"s by comment; every statement names the area. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MeTooRepository extends GenericRepository<Comment, UUID> {

    @Query("""
            insert into me_too (area_id, comment_id, uid, created_at) values (:areaId, :commentId, :uid, :at)
            on conflict (area_id, comment_id, uid) do nothing""")
    int add(String areaId, UUID commentId, String uid, Instant at);

    @Query("delete from me_too where area_id = :areaId and comment_id = :commentId and uid = :uid")
    int remove(String areaId, UUID commentId, String uid);

    /** For each comment among {@code ids}: how many said "me too", and whether {@code uid} did. */
    @Query("""
            select comment_id, count(*) as voices, bool_or(uid = :uid) as mine from me_too
            where area_id = :areaId and comment_id in (:ids) group by comment_id""")
    List<MeTooCount> counts(String areaId, Collection<UUID> ids, String uid);

    @Introspected
    record MeTooRow(UUID commentId, Instant createdAt) {
    }

    @Query("select comment_id, created_at from me_too where area_id = :areaId and uid = :uid order by created_at")
    List<MeTooRow> byVoice(String areaId, String uid);

    @Query("delete from me_too where area_id = :areaId and uid = :uid")
    int removeAllBy(String areaId, String uid);
}
