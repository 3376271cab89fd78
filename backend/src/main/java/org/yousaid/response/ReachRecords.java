package org.yousaid.response;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.content.ContentType;

/**
 * The "you said, we did" responses that reached a member, the notices about them and their mute:
 * as their export shows them and their erasure removes them. A response itself is the
 * commissioner's words and stays; its citations of erased words read "words withdrawn by the family".
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ReachRecords extends GenericRepository<ResponseRow, UUID> {

    @Serdeable
    @Introspected
    record HeldReach(UUID responseId, String title, Instant publishedAt, String how, ContentType contentType, UUID contentId) {
    }

    @Query("""
            select r.response_id, p.title, p.published_at, r.how, r.content_type, r.content_id
            from response_reach r join responses p on p.area_id = r.area_id and p.id = r.response_id
            where r.area_id = :areaId and r.uid = :uid and p.status = 'published'
            order by p.published_at, r.response_id, r.content_id""")
    List<HeldReach> of(String areaId, String uid);

    @Query("select muted_at from loop_mutes where area_id = :areaId and uid = :uid")
    Optional<Instant> mutedAt(String areaId, String uid);

    @Query("delete from response_reach where area_id = :areaId and uid = :uid")
    int forgetReach(String areaId, String uid);

    @Query("delete from loop_notices where area_id = :areaId and uid = :uid")
    int forgetNotices(String areaId, String uid);

    @Query("delete from loop_mutes where area_id = :areaId and uid = :uid")
    int forgetMute(String areaId, String uid);
}
