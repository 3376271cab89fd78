package org.yousaid.survey;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The survey results' reads over submitted answer sets: one pass for every question's counts, and
 * the ordered statistics that need their own. Every statement names the area and the survey.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ResultsRepository extends GenericRepository<SurveyAnswer, UUID> {

    @Introspected
    record Stamp(long submitted, Instant lastSubmitted) {
    }

    /** How many answer sets are submitted and when the last was: an index-only scan, read before each results read. */
    @Query("""
            select count(*) as submitted, coalesce(max(submitted_at), 'epoch') as last_submitted
            from survey_answers where area_id = :areaId and survey_id = :surveyId and status = 'submitted'""")
    Stamp stamp(String areaId, UUID surveyId);

    /** Per question id: respondents, and for {@code counted} questions the count of each value. */
    @Introspected
    record ValueRow(String key, @Nullable String value, long n) {
    }

    @Query("""
            select e.key, case when e.key = any (:counted) and jsonb_typeof(e.value) in ('string', 'number')
                               then e.value #>> '{}' end as value, count(*) as n
            from survey_answers a cross join lateral jsonb_each(a.answers) e
            where a.area_id = :areaId and a.survey_id = :surveyId and a.status = 'submitted'
            group by 1, 2""")
    List<ValueRow> values(String areaId, UUID surveyId, @TypeDef(type = DataType.STRING_ARRAY) String[] counted);

    /** For multiple-choice questions: how often each option was chosen. */
    @Query("""
            select e.key, x as value, count(*) as n
            from survey_answers a cross join lateral jsonb_each(a.answers) e
                 cross join lateral jsonb_array_elements_text(e.value) x
            where a.area_id = :areaId and a.survey_id = :surveyId and a.status = 'submitted' and e.key = any (:multiple)
              and jsonb_typeof(e.value) = 'array'
            group by 1, 2""")
    List<ValueRow> selected(String areaId, UUID surveyId, @TypeDef(type = DataType.STRING_ARRAY) String[] multiple);

    @Introspected
    record QuarterRow(String key, String quarter, long n, long agreeing) {
    }

    /** For I statements: respondents and those agreeing (4 or 5) per quarter, in England's time. */
    @Query("""
            select e.key, to_char(date_trunc('quarter', a.submitted_at at time zone 'Europe/London'), 'YYYY-"Q"Q') as quarter,
                   count(*) as n, count(*) filter (where (e.value)::numeric >= 4) as agreeing
            from survey_answers a cross join lateral jsonb_each(a.answers) e
            where a.area_id = :areaId and a.survey_id = :surveyId and a.status = 'submitted' and e.key = any (:statements)
              and jsonb_typeof(e.value) = 'number'
            group by 1, 2 order by 1, 2""")
    List<QuarterRow> quarters(String areaId, UUID surveyId, @TypeDef(type = DataType.STRING_ARRAY) String[] statements);

    @Introspected
    record NumberStats(double mean, double median) {
    }

    @Query("""
            select coalesce(avg(v), 0) as mean, coalesce(percentile_cont(0.5) within group (order by v), 0) as median
            from (select (answers -> :question)::numeric as v from survey_answers
                  where area_id = :areaId and survey_id = :surveyId and status = 'submitted'
                    and jsonb_typeof(answers -> :question) = 'number') x""")
    NumberStats number(String areaId, UUID surveyId, String question);

    @Introspected
    record EquipmentRow(String category, long items, double medianWeeks, double p90Weeks, long withinTarget, long decided,
                        long waiting) {
    }

    /**
     * Waiting weeks from identification to delivery, or to today for items still awaited, per
     * category. An item stored before dates were range-checked (year 0 cannot be a PostgreSQL date)
     * is left out rather than failing every read of the results.
     */
    @Query("""
            select category, count(*) as items,
                   percentile_cont(0.5) within group (order by days) / 7.0 as median_weeks,
                   percentile_cont(0.9) within group (order by days) / 7.0 as p90_weeks,
                   count(*) filter (where received and days <= :targetDays) as within_target,
                   count(*) filter (where received or days > :targetDays) as decided,
                   count(*) filter (where not received) as waiting
            from (select answers -> :question ->> 'category' as category,
                         (answers -> :question ->> 'received') is not null as received,
                         coalesce((answers -> :question ->> 'received')::date, current_date)
                             - (answers -> :question ->> 'identified')::date as days
                  from survey_answers
                  where area_id = :areaId and survey_id = :surveyId and status = 'submitted'
                    and jsonb_typeof(answers -> :question) = 'object'
                    and (answers -> :question ->> 'identified') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                    and (answers -> :question ->> 'identified') >= '1900-01-01'
                    and coalesce(answers -> :question ->> 'received', '1900-01-01') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                    and coalesce(answers -> :question ->> 'received', '1900-01-01') >= '1900-01-01') x
            group by category""")
    List<EquipmentRow> equipment(String areaId, UUID surveyId, String question, int targetDays);
}
