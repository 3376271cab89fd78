package org.yousaid.survey;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.VoiceRow;

/** Answer sets as the rest of YouSaid reaches them: voices, a family's export and erasure. Every statement names the area. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AnswerRepository extends GenericRepository<AnswerRepository.AnswerRow, UUID> {

    /** Only so Micronaut Data has an entity for the repository; queries project to records. */
    @MappedEntity("survey_answers")
    record AnswerRow(@Id UUID id) {
    }

    /** A submitted answer set's respondent (answers cannot be seconded). */
    @Query("""
            select id as content_id, respondent_uid as uid, true as author from survey_answers
            where area_id = :areaId and id in (:ids) and status = 'submitted' and erased_at is null""")
    List<VoiceRow> voiceRows(String areaId, Collection<UUID> ids);

    @Introspected
    record Held(UUID id, UUID surveyId, int version, String status, String respondentRole, Instant startedAt,
                Instant updatedAt, @io.micronaut.core.annotation.Nullable Instant submittedAt, boolean quoteConsent,
                @io.micronaut.core.annotation.Nullable Instant quoteConsentAt) {
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
