package org.yousaid.console;

import java.util.List;
import org.yousaid.response.LoopMetrics;

/** A quarter's loop figures in words, as the loop page and the board report page show them. */
record LoopView(String quarter, String period, List<Line> howMuch, List<Line> howWell, List<ThemeRow> themes,
                List<IndicatorRow> indicators) {

    record Line(String label, String value) {
    }

    record ThemeRow(String theme, String words, String families, String answered, String days, String onTime, String reached,
                    int responses) {
    }

    record IndicatorRow(String title, String kind, String latest, String previous, String baseline, String target,
                        String direction) {
    }

    static LoopView of(LoopMetrics m) {
        LoopMetrics.LoopFigures a = m.area();
        return new LoopView(m.quarter(), Figures.quarterName(m.quarter()) + " (" + m.from() + " to " + m.to() + ")",
                List.of(new Line("Words families sent", Figures.count(a.words())),
                        new Line("Families who spoke", Figures.count(a.families())),
                        new Line("Families told of a response", Figures.count(a.reached()))),
                List.of(new Line("Themes answered by a published response", Figures.share(a.answered())),
                        new Line("Median time from words to a response", Figures.days(a.medianDaysToResponse())),
                        new Line("Actions done by their due date", Figures.share(a.actionsDoneOnTime()))),
                m.themes().stream().map(t -> new ThemeRow(t.theme().name(), Figures.count(t.figures().words()),
                        Figures.count(t.figures().families()), Figures.share(t.figures().answered()),
                        Figures.days(t.figures().medianDaysToResponse()), Figures.share(t.figures().actionsDoneOnTime()),
                        Figures.count(t.figures().reached()), t.responses())).toList(),
                m.indicators().stream().map(t -> new IndicatorRow(t.indicator().title(), OutcomePages.kind(t.indicator().kind()),
                        Figures.point(t.indicator().latest(), t.indicator().unit()), Figures.point(t.previous(), t.indicator().unit()),
                        Figures.point(t.baseline(), t.indicator().unit()), Figures.point(t.indicator().target(), t.indicator().unit()),
                        Figures.direction(t))).toList());
    }
}
