package org.yousaid.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MembershipRepository extends GenericRepository<Membership, UUID> {

    @Query("select * from memberships where area_id = :areaId and uid = :uid")
    Optional<Membership> find(String areaId, String uid);

    /**
     * Empty when there is no such area; a null role when the caller is not a member of it. The
     * membership is matched on the area parameter, not on {@code a.id}: the same rows, and on Citus
     * the statement routes to the area's shard (it does not infer the value through the join).
     */
    @Query("""
            select a.id as area_id, m.role as role, held.settled
            from areas a left join memberships m on m.area_id = :areaId and m.uid = :uid
                 cross join (select pg_try_advisory_xact_lock_shared(hashtext(:areaId), hashtext(:uid)) as settled) as held
            where a.id = :areaId""")
    Optional<AreaStanding> standing(String areaId, String uid);
    // The shared advisory lock (held to the end of the request's transaction, in memory only) lets
    // a family's erasure wait for their requests in flight: see MemberRecords.holdOffRequests. When
    // it cannot be had at once, an erasure holds it: AreaAccess waits for it with the next
    // statement and reads the standing again, in a snapshot taken after the erasure committed.

    @Query("select 1 from (select pg_advisory_xact_lock_shared(hashtext(:areaId), hashtext(:uid))) as held")
    int waitForErasure(String areaId, String uid);

    @Query("select * from memberships where area_id = :areaId and role in ('family', 'young_person') order by joined_at, uid")
    List<Membership> familyVoices(String areaId);

    @Query("select * from memberships where area_id = :areaId and role = :role order by joined_at, uid")
    List<Membership> withRole(String areaId, String role);

    /** Forum leads, commissioners and area admins, by role then who was named first. */
    @Query("""
            select * from memberships where area_id = :areaId and role not in ('family', 'young_person')
            order by role, joined_at, uid limit :limit""")
    List<Membership> staff(String areaId, int limit);

    @Query("select count(*) from memberships where area_id = :areaId and role = :role")
    long countWithRole(String areaId, String role);

    /** Where a person is staff, with each area's name: one query for the console's home page. */
    @Query("""
            select m.area_id, a.name as area_name, m.role
            from memberships m join areas a on a.id = m.area_id
            where m.uid = :uid and m.role not in ('family', 'young_person')
            order by m.joined_at, m.id limit :limit""")
    List<StaffRole> staffRoles(String uid, int limit);

    @Query("select * from memberships where uid = :uid order by joined_at, id limit :limit")
    List<Membership> listByUid(String uid, int limit);

    @Query("""
            select * from memberships where uid = :uid and (joined_at, id) > (:afterAt, :afterId)
            order by joined_at, id limit :limit""")
    List<Membership> listByUidAfter(String uid, java.time.Instant afterAt, UUID afterId, int limit);

    @Query("""
            insert into memberships (area_id, id, uid, role, granted_by)
            values (:areaId, :id, :uid, :role, :grantedBy)
            on conflict (area_id, uid) do nothing""")
    int insertIfAbsent(String areaId, UUID id, String uid, String role, @Nullable String grantedBy);

    @Query("""
            update memberships set role = :role, granted_by = :grantedBy, updated_at = now()
            where area_id = :areaId and uid = :uid""")
    int updateRole(String areaId, String uid, String role, String grantedBy);
}
