package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.StaffSessions;
import org.yousaid.report.BoardReport;
import org.yousaid.report.BoardReportCsv;
import org.yousaid.report.BoardReportPdf;
import org.yousaid.report.BoardReportService;
import org.yousaid.shared.ProblemException;

/**
 * The quarter's report to the SEND Improvement Board as a page, and its PDF and CSV downloaded with
 * the console's session: the same report, renderers and small-number rule as the API's
 * {@code GET …/reports/board}.
 */
@Controller("/console/areas/{areaId}/report")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ReportPages {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    record Line(String label, String value) {
    }

    record ThemeRow(String name, String words, String previous, String change, String families, String negative) {
    }

    record QuestionRow(String text, String agreement) {
    }

    record SurveyRow(String title, String answers, List<QuestionRow> questions) {
    }

    record ActionRow(String text, String owner, String due, String status) {
    }

    record ResponseRow(String title, String themes, String families, String published, List<ActionRow> actions) {
    }

    record ReportView(String quarter, String period, String previousQuarter, List<Line> glance, List<ThemeRow> themes,
                      List<Line> sentiment, List<Line> safeguarding, List<SurveyRow> surveys, List<Line> equipment,
                      List<ResponseRow> responses, List<Line> actions, LoopView loop) {
    }

    private final StaffSessions sessions;
    private final BoardReportService reports;
    private final BoardReportPdf pdf;
    private final BoardReportCsv csv;
    private final AreaAccess access;
    private final Clock clock;

    ReportPages(StaffSessions sessions, BoardReportService reports, BoardReportPdf pdf, BoardReportCsv csv, AreaAccess access,
                Clock clock) {
        this.sessions = sessions;
        this.reports = reports;
        this.pdf = pdf;
        this.csv = csv;
        this.access = access;
        this.clock = clock;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    MutableHttpResponse<?> report(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String quarter) {
        return Pages.forSignedIn(sessions, request, "You cannot see this report", caller -> {
            String chosen = chosen(quarter);
            Map<String, Object> model = new HashMap<>();
            model.put("quarters", LoopPages.quarterChoices(today(), chosen));
            try {
                BoardReport r = reports.report(caller, areaId, chosen);
                model.put("report", view(r));
                model.put("pdf", "/console/areas/" + areaId + "/report/pdf?quarter=" + r.quarter());
                model.put("csv", "/console/areas/" + areaId + "/report/csv?quarter=" + r.quarter());
                return Pages.areaPage(HttpStatus.OK, "console/report", request, access, caller, areaId, model);
            } catch (ProblemException e) {
                if (e.problem().status() != HttpStatus.BAD_REQUEST) {
                    throw e;
                }
                model.put("report", null);
                model.put("errors", List.of(new Pages.FieldError("quarter", e.getMessage())));
                return Pages.areaPage(HttpStatus.BAD_REQUEST, "console/report", request, access, caller, areaId, model);
            }
        });
    }

    @Get("/pdf")
    @Produces({MediaType.TEXT_HTML, "application/pdf"})
    MutableHttpResponse<?> pdf(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String quarter) {
        return download(request, areaId, quarter, false);
    }

    @Get("/csv")
    @Produces({MediaType.TEXT_HTML, "text/csv"})
    MutableHttpResponse<?> csv(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String quarter) {
        return download(request, areaId, quarter, true);
    }

    private MutableHttpResponse<?> download(HttpRequest<?> request, String areaId, @Nullable String quarter, boolean asCsv) {
        MutableHttpResponse<?> answer = Pages.forSignedIn(sessions, request, "You cannot download this report", caller -> {
            BoardReport r = reports.report(caller, areaId, chosen(quarter));
            String file = "yousaid-board-report-" + areaId + "-" + r.quarter() + (asCsv ? ".csv" : ".pdf");
            return HttpResponse.ok(asCsv ? csv.render(r) : pdf.render(r))
                    .contentType(asCsv ? "text/csv; charset=utf-8" : "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        });
        // A refusal is a page, whatever the download would have been.
        return answer.status() == HttpStatus.OK ? answer : answer.contentType(MediaType.TEXT_HTML_TYPE);
    }

    private String chosen(@Nullable String quarter) {
        return quarter == null || quarter.isBlank() ? Figures.quarterOf(today()) : quarter.trim();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ENGLAND));
    }

    static ReportView view(BoardReport r) {
        List<Line> glance = List.of(new Line("Words families sent", Figures.count(r.words())),
                new Line("Families who spoke", Figures.count(r.families())),
                new Line("Responses published", Integer.toString(r.responses().size())));
        List<ThemeRow> themes = r.themes().stream().map(t -> new ThemeRow(t.name(), Figures.count(t.words()),
                Figures.count(t.previous()), t.change() == null ? "Withheld" : (t.change() > 0 ? "+" : "") + t.change(),
                Figures.count(t.families()), Figures.share(t.negative()))).toList();
        List<Line> sentiment = List.of(new Line("Positive", Figures.count(r.sentiment().positive())),
                new Line("Mixed", Figures.count(r.sentiment().mixed())), new Line("Negative", Figures.count(r.sentiment().negative())),
                new Line("Not yet analysed", Figures.count(r.sentiment().unknown())));
        BoardReport.Safeguarding s = r.safeguarding();
        List<Line> safeguarding = List.of(new Line("Flags raised", Figures.count(s.flagged())),
                new Line("Handled", Figures.count(s.handled())), new Line("Escalated", Figures.count(s.escalated())),
                new Line("Waiting now", Figures.count(s.waitingNow())),
                new Line("Median time to handle", s.medianHoursToHandle() == null ? "Withheld (fewer than 5) or none handled yet"
                        : String.format(java.util.Locale.UK, "%.1f hours", s.medianHoursToHandle())));
        List<SurveyRow> surveys = r.surveys().stream().map(v -> new SurveyRow(v.title(), Figures.count(v.answers()),
                v.questions().stream().map(q -> new QuestionRow(q.text(), Figures.share(q.agreement()))).toList())).toList();
        List<Line> equipment = r.equipment() == null ? List.of() : List.of(
                new Line("Items delivered", Figures.count(r.equipment().delivered())),
                new Line("Delivered within the target time", Figures.share(r.equipment().withinTarget())));
        List<ResponseRow> responses = r.responses().stream().map(p -> new ResponseRow(p.title(), String.join(", ", p.themes()),
                Figures.count(p.families()), p.publishedAt() == null ? "" : ReviewQueuePages.WHEN.format(p.publishedAt())
                        + (p.updated() ? " (updated since)" : ""),
                p.actions().stream().map(a -> new ActionRow(a.text(), ResponsePages.ownerName(a.owner()), a.dueOn().toString(),
                        ResponsePages.actionStatus(a.status()) + ("in_progress".equals(a.status()) ? " (" + a.progress() + "%)" : "")))
                        .toList())).toList();
        BoardReport.ActionTotals a = r.actions();
        List<Line> actions = List.of(new Line("Planned", Long.toString(a.planned())), new Line("Under way", Long.toString(a.inProgress())),
                new Line("Done", Long.toString(a.done())), new Line("Not possible", Long.toString(a.notPossible())),
                new Line("Past due and not done", Long.toString(a.overdue())));
        return new ReportView(r.quarter(), Figures.quarterName(r.quarter()) + " (" + r.from() + " to " + r.to() + ")",
                r.previousQuarter(), glance, themes, sentiment, safeguarding, surveys, equipment, responses, actions,
                LoopView.of(r.loop()));
    }
}
