package org.yousaid.survey;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.content.VoiceRow;
import org.yousaid.shared.Cursor;

/** Survey answer sets. Every statement names the area. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AnswerRepository extends GenericRepository<AnswerRepository.AnswerRow, UUID> {

    /** Only so Micronaut Data has an entity for the repository; queries project to records. */
    @MappedEntity("survey_answers")
    record AnswerRow(@Id UUID id) {
    }

    /** Inserts unless the id exists (two retries racing both end up reading one row); 1 when inserted. */
    @Query("""
            insert into survey_answers (area_id, id, survey_id, version, respondent_uid, respondent_role, status, answers,
                request_hash, started_at, updated_at, submitted_at, quote_consent, quote_consent_at)
            values (:areaId, :id, :surveyId, :version, :uid, :role, :status, cast(:answers as jsonb), :hash, :now, :now,
                :submittedAt, :quoteConsent, :quoteConsentAt)
            on conflict (area_id, id) do nothing""")
    int insertIfAbsent(String areaId, UUID id, UUID surveyId, int version, String uid, String role, String status,
                       String answers, @Nullable String hash, Instant now, @Nullable Instant submittedAt, boolean quoteConsent,
                       @Nullable Instant quoteConsentAt);

    /** A partial answer set saved again, or submitted; a submitted one never changes. */
    @Query("""
            update survey_answers set version = :version, status = :status, answers = cast(:answers as jsonb),
                request_hash = :hash, updated_at = :now, submitted_at = :submittedAt, quote_consent = :quoteConsent,
                quote_consent_at = case when :quoteConsent then coalesce(quote_consent_at, :now) end
            where area_id = :areaId and id = :id and status = 'partial'""")
    int update(String areaId, UUID id, int version, String status, String answers, @Nullable String hash, Instant now,
               @Nullable Instant submittedAt, boolean quoteConsent);

    @Query("select * from survey_answers where area_id = :areaId and id = :id for update")
    Optional<SurveyAnswer> findForUpdate(String areaId, UUID id);

    @Query("select * from survey_answers where area_id = :areaId and id = :id")
    Optional<SurveyAnswer> find(String areaId, UUID id);

    @Query("select * from survey_answers where area_id = :areaId and id in (:ids)")
    List<SurveyAnswer> among(String areaId, Collection<UUID> ids);

    default List<SurveyAnswer> findAmong(String areaId, Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : among(areaId, ids);
    }

    /** The respondent's answer sets, most recently changed first. */
    @Query("""
            select * from survey_answers where area_id = :areaId and respondent_uid = :uid
            order by updated_at desc, id desc limit :limit""")
    List<SurveyAnswer> byRespondent(String areaId, String uid, int limit);

    @Query("""
            select * from survey_answers where area_id = :areaId and respondent_uid = :uid and (updated_at, id) < (:afterAt, :afterId)
            order by updated_at desc, id desc limit :limit""")
    List<SurveyAnswer> byRespondentAfter(String areaId, String uid, Instant afterAt, UUID afterId, int limit);

    default List<SurveyAnswer> byRespondent(String areaId, String uid, @Nullable Cursor after, int limit) {
        return after == null ? byRespondent(areaId, uid, limit) : byRespondentAfter(areaId, uid, after.at(), after.id(), limit);
    }

    /** Those of {@code ids} submitted with the family's consent to quote them. */
    @Query("""
            select id from survey_answers where area_id = :areaId and id in (:ids) and status = 'submitted' and quote_consent""")
    List<UUID> quotable(String areaId, Collection<UUID> ids);

    @Query("select id from survey_answers where area_id = :areaId and status = 'submitted' order by submitted_at")
    List<UUID> submittedIds(String areaId);

    /** A submitted answer set's respondent (answers cannot be seconded). */
    @Query("""
            select id as content_id, respondent_uid as uid, true as author from survey_answers
            where area_id = :areaId and id in (:ids) and status = 'submitted' and erased_at is null""")
    List<VoiceRow> voiceRows(String areaId, Collection<UUID> ids);

    @Introspected
    record Held(UUID id, UUID surveyId, int version, String status, String respondentRole, Instant startedAt,
                Instant updatedAt, @Nullable Instant submittedAt, boolean quoteConsent,
                @Nullable Instant quoteConsentAt) {
    }

    @Query("""
            select id, survey_id, version, status, respondent_role, started_at, updated_at, submitted_at, quote_consent,
                quote_consent_at
            from survey_answers where area_id = :areaId and respondent_uid = :uid order by started_at, id""")
    List<Held> heldFor(String areaId, String uid);

    @Query("select id from survey_answers where area_id = :areaId and respondent_uid = :uid and status = 'partial'")
    List<UUID> partialOf(String areaId, String uid);

    @Query("delete from survey_answers where area_id = :areaId and respondent_uid = :uid and status = 'partial'")
    int deletePartial(String areaId, String uid);

    /** Erasure of one answer set: the structured answers kept are nobody's; the author and consent go. */
    @Query("""
            update survey_answers set answers = cast(:answers as jsonb), respondent_uid = 'erased', quote_consent = false, quote_consent_at = null,
                request_hash = 'erased', erased_at = :at
            where area_id = :areaId and id = :id""")
    int erase(String areaId, UUID id, String answers, Instant at);

    /** Retention: the words go; the respondent keeps their answer set. */
    @Query("""
            update survey_answers set answers = cast(:answers as jsonb), erased_at = :at
            where area_id = :areaId and id = :id""")
    int purgeWords(String areaId, UUID id, String answers, Instant at);
}
