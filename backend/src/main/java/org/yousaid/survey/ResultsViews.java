package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

public final class ResultsViews {

    private ResultsViews() {
    }

    /** Fewer respondents than this behind a figure, and it is withheld. */
    public static final int MINIMUM_GROUP = 5;

    /**
     * A published figure: its value, or suppressed (value null) when fewer than five respondents are
     * behind it, so no family can be picked out.
     */
    @Serdeable
    public record Figure(@Nullable Double value, boolean suppressed) {
        static Figure of(double value, long basedOn) {
            return basedOn < MINIMUM_GROUP ? new Figure(null, true) : new Figure(round(value), false);
        }

        static Figure count(long count) {
            return of(count, count);
        }

        /** A count the caller's {@link org.yousaid.shared.CountTable} has already let through. */
        static Figure shown(long count) {
            return new Figure((double) count, false);
        }

        private static double round(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }

    @Serdeable
    public record OptionCount(String id, String label, Figure count) {
    }

    @Serdeable
    public record ValueCount(int value, Figure count) {
    }

    @Serdeable
    public record Quarter(String quarter, Figure respondents, Figure agreement) {
    }

    @Serdeable
    public record EquipmentCategory(String id, String label, Figure items, Figure medianWeeks, Figure p90Weeks,
                             Figure withinTarget, Figure stillWaiting) {
    }

    @Serdeable
    public record QuestionResult(String questionId, String type, String text, Figure respondents,
                          @Nullable List<OptionCount> options,
                          @Nullable List<ValueCount> distribution,
                          @Nullable Figure mean,
                          @Nullable Figure agreement,
                          @Nullable String outcome,
                          @Nullable List<Quarter> quarters,
                          @Nullable Figure median,
                          @Nullable Integer targetWeeks,
                          @Nullable List<EquipmentCategory> categories) {
    }

    @Serdeable
    public record SurveyResults(UUID surveyId, String areaId, String title, int minimumGroup, Figure respondents,
                         List<QuestionResult> questions) {
    }
}
