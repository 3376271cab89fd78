package org.yousaid.notify;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The outbox's SQL: enqueue in the caller's transaction, lease due rows, record what FCM said. */
@Singleton
final class Outbox {

    record Row(String areaId, UUID id, UUID deviceId, String uid, String token, String title, String body,
               String dataJson, int attempts) {
    }

    private final JdbcOperations jdbc;
    private final io.micronaut.json.JsonMapper json;

    Outbox(JdbcOperations jdbc, io.micronaut.json.JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One row per registered device of {@code uid}; returns how many. */
    int enqueue(String areaId, String uid, String title, String body, String dataJson, Instant now) {
        return jdbc.prepareStatement("""
                insert into notification_outbox (area_id, id, uid, device_id, token, title, body, data, state, attempts,
                    next_attempt_at, created_at)
                select area_id, gen_random_uuid(), uid, id, token, ?, ?, ?::jsonb, 'pending', 0, ?, ?
                from devices where area_id = ? and uid = ?""", s -> {
            s.setString(1, title);
            s.setString(2, body);
            s.setString(3, dataJson);
            s.setTimestamp(4, Timestamp.from(now));
            s.setTimestamp(5, Timestamp.from(now));
            s.setString(6, areaId);
            s.setString(7, uid);
            return s.executeUpdate();
        });
    }

    Optional<Row> lease(Instant now, Duration lease) {
        return jdbc.prepareStatement("""
                with next as (
                    select area_id, id from notification_outbox
                    where (state = 'pending' and next_attempt_at <= ?) or (state = 'sending' and leased_until < ?)
                    order by next_attempt_at limit 1 for update skip locked)
                update notification_outbox o set state = 'sending', attempts = o.attempts + 1, leased_until = ?
                from next where o.area_id = next.area_id and o.id = next.id
                returning o.area_id, o.id, o.device_id, o.uid, o.token, o.title, o.body, o.data::text, o.attempts""", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(now));
            s.setTimestamp(3, Timestamp.from(now.plus(lease)));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9)))
                        : Optional.empty();
            }
        });
    }

    void sent(Row row, String messageId, Instant now) {
        update("update notification_outbox set state = 'sent', message_id = ?, sent_at = ?, leased_until = null"
                + " where area_id = ? and id = ? and state = 'sending'", messageId, Timestamp.from(now), row.areaId(), row.id());
    }

    void dropped(Row row, String reason) {
        update("update notification_outbox set state = 'dropped', last_error = ?, leased_until = null"
                + " where area_id = ? and id = ? and state = 'sending'", reason, row.areaId(), row.id());
    }

    void retryLater(Row row, String reason, Instant at) {
        update("update notification_outbox set state = 'pending', last_error = ?, next_attempt_at = ?, leased_until = null"
                + " where area_id = ? and id = ? and state = 'sending'", reason, Timestamp.from(at), row.areaId(), row.id());
    }

    void failed(Row row, String reason) {
        update("update notification_outbox set state = 'failed', last_error = ?, leased_until = null"
                + " where area_id = ? and id = ? and state = 'sending'", reason, row.areaId(), row.id());
    }

    /** Newest first, before the given position (null for the first page). */
    List<NotifyViews.OutboxEntry> log(String areaId, @io.micronaut.core.annotation.Nullable org.yousaid.shared.Cursor before,
                                      int limit) {
        return jdbc.prepareStatement("""
                select id, uid, device_id, title, data::text, state, attempts, message_id, last_error, created_at, sent_at
                from notification_outbox where area_id = ? and (created_at, id) < (?, ?)
                order by created_at desc, id desc limit ?""", s -> {
            s.setString(1, areaId);
            s.setTimestamp(2, Timestamp.from(before == null ? java.time.Instant.parse("9999-12-31T00:00:00Z") : before.at()));
            s.setObject(3, before == null ? new UUID(-1L, -1L) : before.id());
            s.setInt(4, limit);
            List<NotifyViews.OutboxEntry> entries = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp sent = rs.getTimestamp(11);
                    entries.add(new NotifyViews.OutboxEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getString(4), data(rs.getString(5)), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9),
                            rs.getTimestamp(10).toInstant(), sent == null ? null : sent.toInstant()));
                }
            }
            return entries;
        });
    }

    @SuppressWarnings("unchecked")
    private java.util.Map<String, String> data(String text) {
        try {
            return json.readValue(text, java.util.Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void update(String sql, Object... args) {
        jdbc.prepareStatement(sql, s -> {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        });
    }
}
