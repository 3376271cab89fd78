package org.yousaid.outcome;

import org.yousaid.shared.IndicatorMeasures;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Outcomes, indicators and their values; every statement names the area. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OutcomeRepository extends GenericRepository<Outcome, UUID> {

    @Query("select area_id, id, title, description, position from outcomes where area_id = :areaId order by position, id")
    List<Outcome> outcomes(String areaId);

    @Query("select area_id, id, title, description, position from outcomes where area_id = :areaId and id = :id")
    Optional<Outcome> outcome(String areaId, UUID id);

    @Query("""
            insert into outcomes (area_id, id, title, description, position, created_by, created_at)
            select :areaId, :id, :title, :description, coalesce(max(position), 0) + 1, :by, :at
            from outcomes where area_id = :areaId""")
    int addOutcome(String areaId, UUID id, String title, @Nullable String description, String by, Instant at);

    /** Seeds an outcome once: the demo area's start. */
    @Query("""
            insert into outcomes (area_id, id, title, description, position, created_by, created_at)
            select :areaId, :id, :title, :description, :position, 'seed', :at
            where not exists (select 1 from outcomes where area_id = :areaId and title = :title)""")
    int seedOutcome(String areaId, UUID id, String title, @Nullable String description, int position, Instant at);

    @Query("select area_id, id, title, description, position from outcomes where area_id = :areaId and title = :title")
    Optional<Outcome> outcomeTitled(String areaId, String title);

    @Query("""
            select area_id, id, outcome_id, title, kind, unit, polarity, period_kind, baseline_period, baseline_value,
                   target_period, target_value, computed
            from indicators where area_id = :areaId order by created_at, id""")
    List<Indicator> indicators(String areaId);

    @Query("""
            select area_id, id, outcome_id, title, kind, unit, polarity, period_kind, baseline_period, baseline_value,
                   target_period, target_value, computed
            from indicators where area_id = :areaId and id = :id""")
    Optional<Indicator> indicator(String areaId, UUID id);

    @Query("""
            insert into indicators (area_id, id, outcome_id, title, kind, unit, polarity, period_kind, baseline_period,
                                    baseline_value, target_period, target_value, computed, created_by, created_at)
            values (:areaId, :id, :outcomeId, :title, :kind, :unit, :polarity, :periodKind, :baselinePeriod,
                    :baselineValue, :targetPeriod, :targetValue, cast(:computed as jsonb), :by, :at)""")
    int addIndicator(String areaId, UUID id, UUID outcomeId, String title, String kind, String unit, String polarity,
                     String periodKind, @Nullable String baselinePeriod, @Nullable Double baselineValue,
                     @Nullable String targetPeriod, @Nullable Double targetValue,
                     @Nullable @io.micronaut.data.annotation.TypeDef(type = io.micronaut.data.model.DataType.JSON)
                     IndicatorMeasures.Measure computed, String by, Instant at);

    @Query("""
            select count(*) from indicators where area_id = :areaId and outcome_id = :outcomeId and title = :title""")
    int indicatorsTitled(String areaId, UUID outcomeId, String title);

    /** Serialises entries for one indicator's period: the next entry number is read and written under it. */
    @Query("select 1 from (select pg_advisory_xact_lock(hashtext('indicator:' || :areaId || ':' || :indicatorId || ':' || :period))) taken")
    Optional<Integer> lock(String areaId, String indicatorId, String period);

    @Query("""
            update indicator_values set replaced = true
            where area_id = :areaId and indicator_id = :indicatorId and period = :period and not replaced""")
    int replace(String areaId, UUID indicatorId, String period);

    @Query("""
            insert into indicator_values (area_id, indicator_id, period, entry, value, source, note, entered_by, entered_at)
            select :areaId, :indicatorId, :period, coalesce(max(entry), 0) + 1, :value, :source, :note, :by, :at
            from indicator_values where area_id = :areaId and indicator_id = :indicatorId and period = :period""")
    int addValue(String areaId, UUID indicatorId, String period, double value, String source, @Nullable String note,
                 String by, Instant at);

    @Query("""
            select area_id, indicator_id, period, entry, value, source, note, entered_by, entered_at, replaced
            from indicator_values where area_id = :areaId and not replaced order by period""")
    List<IndicatorValue> valuesInForce(String areaId);

    @Query("""
            select area_id, indicator_id, period, entry, value, source, note, entered_by, entered_at, replaced
            from indicator_values where area_id = :areaId and indicator_id = :indicatorId and period = :period
            order by entry desc""")
    List<IndicatorValue> history(String areaId, UUID indicatorId, String period);
}
