package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.shared.Sql;

/** Surveys and their versions. Every statement names the area. */
@Singleton
final class SurveyStore {

    record Survey(String areaId, UUID id, String kind, String createdBy, Instant createdAt) {
    }

    private static final String SURVEY_COLUMNS = "area_id, id, kind, created_by, created_at";
    private static final String VERSION_COLUMNS =
            "area_id, survey_id, version, status, definition::text, created_at, published_at, retired_at";

    private final JdbcOperations jdbc;

    SurveyStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insertSurvey(String areaId, UUID id, String kind, String createdBy, Instant now) {
        jdbc.prepareStatement("insert into surveys (area_id, id, kind, created_by, created_at) values (?, ?, ?, ?, ?)", s -> {
            s.setString(1, areaId);
            s.setObject(2, id);
            s.setString(3, kind);
            s.setString(4, createdBy);
            s.setTimestamp(5, Timestamp.from(now));
            return s.executeUpdate();
        });
    }

    Optional<Survey> survey(String areaId, UUID id) {
        return Sql.one(jdbc, "select " + SURVEY_COLUMNS + " from surveys where area_id = ? and id = ?",
                s -> bindAreaAndId(s, areaId, id), SurveyStore::survey);
    }

    /** Locks the survey row: version changes of one survey happen one at a time. */
    Optional<Survey> surveyForUpdate(String areaId, UUID id) {
        return Sql.one(jdbc, "select " + SURVEY_COLUMNS + " from surveys where area_id = ? and id = ? for update",
                s -> bindAreaAndId(s, areaId, id), SurveyStore::survey);
    }

    List<Survey> surveys(String areaId) {
        return Sql.list(jdbc, "select " + SURVEY_COLUMNS + " from surveys where area_id = ? order by created_at, id",
                s -> s.setString(1, areaId), SurveyStore::survey);
    }

    void updateKind(String areaId, UUID id, String kind) {
        jdbc.prepareStatement("update surveys set kind = ? where area_id = ? and id = ?", s -> {
            s.setString(1, kind);
            s.setString(2, areaId);
            s.setObject(3, id);
            return s.executeUpdate();
        });
    }

    void insertDraft(String areaId, UUID surveyId, int version, String definitionJson, Instant now) {
        jdbc.prepareStatement("""
                insert into survey_versions (area_id, survey_id, version, status, definition, created_at)
                values (?, ?, ?, 'draft', ?::jsonb, ?)""", s -> {
            s.setString(1, areaId);
            s.setObject(2, surveyId);
            s.setInt(3, version);
            s.setString(4, definitionJson);
            s.setTimestamp(5, Timestamp.from(now));
            return s.executeUpdate();
        });
    }

    void replaceDraft(String areaId, UUID surveyId, int version, String definitionJson) {
        jdbc.prepareStatement("""
                update survey_versions set definition = ?::jsonb
                where area_id = ? and survey_id = ? and version = ? and status = 'draft'""", s -> {
            s.setString(1, definitionJson);
            s.setString(2, areaId);
            s.setObject(3, surveyId);
            s.setInt(4, version);
            return s.executeUpdate();
        });
    }

