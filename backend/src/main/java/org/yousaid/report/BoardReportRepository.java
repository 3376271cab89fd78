package org.yousaid.report;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The board report's read model: aggregates over families' words (as moderation records them),
 * safeguarding cases, survey answers and responses. Counts only; no text a family wrote leaves here.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface BoardReportRepository extends GenericRepository<BoardReportRepository.Row, UUID> {

    /** Only so Micronaut Data has an entity; every query projects to a record. */
    @MappedEntity("responses")
    record Row(@Id UUID id) {
    }

    @Introspected
    record ThemeCount(String theme, long words, long families, long negative, long rated) {
    }

    @Introspected
    record SentimentCount(@Nullable Short sentiment, long words) {
    }

    @Introspected
    record SafeguardingCount(long flagged, long handled, long escalated, @Nullable Double medianHours) {
    }

    @Introspected
    record SurveyCount(UUID surveyId, String kind, @Nullable String title, long answers) {
    }

    @Introspected
    record Agreement(UUID surveyId, String question, @Nullable String text, String type, long agreeing, long answered) {
    }

    @Introspected
    record Published(UUID id, String title, @TypeDef(type = DataType.STRING_ARRAY) String[] themes, int families,
                     Instant publishedAt, @Nullable Instant updatedAt) {
    }

    @Introspected
    record Action(UUID responseId, String text, String owner, LocalDate dueOn, String status, int progress) {
    }

    @Introspected
    record ActionCount(String status, long actions, long overdue) {
    }

    /** Per theme: words, the families who sent them, and how many of the analysed words read as negative. */
    @Query("""
            select t.theme, count(*) as words, count(distinct coalesce(c.author_uid, a.respondent_uid)) as families,
                   count(*) filter (where m.sentiment >= 4) as negative, count(m.sentiment) as rated
            from moderation_items m cross join unnest(m.themes) as t(theme)
            left join comments c on m.content_type = 'comment' and c.area_id = m.area_id and c.id = m.content_id
            left join survey_answers a on m.content_type = 'survey_answer' and a.area_id = m.area_id and a.id = m.content_id
            where m.area_id = :areaId and m.submitted_at >= :from and m.submitted_at < :to
              and m.state in ('published', 'pending_review', 'changes_requested', 'read')
            group by t.theme""")
    List<ThemeCount> themes(String areaId, Instant from, Instant to);

    @Query("""
            select m.sentiment, count(*) as words from moderation_items m
            where m.area_id = :areaId and m.submitted_at >= :from and m.submitted_at < :to
              and m.state in ('published', 'pending_review', 'changes_requested', 'read')
            group by m.sentiment""")
    List<SentimentCount> sentiment(String areaId, Instant from, Instant to);

    @Query("""
            select count(*) as flagged, count(*) filter (where status = 'handled') as handled,
                   count(*) filter (where escalated_at is not null) as escalated,
                   percentile_cont(0.5) within group (order by extract(epoch from (handled_at - flagged_at)) / 3600.0)
                       filter (where handled_at is not null) as median_hours
            from safeguarding_cases where area_id = :areaId and flagged_at >= :from and flagged_at < :to""")
    SafeguardingCount safeguarding(String areaId, Instant from, Instant to);

    @Query("select count(*) from safeguarding_cases where area_id = :areaId and status <> 'handled'")
    long safeguardingWaiting(String areaId);

    @Query("""
            select s.id as survey_id, s.kind,
                   (select v.definition ->> 'title' from survey_versions v where v.area_id = s.area_id and v.survey_id = s.id
                    order by v.version desc limit 1) as title,
                   count(*) as answers
            from surveys s join survey_answers a on a.area_id = s.area_id and a.survey_id = s.id and a.status = 'submitted'
            where s.area_id = :areaId and a.submitted_at >= :from and a.submitted_at < :to
            group by s.area_id, s.id, s.kind order by count(*) desc""")
    List<SurveyCount> surveys(String areaId, Instant from, Instant to);

    /** Agreement (4 or 5 of 5) with every Likert and I-statement question answered in [from, to). */
    @Query("""
            select a.survey_id, q.id as question, min(q.text) as text, min(q.type) as type,
                   count(*) filter (where x.v >= 4) as agreeing, count(*) as answered
            from survey_answers a
            join survey_versions sv on sv.area_id = a.area_id and sv.survey_id = a.survey_id and sv.version = a.version
            cross join lateral (select e ->> 'id' as id, e ->> 'text' as text, e ->> 'type' as type
                                from jsonb_array_elements(sv.definition -> 'questions') e
                                where e ->> 'type' in ('likert', 'i_statement')) q
            cross join lateral (select case when jsonb_typeof(a.answers -> q.id) = 'number'
                                            then (a.answers ->> q.id)::numeric end as v) x
            where a.area_id = :areaId and a.status = 'submitted' and a.submitted_at >= :from and a.submitted_at < :to
              and x.v between 1 and 5
            group by a.survey_id, q.id order by a.survey_id, q.id""")
    List<Agreement> agreement(String areaId, Instant from, Instant to);

    @Query("""
            select id, title, themes, families, published_at, updated_at from responses
            where area_id = :areaId and status = 'published' and published_at >= :from and published_at < :to
            order by published_at, id""")
    List<Published> published(String areaId, Instant from, Instant to);

    @Query("""
            select response_id, text, owner, due_on, status, progress from response_actions
            where area_id = :areaId and response_id in (:responseIds) order by response_id, position""")
    List<Action> actions(String areaId, Collection<UUID> responseIds);

    @Query("""
            select x.status, count(*) as actions, count(*) filter (where x.status in ('planned', 'in_progress') and x.due_on < :today) as overdue
            from response_actions x join responses r on r.area_id = x.area_id and r.id = x.response_id and r.status = 'published'
            where x.area_id = :areaId group by x.status""")
    List<ActionCount> actionTotals(String areaId, LocalDate today);
}
