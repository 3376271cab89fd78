package org.yousaid.survey;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.yousaid.shared.IndicatorMeasures;

/**
 * Indicators computed from families' survey answers: equipment delivered within its target weeks,
 * agreement with I statements, agreement with one question. Each period counts answers submitted in
 * it, except equipment, which counts items delivered in it.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface SurveyMeasures extends IndicatorMeasures, GenericRepository<AnswerRepository.AnswerRow, UUID> {

    String EQUIPMENT = "equipment_within_target";
    java.time.ZoneId ENGLAND = java.time.ZoneId.of("Europe/London");
    String I_STATEMENT = "i_statement_agreement";
    String ITEM = "survey_item_agreement";

    @Override
    default Set<String> measures() {
        return Set.of(EQUIPMENT, I_STATEMENT, ITEM);
    }

    @Override
    default Optional<String> invalid(String areaId, Measure m) {
        return switch (m.measure()) {
            case EQUIPMENT -> Optional.empty();
            case I_STATEMENT -> m.statement() == null || m.statement().isBlank()
                    ? Optional.of("Name the I statements' tag (statement), e.g. equipment_in_time.") : Optional.empty();
            default -> m.surveyId() == null || m.questionId() == null || questionsOfType(areaId, m.surveyId(), m.questionId()) == 0
                    ? Optional.of("Name a Likert or I-statement question (questionId) of one of the area's surveys (surveyId).")
                    : Optional.empty();
        };
    }

    /** One pass over the answers, counted by day, then summed into each window (days are England's). */
    @Override
    default Map<String, Measured> measureEach(String areaId, Measure m, List<Window> windows) {
        if (windows.isEmpty()) {
            return Map.of();
        }
        Instant from = windows.stream().map(Window::from).min(Instant::compareTo).orElseThrow();
        Instant to = windows.stream().map(Window::to).max(Instant::compareTo).orElseThrow();
        List<DayCount> days = switch (m.measure()) {
            case EQUIPMENT -> equipment(areaId, from, to);
            case I_STATEMENT -> statements(areaId, m.statement(), from, to);
            default -> item(areaId, m.surveyId(), m.questionId(), from, to);
        };
        Map<String, Measured> measured = new LinkedHashMap<>();
        for (Window w : windows) {
            long yes = 0;
            long total = 0;
            for (DayCount d : days) {
                Instant start = d.day().atStartOfDay(ENGLAND).toInstant();
                if (!start.isBefore(w.from()) && start.isBefore(w.to())) {
                    yes += d.yes();
                    total += d.total();
                }
            }
            if (total > 0) {
                measured.put(w.period(), new Measured((double) yes / total, (int) total));
            }
        }
        return measured;
    }

    @Override
    default String source(Measure m) {
        return switch (m.measure()) {
            case EQUIPMENT -> "Computed by YouSaid: equipment survey items delivered in the period";
            case I_STATEMENT -> "Computed by YouSaid: agreement with I statements '" + m.statement() + "'";
            default -> "Computed by YouSaid: agreement with survey question '" + m.questionId() + "'";
        };
    }

    @Query("""
            select count(*) from survey_versions v cross join lateral jsonb_array_elements(v.definition -> 'questions') q
            where v.area_id = :areaId and v.survey_id = :surveyId and q ->> 'id' = :questionId
              and q ->> 'type' in ('likert', 'i_statement')""")
    int questionsOfType(String areaId, UUID surveyId, String questionId);

    /** Items delivered in [from, to) from every equipment survey, by day delivered, and how many came within their target weeks. */
    @Query("""
            select received as day, count(*) filter (where received - identified <= target_days) as yes, count(*) as total
            from (select case when (a.answers -> q.id ->> 'identified') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                                    and (a.answers -> q.id ->> 'identified') >= '1900-01-01'
                              then (a.answers -> q.id ->> 'identified')::date end as identified,
                         case when (a.answers -> q.id ->> 'received') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                                    and (a.answers -> q.id ->> 'received') >= '1900-01-01'
                              then (a.answers -> q.id ->> 'received')::date end as received,
                         7 * q.target_weeks as target_days
                  from survey_answers a
                  join surveys s on s.area_id = a.area_id and s.id = a.survey_id and s.kind = 'equipment'
                  join survey_versions v on v.area_id = a.area_id and v.survey_id = a.survey_id and v.version = a.version
                  cross join lateral (select e ->> 'id' as id,
                                             case when jsonb_typeof(e -> 'targetWeeks') = 'number'
                                                  then (e ->> 'targetWeeks')::numeric else 6 end as target_weeks
                                      from jsonb_array_elements(v.definition -> 'questions') e
                                      where e ->> 'type' = 'equipment_item') q
                  where a.area_id = :areaId and a.status = 'submitted' and jsonb_typeof(a.answers -> q.id) = 'object') x
            where identified is not null and received >= cast(:from as timestamptz) at time zone 'Europe/London'
              and received < cast(:to as timestamptz) at time zone 'Europe/London'
            group by received""")
    List<DayCount> equipment(String areaId, Instant from, Instant to);

    /** Answers 1–5 submitted in [from, to) to every I statement tagged {@code statement}, by day; agreeing is 4 or 5. */
    @Query("""
            select day, count(*) filter (where v >= 4) as yes, count(*) as total
            from (select case when jsonb_typeof(a.answers -> q.id) = 'number' then (a.answers ->> q.id)::numeric end as v,
                         cast(a.submitted_at at time zone 'Europe/London' as date) as day
                  from survey_answers a
                  join survey_versions sv on sv.area_id = a.area_id and sv.survey_id = a.survey_id and sv.version = a.version
                  cross join lateral (select e ->> 'id' as id from jsonb_array_elements(sv.definition -> 'questions') e
                                      where e ->> 'type' = 'i_statement' and e ->> 'outcome' = :statement) q
                  where a.area_id = :areaId and a.status = 'submitted' and a.submitted_at >= :from and a.submitted_at < :to) x
            where v between 1 and 5 group by day""")
    List<DayCount> statements(String areaId, String statement, Instant from, Instant to);

    @Query("""
            select day, count(*) filter (where v >= 4) as yes, count(*) as total
            from (select case when jsonb_typeof(answers -> :questionId) = 'number' then (answers ->> :questionId)::numeric end as v,
                         cast(submitted_at at time zone 'Europe/London' as date) as day
                  from survey_answers
                  where area_id = :areaId and survey_id = :surveyId and status = 'submitted'
                    and submitted_at >= :from and submitted_at < :to) x
            where v between 1 and 5 group by day""")
    List<DayCount> item(String areaId, UUID surveyId, String questionId, Instant from, Instant to);

    @io.micronaut.core.annotation.Introspected
    record DayCount(java.time.LocalDate day, long yes, long total) {
    }
}
