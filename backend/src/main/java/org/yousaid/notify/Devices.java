package org.yousaid.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.shared.Cursor;

/** Registered devices. Every statement names the area. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Devices extends GenericRepository<Device, UUID> {

    Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    /** Registers the token for this member; registering it again returns the same device. */
    default NotifyViews.DeviceView register(String areaId, String uid, String token, String platform, Instant now) {
        upsert(areaId, UUID.randomUUID(), uid, token, platform, now);
        return byToken(areaId, uid, token).orElseThrow().view();
    }

    @Query("""
            insert into devices (area_id, id, uid, token, platform, registered_at)
            values (:areaId, :id, :uid, :token, :platform, :now)
            on conflict (area_id, uid, token) do update set platform = excluded.platform""")
    int upsert(String areaId, UUID id, String uid, String token, String platform, Instant now);

    @Query("select id, platform, registered_at from devices where area_id = :areaId and uid = :uid and token = :token")
    Optional<Device> byToken(String areaId, String uid, String token);

    /** Newest first, before the given position (null for the first page). */
    default List<NotifyViews.DeviceView> of(String areaId, String uid, @Nullable Cursor before, int limit) {
        return page(areaId, uid, before == null ? END_OF_TIME : before.at(), before == null ? new UUID(-1L, -1L) : before.id(),
                limit).stream().map(Device::view).toList();
    }

    @Query("""
            select id, platform, registered_at from devices
            where area_id = :areaId and uid = :uid and (registered_at, id) < (:beforeAt, :beforeId)
            order by registered_at desc, id desc limit :limit""")
    List<Device> page(String areaId, String uid, Instant beforeAt, UUID beforeId, int limit);

    default boolean remove(String areaId, String uid, UUID id) {
        return removeOwn(areaId, uid, id) == 1;
    }

    @Query("delete from devices where area_id = :areaId and uid = :uid and id = :id")
    int removeOwn(String areaId, String uid, UUID id);

    /** FCM said the token is gone: forget the device (whoever's it was). */
    @Query("delete from devices where area_id = :areaId and id = :id")
    int remove(String areaId, UUID id);
}
