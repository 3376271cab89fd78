package org.yousaid.outcome;

import org.yousaid.shared.IndicatorMeasures;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The outcomes framework as the API shows it, and what commissioners send. */
public final class OutcomeViews {

    private OutcomeViews() {
    }

    @Serdeable
    public record OutcomeRequest(@Nullable String title, @Nullable String description) {
    }

    @Serdeable
    public record PeriodValue(String period, double value) {
    }

    @Serdeable
    public record IndicatorRequest(@Nullable String title, @Nullable String kind, @Nullable String unit, @Nullable String polarity,
                            @Nullable String periodKind, @Nullable PeriodValue baseline, @Nullable PeriodValue target,
                            @Nullable IndicatorMeasures.Measure computed) {
    }

    @Serdeable
    public record ValueRequest(@Nullable Double value, @Nullable String source, @Nullable String note) {
    }

    @Serdeable
    public record ValueView(String period, double value, String source, @Nullable String note, String enteredBy, Instant enteredAt,
                     boolean corrected, @Nullable Integer basedOn) {
        static ValueView of(IndicatorValue v) {
            return new ValueView(v.period(), v.value(), v.source(), v.note(), v.enteredBy(), v.enteredAt(), v.entry() > 1, null);
        }
    }

    @Serdeable
    public record IndicatorView(UUID id, UUID outcomeId, String title, String kind, String unit, String polarity, String periodKind,
                         @Nullable PeriodValue baseline, @Nullable PeriodValue target,
                         @Nullable IndicatorMeasures.Measure computed, List<ValueView> series) {
        static IndicatorView of(Indicator i, List<ValueView> series) {
            return new IndicatorView(i.id(), i.outcomeId(), i.title(), i.kind(), i.unit(), i.polarity(), i.periodKind(),
                    i.baselinePeriod() == null ? null : new PeriodValue(i.baselinePeriod(), i.baselineValue()),
                    i.targetPeriod() == null ? null : new PeriodValue(i.targetPeriod(), i.targetValue()), i.computed(), series);
        }
    }

    @Serdeable
    public record OutcomeView(UUID id, String areaId, String title, @Nullable String description, int position,
                       List<IndicatorView> indicators) {
    }

    @Serdeable
    public record OutcomeList(List<OutcomeView> items) {
    }

    @Serdeable
    public record ValueHistory(List<ValueView> items) {
    }
}
