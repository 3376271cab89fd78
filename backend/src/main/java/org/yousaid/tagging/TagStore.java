package org.yousaid.tagging;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.shared.Sql;

/** The latest tags per piece of content (one row each, replaced on re-tagging). */
@Singleton
final class TagStore {

    record Stored(Tags tags, Instant taggedAt) {
    }

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    TagStore(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(String areaId, String contentType, UUID contentId, Tags tags, Instant now) {
        jdbc.prepareStatement("""
                insert into content_tags (area_id, content_type, content_id, model_version, themes, sentiment,
                    sentiment_confidence, redactions, safeguarding_flagged, safeguarding_reasons, tagged_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?::jsonb, ?)
                on conflict (area_id, content_type, content_id) do update set
                    model_version = excluded.model_version, themes = excluded.themes, sentiment = excluded.sentiment,
                    sentiment_confidence = excluded.sentiment_confidence, redactions = excluded.redactions,
                    safeguarding_flagged = excluded.safeguarding_flagged,
                    safeguarding_reasons = excluded.safeguarding_reasons, tagged_at = excluded.tagged_at""", s -> {
            s.setString(1, areaId);
            s.setString(2, contentType);
            s.setObject(3, contentId);
            s.setString(4, tags.modelVersion());
            s.setString(5, write(tags.themes()));
            s.setObject(6, tags.sentiment() == null ? null : tags.sentiment().shortValue(), java.sql.Types.SMALLINT);
            s.setObject(7, tags.sentimentConfidence() == null ? null : tags.sentimentConfidence().floatValue(), java.sql.Types.REAL);
            s.setString(8, write(tags.redactions()));
            s.setBoolean(9, tags.safeguarding().flagged());
            s.setString(10, write(tags.safeguarding().reasons()));
            s.setTimestamp(11, Timestamp.from(now));
            return s.executeUpdate();
        });
    }

    /** Content withdrawn by its author keeps no tags nor embedding: they stand for words the author took back. */
    void delete(String areaId, String contentType, UUID contentId) {
        for (String table : new String[] {"content_tags", "content_embeddings"}) {
            jdbc.prepareStatement("delete from " + table + " where area_id = ? and content_type = ? and content_id = ?", s -> {
                s.setString(1, areaId);
                s.setString(2, contentType);
                s.setObject(3, contentId);
                return s.executeUpdate();
            });
        }
    }

    Map<UUID, Stored> find(String areaId, String contentType, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("""
                select content_id, model_version, themes, sentiment, sentiment_confidence, redactions,
                       safeguarding_flagged, safeguarding_reasons, tagged_at
                from content_tags where area_id = ? and content_type = ? and content_id = any (?)""", s -> {
            s.setString(1, areaId);
            s.setString(2, contentType);
            s.setArray(3, s.getConnection().createArrayOf("uuid", ids.toArray()));
            Map<UUID, Stored> found = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, UUID.class), read(rs));
                }
            }
            return found;
        });
    }

    Optional<Stored> find(String areaId, String contentType, UUID id) {
        return Optional.ofNullable(find(areaId, contentType, List.of(id)).get(id));
    }

    /** Content of this type whose tags came from another model version. */
    List<UUID> taggedWithOtherVersion(String areaId, String contentType, String version) {
        return Sql.list(jdbc, """
                select content_id from content_tags where area_id = ? and content_type = ? and model_version <> ?""", s -> {
            s.setString(1, areaId);
            s.setString(2, contentType);
            s.setString(3, version);
        }, rs -> rs.getObject(1, UUID.class));
    }

    private Stored read(ResultSet rs) throws SQLException {
        short sentiment = rs.getShort(4);
        Integer sentimentValue = rs.wasNull() ? null : (int) sentiment;
        float confidence = rs.getFloat(5);
        Double confidenceValue = rs.wasNull() ? null : Math.round(confidence * 1000) / 1000.0;
        Tags tags = new Tags(rs.getString(2),
                read(rs.getString(3), Argument.listOf(Tags.Theme.class)),
                sentimentValue, confidenceValue,
                read(rs.getString(6), Argument.listOf(Tags.Redaction.class)),
                new Tags.Safeguarding(rs.getBoolean(7), read(rs.getString(8), Argument.listOf(Tags.Reason.class))));
        return new Stored(tags, rs.getTimestamp(9).toInstant());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
