package org.yousaid.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.yousaid.shared.CountTable;

/** Is the loop closed? A quarter's figures for the area and per theme (openapi.yaml, LoopMetrics). */
@Serdeable
public record LoopMetrics(String quarter, LocalDate from, LocalDate to, LoopFigures area, List<ThemeLoop> themes,
                          List<IndicatorTrend> indicators) {

    /** Below this, a count of families or answers is withheld: a small number could point at a family. */
    public static final int SMALLEST_SHOWN = CountTable.SMALLEST_SHOWN;

    /** A count; withheld (value null) from 1 to 4, or where it would let a withheld one be worked out ({@link CountTable}). */
    @Serdeable
    public record Count(@Nullable Long value, boolean suppressed) {
        /** A count shown on its own. */
        public static Count of(long n) {
            return of(n, CountTable.small(n));
        }

        public static Count of(long n, boolean withheld) {
            return withheld ? new Count(null, true) : new Count(n, false);
        }

        /** The total of {@code table}. */
        public static Count total(CountTable table) {
            return of(table.total(), table.totalWithheld());
        }

        /** Part {@code i} of {@code table}. */
        public static Count part(CountTable table, int i) {
            return of(table.part(i), table.withheld(i));
        }
    }

    /**
     * A share (0–1) of {@code of} things. {@code of} is null when it is itself withheld.
     */
    @Serdeable
    public record Share(@Nullable Double value, @Nullable Long of, boolean suppressed) {
        /**
         * A share of families' things: {@code n} of {@code of} and the {@code of - n} others are a table
         * (the share and its base give both away), so the share is withheld when either could point at a
         * family, and the base too when the rule says so.
         */
        public static Share of(long n, long of) {
            if (of == 0) {
                return new Share(null, 0L, false);
            }
            CountTable table = CountTable.of(of, n, of - n);
            if (table.totalWithheld()) {
                return new Share(null, null, true);
            }
            return table.anyWithheld() ? new Share(null, of, true) : new Share(Math.round(1000.0 * n / of) / 1000.0, of, false);
        }

        /** A share of things that identify no family (themes, actions): always shown. */
        public static Share counted(long n, long of) {
            return of == 0 ? new Share(null, 0L, false) : new Share(Math.round(1000.0 * n / of) / 1000.0, of, false);
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
