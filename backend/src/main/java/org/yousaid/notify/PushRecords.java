package org.yousaid.notify;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's devices and the pushes sent to them, as their export shows them and their erasure
 * removes them. Never the token: it is the device's address, not the family's data to carry about.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PushRecords extends GenericRepository<Device, UUID> {

    @Serdeable
    @Introspected
    record SentPush(String title, String body, String state, Instant createdAt, @Nullable Instant sentAt) {
    }

    @Serdeable
    @Introspected
    record HeldDevice(UUID id, String platform, Instant registeredAt) {
    }

    @Query("select id, platform, registered_at from devices where area_id = :areaId and uid = :uid order by registered_at, id")
    List<HeldDevice> devices(String areaId, String uid);

    @Query("""
            select title, body, state, created_at, sent_at from notification_outbox
            where area_id = :areaId and uid = :uid order by created_at, id""")
    List<SentPush> pushes(String areaId, String uid);

    @Query("delete from devices where area_id = :areaId and uid = :uid")
    int forgetDevices(String areaId, String uid);

    @Query("delete from notification_outbox where area_id = :areaId and uid = :uid")
    int forgetPushes(String areaId, String uid);

    /** Retention: pushes finished with (sent, failed or dropped) before {@code before}, in every area. */
    @Query("delete from notification_outbox where state in ('sent', 'failed', 'dropped') and created_at < :before")
    int purgeFinishedBefore(Instant before);
}
