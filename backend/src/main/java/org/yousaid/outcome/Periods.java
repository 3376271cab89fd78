package org.yousaid.outcome;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Indicator periods: quarters written {@code 2026-Q3} (calendar quarters) and months {@code 2026-09}.
 * A period's first day places it in time; the text sorts in time order within one kind.
 */
public final class Periods {

    public static final String MONTH = "month";
    public static final String QUARTER = "quarter";
    /** The Children and Families Act 2014 began the EHC plan era; earlier figures are not this framework's. */
    static final int FIRST_YEAR = 2010;

    private static final Pattern QUARTER_TEXT = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH_TEXT = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

    private Periods() {
    }

    /** The period {@code date} falls in. */
    static String of(String kind, LocalDate date) {
        return QUARTER.equals(kind) ? date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1)
                : String.format(java.util.Locale.ROOT, "%d-%02d", date.getYear(), date.getMonthValue());
    }

    /** The day after {@code period} ends. */
    static LocalDate end(String kind, LocalDate start) {
        return QUARTER.equals(kind) ? start.plusMonths(3) : start.plusMonths(1);
    }

    /** The {@code n} periods up to and including the one {@code today} falls in, oldest first. */
    public static java.util.List<String> recent(String kind, LocalDate today, int n) {
        java.util.List<String> periods = new java.util.ArrayList<>();
        LocalDate start = start(kind, of(kind, today)).orElseThrow();
        for (int i = n - 1; i >= 0; i--) {
            LocalDate s = QUARTER.equals(kind) ? start.minusMonths(3L * i) : start.minusMonths(i);
            if (s.getYear() >= FIRST_YEAR) {
                periods.add(of(kind, s));
            }
        }
        return periods;
    }

    /** The first day of {@code period} if it is one of {@code kind}, from {@link #FIRST_YEAR} on. */
    static Optional<LocalDate> start(String kind, String period) {
        if (period == null) {
            return Optional.empty();
        }
        Matcher m = (QUARTER.equals(kind) ? QUARTER_TEXT : MONTH_TEXT).matcher(period);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < FIRST_YEAR) {
            return Optional.empty();
        }
        int month = QUARTER.equals(kind) ? (Integer.parseInt(m.group(2)) - 1) * 3 + 1 : Integer.parseInt(m.group(2));
        return Optional.of(YearMonth.of(year, month).atDay(1));
    }
}
