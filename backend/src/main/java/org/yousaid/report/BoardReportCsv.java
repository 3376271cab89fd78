package org.yousaid.report;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.yousaid.response.LoopMetrics;

/**
 * The board report as CSV, one figure per row (section, item, measure, value, note): for analysts
 * and for the council's own dashboards. A withheld figure has no value and the note "withheld": it
 * is 1 to 4, or would let one be worked out from a total and the figures beside it.
 */
@Singleton
public class BoardReportCsv {

    public byte[] render(BoardReport r) {
        StringBuilder csv = new StringBuilder("section,item,measure,value,note\r\n");
        Rows rows = new Rows(csv);
        rows.add("report", r.areaName(), "quarter", r.quarter(), r.from() + " to " + r.to());
        rows.add("report", "small numbers", "rule", "", "a count of 1 to 4 is withheld, and so is any count that would let one be worked out");
        rows.count("summary", "families' words", "words", r.words());
        rows.count("summary", "families", "families", r.families());
        for (BoardReport.ThemeRow t : r.themes()) {
            rows.count("themes", t.name(), "words this quarter", t.words());
            rows.count("themes", t.name(), "words " + r.previousQuarter(), t.previous());
            rows.add("themes", t.name(), "change", t.change() == null ? "" : Long.toString(t.change()),
                    t.change() == null ? "not shown: a count is withheld" : "");
            rows.count("themes", t.name(), "families", t.families());
            rows.share("themes", t.name(), "negative share", t.negative());
        }
        rows.count("sentiment", "all words", "positive", r.sentiment().positive());
        rows.count("sentiment", "all words", "mixed", r.sentiment().mixed());
        rows.count("sentiment", "all words", "negative", r.sentiment().negative());
        rows.count("sentiment", "all words", "not analysed yet", r.sentiment().unknown());
        rows.count("safeguarding", "flags raised", "flags", r.safeguarding().flagged());
        rows.count("safeguarding", "flags raised", "handled", r.safeguarding().handled());
        rows.count("safeguarding", "flags raised", "escalated", r.safeguarding().escalated());
        rows.count("safeguarding", "all flags", "waiting for a person now", r.safeguarding().waitingNow());
        rows.add("safeguarding", "flags raised", "median hours to handle",
                r.safeguarding().medianHoursToHandle() == null ? "" : number(r.safeguarding().medianHoursToHandle()), "");
        for (BoardReport.SurveyRow s : r.surveys()) {
            rows.count("surveys", s.title(), "answers", s.answers());
            for (BoardReport.QuestionRow q : s.questions()) {
                rows.share("surveys", s.title() + ": " + q.text(), "agreeing", q.agreement());
            }
        }
        if (r.equipment() != null) {
            rows.count("equipment", "items delivered", "items", r.equipment().delivered());
            rows.share("equipment", "items delivered", "within target", r.equipment().withinTarget());
        }
        for (BoardReport.ResponseRow response : r.responses()) {
            LoopMetrics.Count families = response.families();
            rows.add("responses", response.title(), "families", families.suppressed() ? "" : Long.toString(families.value()),
                    (families.suppressed() ? "withheld; " : "") + String.join("; ", response.themes()));
            for (BoardReport.ActionRow a : response.actions()) {
                rows.add("actions", response.title() + ": " + a.text(), "status", a.status(),
                        a.owner() + ", due " + a.dueOn() + ", " + a.progress() + "%");
            }
        }
        rows.add("actions", "all published responses", "planned", Long.toString(r.actions().planned()), "");
        rows.add("actions", "all published responses", "in progress", Long.toString(r.actions().inProgress()), "");
        rows.add("actions", "all published responses", "done", Long.toString(r.actions().done()), "");
        rows.add("actions", "all published responses", "not possible", Long.toString(r.actions().notPossible()), "");
        rows.add("actions", "all published responses", "overdue", Long.toString(r.actions().overdue()), "");
        loop(rows, "the area", r.loop().area());
        for (LoopMetrics.ThemeLoop t : r.loop().themes()) {
            loop(rows, t.theme().name(), t.figures());
        }
        for (LoopMetrics.IndicatorTrend t : r.indicators()) {
            String name = t.indicator().title();
            rows.add("indicators", name, "latest", t.indicator().latest() == null ? "" : number(t.indicator().latest().value()),
                    t.indicator().latest() == null ? "no value yet" : t.indicator().latest().period() + " " + t.indicator().unit());
            rows.add("indicators", name, "baseline", t.baseline() == null ? "" : number(t.baseline().value()),
                    t.baseline() == null ? "" : t.baseline().period());
            rows.add("indicators", name, "target", t.indicator().target() == null ? "" : number(t.indicator().target().value()),
                    t.indicator().target() == null ? "" : t.indicator().target().period());
            rows.add("indicators", name, "direction", t.direction(), t.targetMet() == null ? "" : t.targetMet() ? "target met" : "target not met");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void loop(Rows rows, String item, LoopMetrics.LoopFigures f) {
        rows.share("loop", item, "themes answered", f.answered());
        rows.add("loop", item, "median days to response", f.medianDaysToResponse() == null ? "" : number(f.medianDaysToResponse()), "");
        rows.share("loop", item, "actions done by due date", f.actionsDoneOnTime());
        rows.count("loop", item, "families reached", f.reached());
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private record Rows(StringBuilder csv) {

        void count(String section, String item, String measure, LoopMetrics.Count c) {
            add(section, item, measure, c.suppressed() || c.value() == null ? "" : Long.toString(c.value()),
                    c.suppressed() ? "withheld" : "");
        }

        void share(String section, String item, String measure, LoopMetrics.Share s) {
            add(section, item, measure, s.value() == null ? "" : String.format(Locale.ROOT, "%.3f", s.value()),
                    s.suppressed() ? "withheld" : s.of() == 0 ? "none" : "of " + s.of());
        }

        void add(String section, String item, String measure, String value, String note) {
            csv.append(cell(section)).append(',').append(cell(item)).append(',').append(cell(measure)).append(',')
                    .append(cell(value)).append(',').append(cell(note)).append("\r\n");
        }

        /** Quoted as RFC 4180 asks; a cell a spreadsheet would run as a formula is made text. */
        private static String cell(String value) {
            String v = value == null ? "" : value;
            if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
                v = "'" + v;
            }
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
    }
}
