package org.yousaid.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.validation.Validated;
import jakarta.validation.constraints.Pattern;
import org.yousaid.identity.Caller;
import org.yousaid.shared.Problem;

@Controller("/v1/areas/{areaId}")
@Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class BoardReportController {

    static final String CSV = "text/csv";

    private final BoardReportService reports;
    private final BoardReportPdf pdf;
    private final BoardReportCsv csv;

    BoardReportController(BoardReportService reports, BoardReportPdf pdf, BoardReportCsv csv) {
        this.reports = reports;
        this.pdf = pdf;
        this.csv = csv;
    }

    @Get("/reports/board")
    @Produces({"application/pdf", CSV, MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    HttpResponse<byte[]> getBoardReport(Caller caller, String areaId,
                                        @QueryValue @Pattern(regexp = "[0-9]{4}-Q[1-4]") String quarter,
                                        @Nullable @QueryValue @Pattern(regexp = "pdf|csv") String format) {
        BoardReport report = reports.report(caller, areaId, quarter);
        boolean asCsv = "csv".equals(format);
        String file = "yousaid-board-report-" + areaId + "-" + quarter + (asCsv ? ".csv" : ".pdf");
        return HttpResponse.ok(asCsv ? csv.render(report) : pdf.render(report))
                .contentType(asCsv ? CSV + "; charset=utf-8" : "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }
}
