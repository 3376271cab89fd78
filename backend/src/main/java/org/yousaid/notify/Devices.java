package org.yousaid.notify;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yousaid.shared.Sql;

/** Registered devices. Every statement names the area. */
@Singleton
final class Devices {

    private final JdbcOperations jdbc;

    Devices(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers the token for this member; registering it again returns the same device. */
    NotifyViews.DeviceView register(String areaId, String uid, String token, String platform, Instant now) {
        return jdbc.prepareStatement("""
                insert into devices (area_id, id, uid, token, platform, registered_at) values (?, ?, ?, ?, ?, ?)
                on conflict (area_id, uid, token) do update set platform = excluded.platform
                returning id, platform, registered_at""", s -> {
            s.setString(1, areaId);
            s.setObject(2, UUID.randomUUID());
            s.setString(3, uid);
            s.setString(4, token);
            s.setString(5, platform);
            s.setTimestamp(6, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new NotifyViews.DeviceView(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant());
            }
        });
    }

    /** Newest first, before the given position (null for the first page). */
    List<NotifyViews.DeviceView> of(String areaId, String uid, @io.micronaut.core.annotation.Nullable org.yousaid.shared.Cursor before,
                                    int limit) {
        return Sql.list(jdbc, "select id, platform, registered_at from devices where area_id = ? and uid = ?"
                + (before == null ? "" : " and (registered_at, id) < (?, ?)") + " order by registered_at desc, id desc limit ?", s -> {
                    s.setString(1, areaId);
                    s.setString(2, uid);
                    int next = 3;
                    if (before != null) {
                        s.setTimestamp(next++, java.sql.Timestamp.from(before.at()));
                        s.setObject(next++, before.id());
                    }
                    s.setInt(next, limit);
                }, rs -> new NotifyViews.DeviceView(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()));
    }

    boolean remove(String areaId, String uid, UUID id) {
        return jdbc.prepareStatement("delete from devices where area_id = ? and uid = ? and id = ?", s -> {
            s.setString(1, areaId);
            s.setString(2, uid);
            s.setObject(3, id);
            return s.executeUpdate() == 1;
        });
    }

    /** FCM said the token is gone: forget the device (whoever's it was). */
    void remove(String areaId, UUID id) {
        jdbc.prepareStatement("delete from devices where area_id = ? and id = ?", s -> {
            s.setString(1, areaId);
            s.setObject(2, id);
            return s.executeUpdate();
        });
    }
}
