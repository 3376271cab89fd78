package org.yousaid.shared;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Appends to the audit log in the caller's transaction, so a decision and its record stand or
 * fall together. Actions are dotted ({@code comment.publish}); details never hold what a family
 * wrote.
 */
@Singleton
public final class AuditLog {

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcOperations jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
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

    private String toJson(Map<String, String> detail) {
        try {
            return json.writeValueAsString(detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