    /** The published version becomes superseded (it keeps taking answers begun on it), the draft is published. */
    void publish(String areaId, UUID surveyId, int version, Instant now) {
        jdbc.prepareStatement("""
                update survey_versions set status = 'superseded'
                where area_id = ? and survey_id = ? and status = 'published'""", s -> {
            s.setString(1, areaId);
            s.setObject(2, surveyId);
            return s.executeUpdate();
        });
        jdbc.prepareStatement("""
                update survey_versions set status = 'published', published_at = ?
                where area_id = ? and survey_id = ? and version = ? and status = 'draft'""", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, areaId);
            s.setObject(3, surveyId);
            s.setInt(4, version);
            return s.executeUpdate();
        });
    }

    void retire(String areaId, UUID surveyId, int version, Instant now) {
        jdbc.prepareStatement("""
                update survey_versions set status = 'retired', retired_at = ?
                where area_id = ? and survey_id = ? and version = ? and status in ('published', 'superseded')""", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, areaId);
            s.setObject(3, surveyId);
            s.setInt(4, version);
            return s.executeUpdate();
        });
    }

    /** A survey in the editors' list, with the newest version's title. */
    record Summary(UUID id, String kind, String title, Instant createdAt, @Nullable Integer publishedVersion,
                   @Nullable Integer draftVersion) {
    }

    /** A survey's published version, for the respondents' list. */
    record Published(UUID id, String kind, int version, String definitionJson, Instant createdAt) {
    }

    /** Surveys after (createdAt, id), oldest first; pass the epoch and the nil UUID for the first page. */
    List<Summary> summaries(String areaId, Instant afterAt, UUID afterId, int limit) {
        return Sql.list(jdbc, """
                select s.id, s.kind, s.created_at,
                       (select v.definition ->> 'title' from survey_versions v
                        where v.area_id = s.area_id and v.survey_id = s.id order by v.version desc limit 1),
                       (select v.version from survey_versions v
                        where v.area_id = s.area_id and v.survey_id = s.id and v.status = 'published'),
                       (select v.version from survey_versions v
                        where v.area_id = s.area_id and v.survey_id = s.id and v.status = 'draft')
                from surveys s where s.area_id = ? and (s.created_at, s.id) > (?, ?)
                order by s.created_at, s.id limit ?""", s -> bindPage(s, areaId, afterAt, afterId, limit),
                rs -> new Summary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(4), rs.getTimestamp(3).toInstant(),
                        rs.getObject(5, Integer.class), rs.getObject(6, Integer.class)));
    }

    /** Surveys with a published version after (createdAt, id), oldest first. */
    List<Published> published(String areaId, Instant afterAt, UUID afterId, int limit) {
        return Sql.list(jdbc, """
                select s.id, s.kind, v.version, v.definition::text, s.created_at
                from surveys s join survey_versions v
                  on v.area_id = s.area_id and v.survey_id = s.id and v.status = 'published'
                where s.area_id = ? and (s.created_at, s.id) > (?, ?)
                order by s.created_at, s.id limit ?""", s -> bindPage(s, areaId, afterAt, afterId, limit),
                rs -> new Published(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
    }

    private static void bindPage(java.sql.PreparedStatement s, String areaId, Instant afterAt, UUID afterId, int limit)
            throws SQLException {
        s.setString(1, areaId);
        s.setTimestamp(2, Timestamp.from(afterAt));
        s.setObject(3, afterId);
        s.setInt(4, limit);
    }

    List<SurveyVersion> versions(String areaId, UUID surveyId) {
        return Sql.list(jdbc, "select " + VERSION_COLUMNS + " from survey_versions where area_id = ? and survey_id = ? order by version",
                s -> bindAreaAndId(s, areaId, surveyId), SurveyStore::version);
    }

    Optional<SurveyVersion> version(String areaId, UUID surveyId, int version) {
        return Sql.one(jdbc, "select " + VERSION_COLUMNS + " from survey_versions where area_id = ? and survey_id = ? and version = ?",
                s -> {
                    bindAreaAndId(s, areaId, surveyId);
                    s.setInt(3, version);
                }, SurveyStore::version);
    }

    static void bindAreaAndId(java.sql.PreparedStatement s, String areaId, UUID id) throws SQLException {
        s.setString(1, areaId);
        s.setObject(2, id);
    }

    private static Survey survey(ResultSet rs) throws SQLException {
        return new Survey(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    private static SurveyVersion version(ResultSet rs) throws SQLException {
        Timestamp published = rs.getTimestamp(7);
        Timestamp retired = rs.getTimestamp(8);
        return new SurveyVersion(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), published == null ? null : published.toInstant(),
                retired == null ? null : retired.toInstant());
    }
}
