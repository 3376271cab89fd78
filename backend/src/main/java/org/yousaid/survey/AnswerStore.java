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

/** Survey answers. Every statement names the area. */
@Singleton
final class AnswerStore {

    private static final String COLUMNS = "area_id, id, survey_id, version, respondent_uid, status, answers::text, "
            + "request_hash, started_at, updated_at, submitted_at, respondent_role, quote_consent";

    private final JdbcOperations jdbc;

    AnswerStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts unless the id exists (two retries racing both end up reading one row); true when inserted. */
    boolean insertIfAbsent(String areaId, UUID id, UUID surveyId, int version, String uid, String role, String status,
                           String answersJson, boolean quoteConsent, @Nullable String hash, Instant now) {
        return jdbc.prepareStatement("""
                insert into survey_answers (area_id, id, survey_id, version, respondent_uid, respondent_role, status, answers,
                    request_hash, started_at, updated_at, submitted_at, quote_consent, quote_consent_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)
                on conflict (area_id, id) do nothing""", s -> {
            s.setString(1, areaId);
            s.setObject(2, id);
            s.setObject(3, surveyId);
            s.setInt(4, version);
            s.setString(5, uid);
            s.setString(6, role);
            s.setString(7, status);
            s.setString(8, answersJson);
            s.setString(9, hash);
            s.setTimestamp(10, Timestamp.from(now));
            s.setTimestamp(11, Timestamp.from(now));
            s.setTimestamp(12, SurveyAnswer.SUBMITTED.equals(status) ? Timestamp.from(now) : null);
            s.setBoolean(13, quoteConsent);
            s.setTimestamp(14, quoteConsent ? Timestamp.from(now) : null);
            return s.executeUpdate() == 1;
        });
    }

    void update(String areaId, UUID id, int version, String status, String answersJson, boolean quoteConsent,
                @Nullable String hash, Instant now) {
        jdbc.prepareStatement("""
                update survey_answers set version = ?, status = ?, answers = ?::jsonb, request_hash = ?, updated_at = ?,
                    submitted_at = ?, quote_consent = ?, quote_consent_at = case when ? then coalesce(quote_consent_at, ?) end
                where area_id = ? and id = ? and status = 'partial'""", s -> {
            s.setInt(1, version);
            s.setString(2, status);
            s.setString(3, answersJson);
            s.setString(4, hash);
            s.setTimestamp(5, Timestamp.from(now));
            s.setTimestamp(6, SurveyAnswer.SUBMITTED.equals(status) ? Timestamp.from(now) : null);
            s.setBoolean(7, quoteConsent);
            s.setBoolean(8, quoteConsent);
            s.setTimestamp(9, Timestamp.from(now));
            s.setString(10, areaId);
            s.setObject(11, id);
            return s.executeUpdate();
        });
    }

    Optional<SurveyAnswer> findForUpdate(String areaId, UUID id) {
        return one("select " + COLUMNS + " from survey_answers where area_id = ? and id = ? for update", areaId, id);
    }

    Optional<SurveyAnswer> find(String areaId, UUID id) {
        return one("select " + COLUMNS + " from survey_answers where area_id = ? and id = ?", areaId, id);
    }

    /** Most recently changed first, after the given position (null for the first page). */
    List<SurveyAnswer> byRespondent(String areaId, String uid, @Nullable org.yousaid.shared.Cursor after, int limit) {
        return Sql.list(jdbc, "select " + COLUMNS + " from survey_answers where area_id = ? and respondent_uid = ?"
                + (after == null ? "" : " and (updated_at, id) < (?, ?)") + " order by updated_at desc, id desc limit ?", s -> {
                    s.setString(1, areaId);
                    s.setString(2, uid);
                    int next = 3;
                    if (after != null) {
                        s.setTimestamp(next++, Timestamp.from(after.at()));
                        s.setObject(next++, after.id());
                    }
                    s.setInt(next, limit);
                }, AnswerStore::answer);
    }

    List<SurveyAnswer> findAmong(String areaId, java.util.Collection<UUID> ids) {
        return Sql.list(jdbc, "select " + COLUMNS + " from survey_answers where area_id = ? and id = any (?)", s -> {
            s.setString(1, areaId);
            s.setArray(2, s.getConnection().createArrayOf("uuid", ids.toArray()));
        }, AnswerStore::answer);
    }

    /** Those of {@code ids} submitted with the family's consent to quote them. */
    List<UUID> quotable(String areaId, java.util.Collection<UUID> ids) {
        return Sql.list(jdbc, "select id from survey_answers where area_id = ? and id = any (?) and status = 'submitted' "
                + "and quote_consent", s -> {
                    s.setString(1, areaId);
                    s.setArray(2, s.getConnection().createArrayOf("uuid", ids.toArray()));
                }, rs -> rs.getObject(1, UUID.class));
    }

    List<UUID> submittedIds(String areaId) {
        return Sql.list(jdbc, "select id from survey_answers where area_id = ? and status = 'submitted' order by submitted_at",
                s -> s.setString(1, areaId), rs -> rs.getObject(1, UUID.class));
    }

    private Optional<SurveyAnswer> one(String sql, String areaId, UUID id) {
        return Sql.one(jdbc, sql, s -> SurveyStore.bindAreaAndId(s, areaId, id), AnswerStore::answer);
    }

    private static SurveyAnswer answer(ResultSet rs) throws SQLException {
        Timestamp submitted = rs.getTimestamp(11);
        return new SurveyAnswer(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getInt(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(), submitted == null ? null : submitted.toInstant(), rs.getString(12),
                rs.getBoolean(13));
    }
}
