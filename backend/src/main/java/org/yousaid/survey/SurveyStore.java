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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Surveys and their versions. Every statement names the area. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SurveyStore extends GenericRepository<SurveyStore.Survey, UUID> {

    @MappedEntity("surveys")
    record Survey(String areaId, @Id UUID id, String kind, String createdBy, Instant createdAt) {
    }

    /** A survey in the editors' list, with the newest version's title. */
    @Introspected
    record Summary(UUID id, String kind, String title, Instant createdAt, @Nullable Integer publishedVersion,
                   @Nullable Integer draftVersion) {
    }

    /** A survey's published version, for the respondents' list. */
    @Introspected
    record Published(UUID id, String kind, int version, String definitionJson, Instant createdAt) {
    }

    @Query("insert into surveys (area_id, id, kind, created_by, created_at) values (:areaId, :id, :kind, :createdBy, :now)")
    void insertSurvey(String areaId, UUID id, String kind, String createdBy, Instant now);

    @Query("select * from surveys where area_id = :areaId and id = :id")
    Optional<Survey> survey(String areaId, UUID id);

    /** Locks the survey row: version changes of one survey happen one at a time. */
    @Query("select * from surveys where area_id = :areaId and id = :id for update")
    Optional<Survey> surveyForUpdate(String areaId, UUID id);

    @Query("select * from surveys where area_id = :areaId order by created_at, id")
    List<Survey> surveys(String areaId);

    @Query("update surveys set kind = :kind where area_id = :areaId and id = :id")
    void updateKind(String areaId, UUID id, String kind);

    @Query("""
            insert into survey_versions (area_id, survey_id, version, status, definition, created_at)
            values (:areaId, :surveyId, :version, 'draft', cast(:definitionJson as jsonb), :now)""")
    void insertDraft(String areaId, UUID surveyId, int version, String definitionJson, Instant now);

    @Query("""
            update survey_versions set definition = cast(:definitionJson as jsonb)
            where area_id = :areaId and survey_id = :surveyId and version = :version and status = 'draft'""")
    void replaceDraft(String areaId, UUID surveyId, int version, String definitionJson);

    /** The published version becomes superseded (it keeps taking answers begun on it), the draft is published. */
    default void publish(String areaId, UUID surveyId, int version, Instant now) {
        supersedePublished(areaId, surveyId);
        publishDraft(areaId, surveyId, version, now);
    }

    @Query("update survey_versions set status = 'superseded' where area_id = :areaId and survey_id = :surveyId and status = 'published'")
    void supersedePublished(String areaId, UUID surveyId);

    @Query("""
            update survey_versions set status = 'published', published_at = :now
            where area_id = :areaId and survey_id = :surveyId and version = :version and status = 'draft'""")
    void publishDraft(String areaId, UUID surveyId, int version, Instant now);

    @Query("""
            update survey_versions set status = 'retired', retired_at = :now
            where area_id = :areaId and survey_id = :surveyId and version = :version and status in ('published', 'superseded')""")
    void retire(String areaId, UUID surveyId, int version, Instant now);

    /** Surveys after (createdAt, id), oldest first; pass the epoch and the nil UUID for the first page. */
    @Query("""
            select s.id, s.kind, s.created_at,
                   (select v.definition ->> 'title' from survey_versions v
                    where v.area_id = s.area_id and v.survey_id = s.id order by v.version desc limit 1) as title,
                   (select v.version from survey_versions v
                    where v.area_id = s.area_id and v.survey_id = s.id and v.status = 'published') as published_version,
                   (select v.version from survey_versions v
                    where v.area_id = s.area_id and v.survey_id = s.id and v.status = 'draft') as draft_version
            from surveys s where s.area_id = :areaId and (s.created_at, s.id) > (:afterAt, :afterId)
            order by s.created_at, s.id limit :limit""")
    List<Summary> summaries(String areaId, Instant afterAt, UUID afterId, int limit);

    /** Surveys with a published version after (createdAt, id), oldest first. */
    @Query("""
            select s.id, s.kind, v.version, v.definition::text as definition_json, s.created_at
            from surveys s join survey_versions v
              on v.area_id = s.area_id and v.survey_id = s.id and v.status = 'published'
            where s.area_id = :areaId and (s.created_at, s.id) > (:afterAt, :afterId)
            order by s.created_at, s.id limit :limit""")
    List<Published> published(String areaId, Instant afterAt, UUID afterId, int limit);

    @Query("select * from survey_versions where area_id = :areaId and survey_id = :surveyId order by version")
    List<SurveyVersion> versions(String areaId, UUID surveyId);

    @Query("select * from survey_versions where area_id = :areaId and survey_id = :surveyId and version = :version")
    Optional<SurveyVersion> version(String areaId, UUID surveyId, int version);
}
