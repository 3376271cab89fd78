package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An indicator's values over time, laid out for an inline SVG the page draws with presentation
 * attributes only (the Content-Security-Policy forbids inline style). Every point carries its value
 * as text and the target line its label, so nothing is told by colour alone; a withheld period is
 * a gap in the line with the word "withheld" where its point would be.
 */
record TrendChart(String id, String viewBox, String title, String description, List<Tick> ticks, List<Point> points,
                  List<Segment> segments, List<Label> periods, @Nullable Line target, int left, int right, int bottom) {

    static final int WIDTH = 640;
    static final int HEIGHT = 280;
    static final int LEFT = 64;
    static final int RIGHT = 40;
    static final int TOP = 28;
    static final int BOTTOM = 56;
    static final int INSET = 28;

    /** A period's value, or null when it is withheld. */
    record Value(String period, @Nullable Double value) {
    }

    record Tick(int y, String label) {
    }

    record Point(int x, int y, String label, int labelY) {
    }

    record Segment(int x1, int y1, int x2, int y2) {
    }

    record Label(int x, int y, String text) {
    }

    record Line(int y, String label, int labelY) {
    }

    static TrendChart of(String id, String title, String unit, List<Value> values, @Nullable Double target) {
        double min = 0;
        double max = target == null ? 0 : target;
        for (Value v : values) {
            if (v.value() != null) {
                min = Math.min(min, v.value());
                max = Math.max(max, v.value());
            }
        }
        if (max <= min) {
            max = min + 1;
        }
        max = niceCeiling(max);
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int plotWidth = WIDTH - LEFT - RIGHT;
        double lo = min;
        double hi = max;
        java.util.function.DoubleToIntFunction y = v -> (int) Math.round(TOP + plotHeight - (v - lo) / (hi - lo) * plotHeight);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            ticks.add(new Tick(y.applyAsInt(v), number(v) + unitSuffix(unit)));
        }
        List<Point> points = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        List<Label> periods = new ArrayList<>();
        Point previous = null;
        int n = values.size();
        for (int i = 0; i < n; i++) {
            Value v = values.get(i);
            // Inset from the axis, so the first value's label does not sit on the axis's own.
            int x = n == 1 ? LEFT + plotWidth / 2 : LEFT + INSET + (int) Math.round((double) i * (plotWidth - 2 * INSET) / (n - 1));
            periods.add(new Label(x, HEIGHT - BOTTOM + 22, v.period()));
            if (v.value() == null) {
                // Under its period, clear of the axis's own labels.
                periods.add(new Label(x, HEIGHT - BOTTOM + 42, "withheld"));
                previous = null;
                continue;
            }
            int py = y.applyAsInt(v.value());
            Point p = new Point(x, py, number(v.value()) + unitSuffix(unit), py - 12);
            if (previous != null) {
                segments.add(new Segment(previous.x(), previous.y(), p.x(), p.y()));
            }
            points.add(p);
            previous = p;
        }
        Line targetLine = target == null ? null : new Line(y.applyAsInt(target), "Target " + number(target) + unitSuffix(unit),
                y.applyAsInt(target) - 6);
        String shown = String.join(", ", values.stream().map(v -> v.period() + " " + (v.value() == null ? "withheld"
                : number(v.value()) + unitSuffix(unit))).toList());
        String description = "Values by period: " + (shown.isEmpty() ? "none yet" : shown) + "."
                + (target == null ? "" : " Target " + number(target) + unitSuffix(unit) + ".");
        return new TrendChart(id, "0 0 " + WIDTH + " " + HEIGHT, title, description, ticks, points, segments, periods,
                targetLine, LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM);
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.UK, "%.0f", v) : String.format(Locale.UK, "%.1f", v);
    }

    static String unitSuffix(String unit) {
        return "%".equals(unit) ? "%" : unit == null || unit.isBlank() ? "" : " " + unit;
    }

    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
