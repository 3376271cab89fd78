package org.yousaid.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.yousaid.response.LoopMetrics;

/**
 * The board report as a tagged, accessible PDF (PDF/UA): XHTML laid out by openhtmltopdf with the
 * bundled DejaVu Sans, charts as images with alternative text, each followed by a table of its figures.
 */
@Singleton
public class BoardReportPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final BoardCharts charts;

    BoardReportPdf(BoardCharts charts) {
        this.charts = charts;
        // The layout engine logs every font it loads to stderr, outside the JSON log; keep its warnings only.
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(logger -> com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING));
    }

    public byte[] render(BoardReport r) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            builder.useFont(() -> BoardReportPdf.class.getResourceAsStream("/report/fonts/DejaVuSans.ttf"), "DejaVu Sans", 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> BoardReportPdf.class.getResourceAsStream("/report/fonts/DejaVuSans-Bold.ttf"), "DejaVu Sans", 700,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html(r), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String html(BoardReport r) {
        Html h = new Html();
        String title = "Families' voice: report to the SEND Improvement Board, " + r.areaName() + ", " + quarterName(r.quarter());
        h.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\"><head>")
                .raw("<title>").text(title).raw("</title>")
                .raw("<meta name=\"subject\" content=\"").text("YouSaid quarterly report: what families said and what was done")
                .raw("\"/><meta name=\"author\" content=\"YouSaid\"/><style>").raw(CSS).raw("</style></head><body>");
        h.raw("<h1>What families told us, and what we did</h1>")
                .raw("<p class=\"lead\">Report to the SEND Improvement Board &#183; ").text(r.areaName()).raw(" &#183; ")
                .text(quarterName(r.quarter())).raw(" (").text(r.from().format(DAY)).raw(" to ").text(r.to().format(DAY))
                .raw(")</p><p class=\"small\">Made by YouSaid on ").text(STAMP.format(r.generatedAt()))
                .raw(". Figures about 1 to 4 families, answers or cases are shown as \u201cwithheld\u201d: a small number could point at a family.")
                .raw(" So is any figure from which a withheld one could be worked out (a total less the figures beside it).</p>");

        LoopMetrics.LoopFigures area = r.loop().area();
        h.raw("<h2>At a glance</h2><table class=\"glance\"><caption>The quarter in figures</caption><tbody>");
        glance(h, "Words from families (wall comments and survey answers)", count(r.words()));
        glance(h, "Families and young people who wrote", count(r.families()));
        glance(h, "Themes raised that have a published response", share(area.answered()));
        glance(h, "Responses published this quarter", Integer.toString(r.responses().size()));
        glance(h, "Families told what was done", count(area.reached()));
        glance(h, "Actions due this quarter done by their due date", share(area.actionsDoneOnTime()));
        glance(h, "Median days from families' first words to a response",
                area.medianDaysToResponse() == null ? "no response yet" : BoardReportCsv.number(area.medianDaysToResponse()));
        glance(h, "Safeguarding flags waiting for a person now", count(r.safeguarding().waitingNow()));
        h.raw("</tbody></table>");

        h.raw("<h2>1. What families raised</h2>");
        if (r.themes().isEmpty()) {
            h.raw("<p>No words from families this quarter.</p>");
        } else {
            h.image(charts.themes(r.themes(), r.quarter(), r.previousQuarter()), "Bar chart of words from families per theme, "
                    + r.quarter() + " beside " + r.previousQuarter() + ". The table below gives the same figures.");
            h.raw("<table><caption>Top themes: words this quarter and last</caption><thead><tr><th scope=\"col\">Theme</th>")
                    .raw("<th scope=\"col\" class=\"n\">").text(r.quarter()).raw("</th><th scope=\"col\" class=\"n\">")
                    .text(r.previousQuarter()).raw("</th><th scope=\"col\" class=\"n\">Change</th>")
                    .raw("<th scope=\"col\" class=\"n\">Families</th><th scope=\"col\" class=\"n\">Negative</th></tr></thead><tbody>");
            for (BoardReport.ThemeRow t : r.themes()) {
                h.raw("<tr><th scope=\"row\">").text(t.name()).raw("</th>").cell(count(t.words())).cell(count(t.previous()))
                        .cell(t.change() == null ? "\u2013" : (t.change() > 0 ? "+" : "") + t.change())
                        .cell(count(t.families())).cell(share(t.negative())).raw("</tr>");
            }
            h.raw("</tbody></table>");
        }

        h.raw("<h2>2. How families felt</h2>");
        h.image(charts.sentiment(r.sentiment()), "Bar chart of words that read as positive, mixed and negative. The table below gives the same figures.");
        h.raw("<table><caption>Words by how they read (the analysis, checked by forum leads)</caption><thead><tr>")
                .raw("<th scope=\"col\">Reads as</th><th scope=\"col\" class=\"n\">Words</th></tr></thead><tbody>");
        row(h, "Positive", count(r.sentiment().positive()));
        row(h, "Mixed", count(r.sentiment().mixed()));
        row(h, "Negative", count(r.sentiment().negative()));
        row(h, "Not analysed yet", count(r.sentiment().unknown()));
        h.raw("</tbody></table>");

        BoardReport.Safeguarding s = r.safeguarding();
        h.raw("<h2>3. Safeguarding</h2><p>Numbers only. Every flag goes to a forum lead at once; nothing flagged is published until a person has seen it.</p>")
                .raw("<table><caption>Safeguarding flags raised this quarter</caption><thead><tr><th scope=\"col\">Flags</th>")
                .raw("<th scope=\"col\" class=\"n\">Number</th></tr></thead><tbody>");
        row(h, "Raised", count(s.flagged()));
        row(h, "Handled by a person", count(s.handled()));
        row(h, "Escalated to the safeguarding contact", count(s.escalated()));
        row(h, "Median hours from flag to handling", s.medianHoursToHandle() == null ? "\u2013" : BoardReportCsv.number(s.medianHoursToHandle()));
        row(h, "Waiting for a person now (all quarters)", count(s.waitingNow()));
        h.raw("</tbody></table>");

        h.raw("<h2>4. What surveys found</h2>");
        if (r.equipment() != null) {
            LoopMetrics.Share within = r.equipment().withinTarget();
            h.raw("<p><strong>Specialist equipment:</strong> items delivered this quarter: ").text(count(r.equipment().delivered()))
                    .text(within.suppressed() ? "; how many within 6 weeks of being identified: withheld."
                            : within.value() == null ? "." : "; " + Math.round(within.value() * within.of())
                            + " of them (" + Math.round(within.value() * 100) + "%) within 6 weeks of being identified.")
                    .raw("</p>");
        }
        if (r.surveys().isEmpty()) {
            h.raw("<p>No survey answers this quarter.</p>");
        }
        for (BoardReport.SurveyRow survey : r.surveys()) {
            h.raw("<table><caption>").text(survey.title()).raw(": ").text(count(survey.answers())).raw(" answers</caption>")
                    .raw("<thead><tr><th scope=\"col\">Question</th><th scope=\"col\" class=\"n\">Agreeing</th></tr></thead><tbody>");
            if (survey.questions().isEmpty()) {
                h.raw("<tr><td colspan=\"2\">No agree/disagree questions answered.</td></tr>");
            }
            for (BoardReport.QuestionRow q : survey.questions()) {
                row(h, q.text(), share(q.agreement()));
            }
            h.raw("</tbody></table>");
        }

        h.raw("<h2>5. You said, we did</h2>");
        if (r.responses().isEmpty()) {
            h.raw("<p>No response was published this quarter.</p>");
        }
        for (BoardReport.ResponseRow response : r.responses()) {
            h.raw("<h3>").text(response.title()).raw(response.updated() ? " <span class=\"tag\">updated</span>" : "").raw("</h3>")
                    .raw("<p class=\"small\">").text(String.join(", ", response.themes())).raw(" &#183; ")
                    .text(response.families().suppressed() ? "Fewer than 5 families told us" : count(response.families()) + " families told us")
                    .raw(" &#183; published ")
                    .text(response.publishedAt() == null ? "" : STAMP.format(response.publishedAt())).raw("</p>");
            if (!response.actions().isEmpty()) {
                h.raw("<table><caption>Actions</caption><thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Owner</th>")
                        .raw("<th scope=\"col\">Due</th><th scope=\"col\">Status</th></tr></thead><tbody>");
                for (BoardReport.ActionRow a : response.actions()) {
                    h.raw("<tr><td>").text(a.text()).raw("</td><td>").text(owner(a.owner())).raw("</td><td>")
                            .text(a.dueOn().format(DAY)).raw("</td><td>").text(status(a.status(), a.progress())).raw("</td></tr>");
                }
                h.raw("</tbody></table>");
            }
        }
        BoardReport.ActionTotals t = r.actions();
        h.raw("<table><caption>Actions of every published response, now</caption><thead><tr><th scope=\"col\">Status</th>")
                .raw("<th scope=\"col\" class=\"n\">Actions</th></tr></thead><tbody>");
        row(h, "Planned", Long.toString(t.planned()));
        row(h, "In progress", Long.toString(t.inProgress()));
        row(h, "Done", Long.toString(t.done()));
        row(h, "Not possible (reason given to families)", Long.toString(t.notPossible()));
        row(h, "Past their due date and not done", Long.toString(t.overdue()));
        h.raw("</tbody></table>");

        h.raw("<h2>6. Closing the loop, theme by theme</h2><table><caption>Loop figures per theme</caption><thead><tr>")
                .raw("<th scope=\"col\">Theme</th><th scope=\"col\" class=\"n\">Words</th><th scope=\"col\" class=\"n\">Answered</th>")
                .raw("<th scope=\"col\" class=\"n\">Days to response</th><th scope=\"col\" class=\"n\">Actions on time</th>")
                .raw("<th scope=\"col\" class=\"n\">Families told</th></tr></thead><tbody>");
        loopRow(h, "The area", area);
        for (LoopMetrics.ThemeLoop theme : r.loop().themes()) {
            loopRow(h, theme.theme().name(), theme.figures());
        }
        h.raw("</tbody></table>");

        h.raw("<h2>7. Is anyone better off?</h2>");
        if (r.indicators().isEmpty()) {
            h.raw("<p>The area has no indicators yet.</p>");
        } else {
            h.raw("<table class=\"trend\"><caption>Indicators against baseline and target</caption>")
                    .raw("<colgroup><col style=\"width: 28%\"/><col style=\"width: 14%\"/><col style=\"width: 14%\"/>")
                    .raw("<col style=\"width: 14%\"/><col style=\"width: 14%\"/><col style=\"width: 16%\"/></colgroup>")
                    .raw("<thead><tr><th scope=\"col\">Indicator</th>")
                    .raw("<th scope=\"col\" class=\"n\">Baseline</th><th scope=\"col\" class=\"n\">Before</th>")
                    .raw("<th scope=\"col\" class=\"n\">Latest</th><th scope=\"col\" class=\"n\">Target</th><th scope=\"col\">Trend</th></tr></thead><tbody>");
            for (LoopMetrics.IndicatorTrend trend : r.indicators()) {
                String unit = trend.indicator().unit();
                h.raw("<tr><th scope=\"row\">").text(trend.indicator().title()).raw("</th>");
                for (LoopMetrics.PeriodValue p : java.util.Arrays.asList(trend.baseline(), trend.previous(),
                        trend.indicator().latest(), trend.indicator().target())) {
                    // The value, and under it the period it belongs to.
                    h.raw("<td class=\"n\">").text(p == null ? "\u2013" : BoardReportCsv.number(p.value()) + ("%".equals(unit) ? "%" : " " + unit));
                    if (p != null) {
                        h.raw("<br/><span class=\"small\">").text(p.period()).raw("</span>");
                    }
                    h.raw("</td>");
                }
                h.raw("<td>").text(direction(trend)).raw("</td></tr>");
            }
            h.raw("</tbody></table>");
            for (BoardReport.IndicatorSeries series : r.series()) {
                if (series.values().size() < 2) {
                    continue;
                }
                h.raw("<h3>").text(series.title()).raw("</h3>");
                h.image(charts.indicator(series), "Line chart of " + series.title() + " by period"
                        + (series.target() == null ? "" : ", with its target") + ". The values are in the indicators table above.");
            }
        }
        h.raw("<p class=\"small note\">Words are wall comments and survey answers with free text, counted once each, by the")
                .raw(" themes the analysis gave and forum leads checked. A theme is answered when a published response names it.")
                .raw(" Equipment within target counts items delivered in the quarter, from the co-produced equipment survey.")
                .raw(" Agreeing means 4 or 5 on a 5-point scale.</p>");
        h.raw("</body></html>");
        return h.toString();
    }

    private static void glance(Html h, String label, String value) {
        h.raw("<tr><th scope=\"row\">").text(label).raw("</th><td class=\"big\">").text(value).raw("</td></tr>");
    }

    private static void row(Html h, String label, String value) {
        h.raw("<tr><th scope=\"row\">").text(label).raw("</th>").cell(value).raw("</tr>");
    }

    private static void loopRow(Html h, String label, LoopMetrics.LoopFigures f) {
        h.raw("<tr><th scope=\"row\">").text(label).raw("</th>").cell(count(f.words())).cell(share(f.answered()))
                .cell(f.medianDaysToResponse() == null ? "\u2013" : BoardReportCsv.number(f.medianDaysToResponse()))
                .cell(share(f.actionsDoneOnTime())).cell(count(f.reached())).raw("</tr>");
    }

    static final String WITHHELD = "withheld";

    static String count(LoopMetrics.Count c) {
        return c.suppressed() || c.value() == null ? WITHHELD : String.format(Locale.UK, "%,d", c.value());
    }

    static String share(LoopMetrics.Share s) {
        if (s.suppressed()) {
            return WITHHELD;
        }
        return s.value() == null ? "\u2013" : Math.round(s.value() * 100) + "% (" + Math.round(s.value() * s.of()) + " of "
                + String.format(Locale.UK, "%,d", s.of()) + ")";
    }

    private static String direction(LoopMetrics.IndicatorTrend t) {
        String d = switch (t.direction()) {
            case "better" -> "Getting better";
            case "worse" -> "Getting worse";
            case "same" -> "No change";
            default -> "Not enough values yet";
        };
        return t.targetMet() == null ? d : d + (t.targetMet() ? "; target met" : "; target not met");
    }

    private static String owner(String owner) {
        return switch (owner) {
            case "nhs" -> "NHS";
            case "council" -> "Council";
            case "school" -> "School";
            case "forum" -> "Parent Carer Forum";
            default -> "Other";
        };
    }

    private static String status(String status, int progress) {
        return switch (status) {
            case "done" -> "Done";
            case "in_progress" -> "In progress (" + progress + "%)";
            case "not_possible" -> "Not possible";
            default -> "Planned";
        };
    }

    private static String quarterName(String quarter) {
        String[] parts = quarter.split("-Q");
        String months = switch (parts[1]) {
            case "1" -> "January to March";
            case "2" -> "April to June";
            case "3" -> "July to September";
            default -> "October to December";
        };
        return months + " " + parts[0];
    }

    /** Builds XHTML: text is always escaped; only this class's own markup is raw. */
    private static final class Html {
        private final StringBuilder out = new StringBuilder(64 * 1024);

        Html raw(String markup) {
            out.append(markup);
            return this;
        }

        Html text(String text) {
            if (text == null) {
                return this;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    default -> {
                        // XML 1.0 has no place for other control characters.
                        if (c >= 0x20 || c == '\n' || c == '\t') {
                            out.append(c);
                        }
                    }
                }
            }
            return this;
        }

        Html cell(String value) {
            return raw("<td class=\"n\">").text(value).raw("</td>");
        }

        Html image(byte[] png, String alt) {
            return raw("<img class=\"chart\" alt=\"").text(alt).raw("\" src=\"data:image/png;base64,")
                    .raw(Base64.getEncoder().encodeToString(png)).raw("\"/>");
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }

    private static final String CSS = """
            @page { size: A4; margin: 18mm 16mm 20mm 16mm;
                    @bottom-left { content: "YouSaid \\00B7  report to the SEND Improvement Board"; font-family: 'DejaVu Sans'; font-size: 8pt; color: #505a5f; }
                    @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: 'DejaVu Sans'; font-size: 8pt; color: #505a5f; } }
            body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #0b0c0c; line-height: 1.35; }
            h1 { font-size: 20pt; margin: 0 0 4pt 0; }
            h2 { font-size: 14pt; margin: 16pt 0 6pt 0; padding-top: 4pt; border-top: 2pt solid #1d70b8; page-break-after: avoid; }
            h3 { font-size: 11pt; margin: 10pt 0 3pt 0; page-break-after: avoid; }
            p { margin: 3pt 0 6pt 0; }
            .lead { font-size: 12pt; color: #1d70b8; font-weight: bold; }
            .small { font-size: 8.5pt; color: #505a5f; }
            .note { margin-top: 14pt; }
            .tag { font-size: 8pt; background: #fff7bf; padding: 1pt 3pt; }
            table { width: 100%; border-collapse: collapse; margin: 4pt 0 10pt 0; page-break-inside: auto; }
            caption { text-align: left; font-weight: bold; padding: 2pt 0; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th, td { border-bottom: 0.5pt solid #b1b4b6; padding: 3pt 4pt; text-align: left; vertical-align: top; }
            thead th { border-bottom: 1.5pt solid #0b0c0c; }
            tbody th { font-weight: normal; width: 34%; }
            .n { text-align: right; }
            th.n, td.n { white-space: nowrap; }
            table.trend { table-layout: fixed; }
            table.trend td.n { white-space: normal; }
            table.glance td.big { font-size: 13pt; font-weight: bold; text-align: right; width: 35%; }
            img.chart { width: 100%; margin: 4pt 0; }
            """;
}
