package org.yousaid.outcome;

import org.yousaid.shared.IndicatorMeasures;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yousaid.outcome.OutcomeViews.ValueView;
import org.yousaid.shared.CountTable;

/**
 * An indicator's series: the values commissioners entered, or, for an indicator YouSaid computes,
 * its value for each of the recent periods, worked out on reading from the families' own answers
 * (a share, shown as a per cent, withheld when it rests on too few answers).
 */
@Singleton
final class IndicatorSeries {

    static final int QUARTERS = 8;
    static final int MONTHS = 12;
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final OutcomeRepository outcomes;
    private final List<IndicatorMeasures> measures;
    private final Clock clock;

    IndicatorSeries(OutcomeRepository outcomes, List<IndicatorMeasures> measures, Clock clock) {
        this.outcomes = outcomes;
        this.measures = measures;
        this.clock = clock;
    }

    Map<UUID, List<ValueView>> of(String areaId, List<Indicator> indicators) {
        Map<UUID, List<ValueView>> series = new LinkedHashMap<>();
        if (indicators.stream().anyMatch(i -> i.computed() == null)) {
            series.putAll(outcomes.valuesInForce(areaId).stream().collect(Collectors.groupingBy(IndicatorValue::indicatorId,
                    LinkedHashMap::new, Collectors.mapping(ValueView::of, Collectors.toList()))));
        }
        for (Indicator i : indicators) {
            if (i.computed() != null) {
                series.put(i.id(), computed(areaId, i));
            }
        }
        return series;
    }

    Optional<IndicatorMeasures> measureFor(IndicatorMeasures.Measure measure) {
        return measures.stream().filter(m -> m.measures().contains(measure.measure())).findFirst();
    }

    /**
     * A share of families' answers, given with the answers it rests on, gives away how many agreed and
     * how many did not: both are parts of one table under the one rule ({@link CountTable}). Shares of
     * themes (smallest shown 1) identify no family.
     */
    static boolean shown(IndicatorMeasures.Measured m, int smallestShown) {
        if (m.basedOn() < smallestShown) {
            return false;
        }
        if (smallestShown <= 1) {
            return true;
        }
        long n = Math.round(m.share() * m.basedOn());
        return !CountTable.of(m.basedOn(), n, m.basedOn() - n).anyWithheld();
    }

    private List<ValueView> computed(String areaId, Indicator i) {
        IndicatorMeasures measure = measureFor(i.computed()).orElse(null);
        if (measure == null) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(ENGLAND));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ValueView> values = new ArrayList<>();
        String source = measure.source(i.computed());
        List<IndicatorMeasures.Window> windows = new ArrayList<>();
        for (String period : Periods.recent(i.periodKind(), today, Periods.QUARTER.equals(i.periodKind()) ? QUARTERS : MONTHS)) {
            LocalDate start = Periods.start(i.periodKind(), period).orElseThrow();
            windows.add(new IndicatorMeasures.Window(period, start.atStartOfDay(ENGLAND).toInstant(),
                    Periods.end(i.periodKind(), start).atStartOfDay(ENGLAND).toInstant()));
        }
        Map<String, IndicatorMeasures.Measured> measured = measure.measureEach(areaId, i.computed(), windows);
        for (IndicatorMeasures.Window w : windows) {
            IndicatorMeasures.Measured m = measured.get(w.period());
            if (m != null && shown(m, measure.smallestShown(i.computed()))) {
                values.add(new ValueView(w.period(), Math.round(m.share() * 1000) / 10.0, source, null, "yousaid", now, false,
                        m.basedOn()));
            }
        }
        return values;
    }
}
