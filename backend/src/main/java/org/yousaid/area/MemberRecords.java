package org.yousaid.area;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A member's memberships and each area's privacy notice, as their export shows them; leaving deletes the membership. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MemberRecords extends GenericRepository<Membership, UUID> {

    @Introspected
    record Held(String areaId, String areaName, String role, Instant joinedAt) {
    }

    @Query("""
            select m.area_id, a.name as area_name, m.role, m.joined_at from memberships m join areas a on a.id = m.area_id
            where m.uid = :uid order by m.joined_at, m.area_id""")
    List<Held> of(String uid);

    @Query("""
            select m.area_id, a.name as area_name, m.role, m.joined_at from memberships m join areas a on a.id = m.area_id
            where m.area_id = :areaId and m.uid = :uid""")
    Optional<Held> in(String areaId, String uid);

    @Query("delete from memberships where area_id = :areaId and uid = :uid")
    int leave(String areaId, String uid);

    /**
     * Waits for every request of {@code uid} in the area still in flight, and holds off new ones
     * until the caller's transaction ends: each request takes the same lock, shared, when
     * {@code AreaAccess} reads its standing. So nothing the family sends while it is being erased
     * is stored after the erasure looked.
     */
    @Query("select 1 from (select pg_advisory_xact_lock(hashtext(:areaId), hashtext(:uid))) as held")
    int holdOffRequests(String areaId, String uid);

}
