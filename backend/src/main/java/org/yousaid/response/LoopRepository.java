package org.yousaid.response;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.ContentType;

/** Who a response reached, the notices sent about it (one per event per member) and members' mutes. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface LoopRepository extends GenericRepository<ResponseRow, UUID> {

    @Query("delete from response_reach where area_id = :areaId and response_id = :responseId")
    int clearReach(String areaId, UUID responseId);

    /** Adds reach rows given as parallel arrays (one statement for thousands of families). */
    @Query("""
            insert into response_reach (area_id, response_id, uid, content_type, content_id, how)
            select :areaId, :responseId, r.uid, r.content_type, cast(r.content_id as uuid), r.how
            from unnest(:uids, :types, :ids, :hows) as r (uid, content_type, content_id, how)
            on conflict do nothing""")
    int reach(String areaId, UUID responseId, @TypeDef(type = DataType.STRING_ARRAY) String[] uids,
              @TypeDef(type = DataType.STRING_ARRAY) String[] types, @TypeDef(type = DataType.STRING_ARRAY) String[] ids,
              @TypeDef(type = DataType.STRING_ARRAY) String[] hows);

    @Query("select count(distinct uid) from response_reach where area_id = :areaId and response_id = :responseId")
    int reached(String areaId, UUID responseId);

    /**
     * Notes {@code event} for every member the response reached who has not had it; the new notes carry
     * {@code batch}. Returns how many were new.
     */
    @Query("""
            insert into loop_notices (area_id, event, uid, response_id, muted, batch, noted_at)
            select :areaId, :event, r.uid, :responseId,
                   exists (select 1 from loop_mutes m where m.area_id = :areaId and m.uid = r.uid), :batch, :at
            from (select distinct uid from response_reach where area_id = :areaId and response_id = :responseId) r
            on conflict (area_id, event, uid) do nothing""")
    int note(String areaId, String event, UUID responseId, UUID batch, Instant at);

    @Query("select uid from loop_notices where area_id = :areaId and batch = :batch and not muted order by uid")
    List<String> toPush(String areaId, UUID batch);

    @Query("""
            insert into loop_mutes (area_id, uid, muted_at) values (:areaId, :uid, :at)
            on conflict (area_id, uid) do nothing""")
    int mute(String areaId, String uid, Instant at);

    @Query("delete from loop_mutes where area_id = :areaId and uid = :uid")
    int unmute(String areaId, String uid);

    @Query("select count(*) > 0 from loop_mutes where area_id = :areaId and uid = :uid")
    boolean muted(String areaId, String uid);

    /** Published responses that reached {@code uid}, newest first, before a position. */
    @Query("""
            select r.id from responses r
            where r.area_id = :areaId and r.status = 'published' and (r.published_at, r.id) < (:beforeAt, :beforeId)
              and exists (select 1 from response_reach x where x.area_id = r.area_id and x.response_id = r.id and x.uid = :uid)
            order by r.published_at desc, r.id desc limit :limit""")
    List<UUID> reachedMember(String areaId, String uid, Instant beforeAt, UUID beforeId, int limit);

    @Query("""
            select response_id, uid, content_type, content_id, how from response_reach
            where area_id = :areaId and uid = :uid and response_id in (:responseIds)
            order by response_id, content_type, content_id""")
    List<Reach> reachOf(String areaId, String uid, java.util.Collection<UUID> responseIds);

    /** The published responses that reached {@code uid} through each of their texts {@code ids}, newest first. */
    @Query("""
            select x.content_id, r.id as response_id, r.title, r.published_at, x.how,
                   (select count(*) from response_actions a where a.area_id = r.area_id and a.response_id = r.id) as actions,
                   (select count(*) from response_actions a where a.area_id = r.area_id and a.response_id = r.id
                      and a.status = 'done') as actions_done
            from response_reach x join responses r on r.area_id = x.area_id and r.id = x.response_id and r.status = 'published'
            where x.area_id = :areaId and x.uid = :uid and x.content_type = :contentType and x.content_id in (:ids)
            order by r.published_at desc, r.id""")
    List<WhatHappened.Row> answered(String areaId, String uid, ContentType contentType, java.util.Collection<UUID> ids);
}
