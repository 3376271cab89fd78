package org.yousaid.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Appends to the audit log in the caller's transaction, so a decision and its record stand or
 * fall together. Actions are dotted ({@code comment.publish}); details never hold what a family
 * wrote.
 */
@Singleton
public final class AuditLog {

    private final JdbcOperations jdbc;
    private final Clock clock;

    AuditLog(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String areaId, String actorUid, String action,
                       @Nullable String contentType, @Nullable String contentId, Map<String, String> detail) {
        jdbc.prepareStatement("""
                insert into audit_log (area_id, id, at, actor_uid, action, content_type, content_id, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""", statement -> {
            bind(statement, areaId, actorUid, action, contentType, contentId, detail);
            return statement.executeUpdate();
        });
    }

    private void bind(PreparedStatement statement, String areaId, String actorUid, String action,
                      @Nullable String contentType, @Nullable String contentId, Map<String, String> detail)
            throws SQLException {
        statement.setString(1, areaId);
        statement.setObject(2, UUID.randomUUID());
        statement.setObject(3, java.sql.Timestamp.from(clock.instant()));
        statement.setString(4, actorUid);
        statement.setString(5, action);
        statement.setString(6, contentType);
        statement.setString(7, contentId);
        statement.setString(8, toJson(detail));
    }

    private static String toJson(Map<String, String> detail) {
        return detail.entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
