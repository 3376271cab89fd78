package org.yousaid.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yousaid.survey.ResultsViews.Figure;

/**
 * A bar chart of published counts, laid out on the server as SVG geometry, and the table that gives
 * the same numbers. The page's Content-Security-Policy allows no script and no inline style, so the
 * template only copies the numbers worked out here into presentation attributes. A withheld count
 * has no bar: a bar's length would give the number away.
 */
final class ResultsChart {

    static final String WITHHELD = "withheld (fewer than 5)";

    private static final int WIDTH = 640;
    private static final int LONGEST_BAR = 440;
    private static final int ROW = 52;
    private static final int LONGEST_LABEL = 70;

    private ResultsChart() {
    }

    /** One count to chart: what it counts and its published figure. */
    record Entry(String label, Figure count) {
    }

    /** A table cell: its text, and whether the figure behind it was withheld. */
    record Cell(String text, boolean withheld) {
    }

    record Row(String label, List<Cell> cells) {
    }

    record Table(String caption, String rowHeader, List<String> headers, List<Row> rows) {
    }

    /** One bar as drawn: its label above, the bar, and its value (or "withheld") after it. */
    record Bar(String label, int labelY, int barY, int length, boolean withheld, String value, int valueX, int valueY) {
    }

    /** {@code viewBox} alone sizes the drawing: it scales to the column's width, down to a phone's. */
    record Chart(String id, String title, String viewBox, List<Bar> bars) {
    }

    static Chart chart(String id, String title, List<Entry> entries) {
        double most = entries.stream().filter(e -> !e.count().suppressed() && e.count().value() != null)
                .mapToDouble(e -> e.count().value()).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        StringBuilder said = new StringBuilder(title).append(':');
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            boolean withheld = withheld(e.count());
            int top = i * ROW;
            int length = withheld || most == 0 ? 0 : (int) Math.round(LONGEST_BAR * e.count().value() / most);
            String value = count(e.count());
            bars.add(new Bar(shortened(e.label()), top + 16, top + 24, length, withheld, value, length + 8, top + 39));
            said.append(i == 0 ? " " : "; ").append(e.label()).append(' ').append(value);
        }
        int height = Math.max(ROW, entries.size() * ROW);
        return new Chart(id, said.toString(), "0 0 " + WIDTH + " " + height, bars);
    }

    static boolean withheld(Figure figure) {
        return figure.suppressed() || figure.value() == null;
    }

    static Cell cell(String text, Figure figure) {
        return new Cell(text, withheld(figure));
    }

    static String count(Figure figure) {
        return withheld(figure) ? WITHHELD : Long.toString(Math.round(figure.value()));
    }

    /** A share as the service gives it (0 to 1), as a percentage. */
    static String share(Figure figure) {
        return withheld(figure) ? WITHHELD : Math.round(figure.value() * 100) + "%";
    }

    static String decimal(Figure figure, String unit) {
        return withheld(figure) ? WITHHELD : String.format(Locale.UK, "%.1f", figure.value()) + unit;
    }

    /** SVG text does not wrap: a long label is cut in the chart, and given whole in the table. */
    private static String shortened(String label) {
        return label.length() <= LONGEST_LABEL ? label : label.substring(0, LONGEST_LABEL - 1).strip() + "\u2026";
    }
}
