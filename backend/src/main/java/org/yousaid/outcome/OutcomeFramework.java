package org.yousaid.outcome;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The area's outcomes and indicators as other features refer to them: a response names what it aims
 * to move, a report shows how each indicator is going. Checks nothing about the caller's role.
 */
@Singleton
public final class OutcomeFramework {

    public record OutcomeRef(UUID id, String title) {
    }

    /** A value for a period: a baseline, a target or the value in force. */
    public record Point(String period, double value) {
    }

    public record IndicatorRef(UUID id, UUID outcomeId, String title, String kind, String unit, String polarity,
                               String periodKind, @Nullable Point baseline, @Nullable Point target, List<Point> series) {

        public @Nullable Point latest() {
            return series.isEmpty() ? null : series.get(series.size() - 1);
        }
    }

    private final OutcomeRepository outcomes;
    private final IndicatorSeries series;

    OutcomeFramework(OutcomeRepository outcomes, IndicatorSeries series) {
        this.outcomes = outcomes;
        this.series = series;
    }

    public Map<UUID, OutcomeRef> outcomes(String areaId) {
        return outcomes.outcomes(areaId).stream().collect(Collectors.toMap(Outcome::id, o -> new OutcomeRef(o.id(), o.title()),
                (a, b) -> a, LinkedHashMap::new));
    }

    /** The ids of the area's indicators, without working out any values: to check what a caller names. */
    public java.util.Set<UUID> indicatorIds(String areaId) {
        return outcomes.indicators(areaId).stream().map(Indicator::id).collect(Collectors.toSet());
    }

    /** Every indicator with its values in force (entered, or computed for recent periods), oldest period first. */
    public Map<UUID, IndicatorRef> indicators(String areaId) {
        return indicators(areaId, i -> true);
    }

    /** The indicators among {@code ids}: only their computed values are worked out. */
    public Map<UUID, IndicatorRef> indicators(String areaId, java.util.Collection<UUID> ids) {
        java.util.Set<UUID> wanted = java.util.Set.copyOf(ids);
        return indicators(areaId, i -> wanted.contains(i.id()));
    }

    private Map<UUID, IndicatorRef> indicators(String areaId, java.util.function.Predicate<Indicator> wanted) {
        List<Indicator> chosen = outcomes.indicators(areaId).stream().filter(wanted).toList();
        Map<UUID, List<Point>> values = new LinkedHashMap<>();
        series.of(areaId, chosen).forEach((id, vs) -> values.put(id, vs.stream().map(v -> new Point(v.period(), v.value())).toList()));
        return chosen.stream().map(i -> new IndicatorRef(i.id(), i.outcomeId(), i.title(), i.kind(),
                        i.unit(), i.polarity(), i.periodKind(),
                        i.baselinePeriod() == null ? null : new Point(i.baselinePeriod(), i.baselineValue()),
                        i.targetPeriod() == null ? null : new Point(i.targetPeriod(), i.targetValue()),
                        values.getOrDefault(i.id(), List.of())))
                .collect(Collectors.toMap(IndicatorRef::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
