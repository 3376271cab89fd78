package org.yousaid.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Is the loop closed? A quarter's figures for the area and per theme (openapi.yaml, LoopMetrics). */
@Serdeable
public record LoopMetrics(String quarter, LocalDate from, LocalDate to, LoopFigures area, List<ThemeLoop> themes,
                          List<IndicatorTrend> indicators) {

    /** Below this, a count of families or answers is withheld: a small number could point at a family. */
    public static final int SMALLEST_SHOWN = 5;

    @Serdeable
    public record Count(@Nullable Long value, boolean suppressed) {
        public static Count of(long n) {
            return n > 0 && n < SMALLEST_SHOWN ? new Count(null, true) : new Count(n, false);
        }
    }

    @Serdeable
    public record Share(@Nullable Double value, long of, boolean suppressed) {
        /** A share of families' things: withheld when it rests on 1 to 4. */
        public static Share of(long n, long of) {
            if (of == 0) {
                return new Share(null, 0, false);
            }
            return of < SMALLEST_SHOWN ? new Share(null, of, true) : new Share(Math.round(1000.0 * n / of) / 1000.0, of, false);
        }

        /** A share of things that identify no family (themes, actions): always shown. */
        public static Share counted(long n, long of) {
            return of == 0 ? new Share(null, 0, false) : new Share(Math.round(1000.0 * n / of) / 1000.0, of, false);
        }
    }

    @Serdeable
    public record LoopFigures(Count words, Count families, Share answered, @Nullable Double medianDaysToResponse,
                              Share actionsDoneOnTime, Count reached) {
    }

    @Serdeable
    public record ThemeName(String id, String name) {
    }

    @Serdeable
    public record ThemeLoop(ThemeName theme, LoopFigures figures, int responses) {
    }

    @Serdeable
    public record PeriodValue(String period, double value) {
    }

    @Serdeable
    public record Indicator(UUID id, UUID outcomeId, String title, String kind, String unit, @Nullable PeriodValue latest,
                            @Nullable PeriodValue target) {
    }

    @Serdeable
    public record IndicatorTrend(Indicator indicator, @Nullable PeriodValue baseline, @Nullable PeriodValue previous,
                                 String direction, @Nullable Boolean targetMet) {
    }
}
