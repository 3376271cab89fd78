package org.yousaid.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yousaid.response.LoopMetrics;

/** Published figures in words: a withheld one says so and never shows a number. */
final class Figures {

    static final String WITHHELD = "Withheld (fewer than 5)";

    private Figures() {
    }

    static String count(LoopMetrics.Count c) {
        return c.suppressed() || c.value() == null ? WITHHELD : String.format(Locale.UK, "%,d", c.value());
    }

    static String share(LoopMetrics.Share s) {
        if (s.suppressed()) {
            return s.of() == null ? WITHHELD : "Withheld (fewer than 5 on one side, of " + String.format(Locale.UK, "%,d", s.of()) + ")";
        }
        if (s.value() == null) {
            return "None to count";
        }
        return Math.round(s.value() * 100) + "% (" + Math.round(s.value() * s.of()) + " of " + String.format(Locale.UK, "%,d", s.of()) + ")";
    }

    static String days(Double median) {
        return median == null ? "None answered yet" : String.format(Locale.UK, "%.1f days", median);
    }

    /** A quarter in words: "July to September 2026 (2026-Q3)". */
    static String quarterName(String quarter) {
        String[] parts = quarter.split("-Q");
        String months = switch (parts[1]) {
            case "1" -> "January to March";
            case "2" -> "April to June";
            case "3" -> "July to September";
            default -> "October to December";
        };
        return months + " " + parts[0];
    }

    static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /** The quarter {@code today} is in and the ones before it, newest first. */
    static List<String> recentQuarters(LocalDate today, int n) {
        List<String> quarters = new ArrayList<>();
        LocalDate day = today;
        for (int i = 0; i < n && day.getYear() >= 2010; i++) {
            quarters.add(quarterOf(day));
            day = day.minusMonths(3);
        }
        return quarters;
    }

    static String direction(LoopMetrics.IndicatorTrend t) {
        String d = switch (t.direction()) {
            case "better" -> "Getting better";
            case "worse" -> "Getting worse";
            case "same" -> "No change";
            default -> "Not enough values yet";
        };
        return t.targetMet() == null ? d : d + (t.targetMet() ? "; target met" : "; target not met");
    }

    static String point(LoopMetrics.PeriodValue p, String unit) {
        return p == null ? "Withheld (fewer than 5 answers) or no value yet" : TrendChart.number(p.value()) + TrendChart.unitSuffix(unit) + " (" + p.period() + ")";
    }
}
