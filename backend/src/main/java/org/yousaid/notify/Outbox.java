package org.yousaid.notify;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.shared.AreaFirst;
import org.yousaid.shared.Cursor;

/**
 * The outbox's SQL: enqueue in the caller's transaction, lease due rows, record what FCM said. Every
 * statement but {@link #dueAreas} and the metrics' figures names the area.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Outbox extends GenericRepository<OutboxMessage, UUID> {

    Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    /**
     * The outbox as operators watch it: messages due now, waiting for a retry, being sent; the oldest
     * due one's age. Across areas on purpose: an operator's counts for the metrics port, never served
     * by the API.
     */
    @Introspected
    record OutboxFigures(long due, long waiting, long sending, double lagSeconds) {
    }

    @Query("""
            select coalesce(extract(epoch from now() - min(next_attempt_at)
                     filter (where state = 'pending' and next_attempt_at <= now())), 0)::float8 as lag_seconds,
                   count(*) filter (where state = 'pending' and next_attempt_at <= now()) as due,
                   count(*) filter (where state = 'pending' and next_attempt_at > now()) as waiting,
                   count(*) filter (where state = 'sending') as sending
            from notification_outbox where state in ('pending', 'sending')""")
    OutboxFigures figures();

    /** One row per registered device of {@code uid}; returns how many. */
    @Query("""
            insert into notification_outbox (area_id, id, uid, device_id, token, title, body, data, state, attempts,
                next_attempt_at, created_at)
            select area_id, gen_random_uuid(), uid, id, token, :title, :body, cast(:data as jsonb), 'pending', 0, :now, :now
            from devices where area_id = :areaId and uid = :uid""")
    int enqueue(String areaId, String uid, String title, String body, @TypeDef(type = DataType.JSON) Map<String, String> data,
                Instant now);

    /** One row per registered device of each of {@code uids}; returns how many. */
    @Query("""
            insert into notification_outbox (area_id, id, uid, device_id, token, title, body, data, state, attempts,
                next_attempt_at, created_at)
            select area_id, gen_random_uuid(), uid, id, token, :title, :body, cast(:data as jsonb), 'pending', 0, :now, :now
            from devices where area_id = :areaId and uid in (:uids)""")
    int enqueueAll(String areaId, java.util.Collection<String> uids, String title, String body,
                   @TypeDef(type = DataType.JSON) Map<String, String> data, Instant now);

    /**
     * Takes the oldest due push in the caller's transaction: the row stays locked (other senders skip
     * it) until that transaction commits the lease.
     */
    default Optional<OutboxMessage> lease(Instant now, Duration lease) {
        return AreaFirst.lease(dueAreas(now), areaId -> nextDueIn(areaId, now).map(message -> {
            take(message.areaId(), message.id(), now.plus(lease));
            return new OutboxMessage(message.areaId(), message.id(), message.deviceId(), message.uid(), message.token(),
                    message.title(), message.body(), message.data(), message.attempts() + 1);
        }));
    }

    /** The areas of the 64 oldest due pushes, the oldest's area first: read without locking, across areas. */
    @Query("""
            select area_id from (
                select area_id, next_attempt_at from notification_outbox
                where (state = 'pending' and next_attempt_at <= :now) or (state = 'sending' and leased_until < :now)
                order by next_attempt_at
                limit 64) oldest
            group by area_id
            order by min(next_attempt_at)""")
    List<String> dueAreas(Instant now);

    @Query("""
            select area_id, id, device_id, uid, token, title, body, data, attempts from notification_outbox
            where area_id = :areaId
              and ((state = 'pending' and next_attempt_at <= :now) or (state = 'sending' and leased_until < :now))
            order by next_attempt_at limit 1 for update skip locked""")
    Optional<OutboxMessage> nextDueIn(String areaId, Instant now);

    @Query("""
            update notification_outbox set state = 'sending', attempts = attempts + 1, leased_until = :until
            where area_id = :areaId and id = :id""")
    int take(String areaId, UUID id, Instant until);

    default void sent(OutboxMessage message, String messageId, Instant now) {
        markSent(message.areaId(), message.id(), messageId, now);
    }

    @Query("""
            update notification_outbox set state = 'sent', message_id = :messageId, sent_at = :now, leased_until = null
            where area_id = :areaId and id = :id and state = 'sending'""")
    int markSent(String areaId, UUID id, String messageId, Instant now);

    default void dropped(OutboxMessage message, String reason) {
        close(message.areaId(), message.id(), "dropped", reason);
    }

    default void failed(OutboxMessage message, String reason) {
        close(message.areaId(), message.id(), "failed", reason);
    }

    @Query("""
            update notification_outbox set state = :state, last_error = :reason, leased_until = null
            where area_id = :areaId and id = :id and state = 'sending'""")
    int close(String areaId, UUID id, String state, String reason);

    @Query("""
            update notification_outbox set state = 'pending', last_error = :reason, next_attempt_at = :at, leased_until = null
            where area_id = :areaId and id = :id and state = 'sending'""")
    int retry(String areaId, UUID id, String reason, Instant at);

    default void retryLater(OutboxMessage message, String reason, Instant at) {
        retry(message.areaId(), message.id(), reason, at);
    }

    /** Newest first, before the given position (null for the first page). */
    default List<NotifyViews.OutboxEntry> log(String areaId, @Nullable Cursor before, int limit) {
        return logRows(areaId, before == null ? END_OF_TIME : before.at(), before == null ? new UUID(-1L, -1L) : before.id(), limit)
                .stream().map(OutboxLogRow::view).toList();
    }

    @Query("""
            select id, uid, device_id, title, data, state, attempts, message_id, last_error, created_at, sent_at
            from notification_outbox where area_id = :areaId and (created_at, id) < (:beforeAt, :beforeId)
            order by created_at desc, id desc limit :limit""")
    List<OutboxLogRow> logRows(String areaId, Instant beforeAt, UUID beforeId, int limit);
}
