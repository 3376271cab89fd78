package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Words;

/** Outcomes with their trends, the loop figures and the board report (page, PDF, CSV) for the area's staff only. */
@MicronautTest(transactional = false)
class OutcomeLoopReportPagesTest extends ApiTest {

    String area;
    String commissioner;
    String lead;
    String quarter;
    String previousQuarter;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        commissioner = fixtures.member(area, "commissioner");
        lead = fixtures.member(area, "forum_lead");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        quarter = Figures.quarterOf(today);
        previousQuarter = Figures.quarterOf(today.minusMonths(3));
        // Two families speak: every count of them is too small to publish.
        for (int i = 0; i < 2; i++) {
            String f = fixtures.member(area, "family");

            String id = postComment(f, area, Words.EQUIPMENT_WAITS[i]);
            analyseAll();
            assertThat(publishComment(lead, area, id, null).status()).isEqualTo(200);
        }
        String outcome = as(commissioner).post(path("/outcomes"), "{\"title\":\"Children get the equipment they need in time\"}").text("id");
        Reply entered = as(commissioner).post(path("/outcomes/" + outcome + "/indicators"), """
                {"title":"Equipment delivered within 6 weeks","kind":"how_well","unit":"%","polarity":"higher_is_better",
                 "periodKind":"quarter","baseline":{"period":"2025-Q4","value":41},"target":{"period":"2027-Q4","value":90}}""");
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        String indicator = entered.json().path("id").asText();
        assertThat(as(commissioner).put(path("/indicators/" + indicator + "/values/" + previousQuarter),
                "{\"value\":48,\"source\":\"Wheelchair service return\"}").status()).isEqualTo(200);
        assertThat(as(commissioner).put(path("/indicators/" + indicator + "/values/" + quarter),
                "{\"value\":63.5,\"source\":\"Wheelchair service return\"}").status()).isEqualTo(200);
        Reply computed = as(commissioner).post(path("/outcomes/" + outcome + "/indicators"), """
                {"title":"Equipment within target, as families say","kind":"how_well","unit":"%","polarity":"higher_is_better",
                 "periodKind":"quarter","computed":{"measure":"equipment_within_target"}}""");
        assertThat(computed.status()).as(computed.toString()).isEqualTo(201);
    }

    String path(String suffix) {
        return "/v1/areas/" + area + suffix;
    }

    String page(String suffix) {
        return "/console/areas/" + area + suffix;
    }

    @Test
    void staffReadTheTrendsTheLoopAndTheReportAndDownloadIt() throws Exception {
        ConsoleBrowser c = new ConsoleBrowser(server.getURI());
        c.signIn(commissioner);

        HttpResponse<String> outcomes = c.get(page("/outcomes"));
        assertThat(outcomes.statusCode()).isEqualTo(200);
        assertThat(outcomes.body()).contains("<title>Outcomes – YouSaid console</title>")
                .contains("Children get the equipment they need in time").contains("role=\"img\"").contains("<title id=\"chart-0-title\"")
                .contains("Target 90%").contains("<caption")
                // The chart writes each value beside its point, and the table under it gives the same numbers.
                .contains(">48%</text>").contains(">63.5%</text>").contains(">48%</td>").contains(">63.5%</td>")
                .contains("<th scope=\"row\" class=\"govuk-table__header\">" + previousQuarter + "</th>")
                .contains("Withheld (fewer than 5 answers, or none)").contains("No trend to draw yet: every period is withheld.").doesNotContain("<title id=\"chart-1-title\"")
                .doesNotContain(" style=");

        HttpResponse<String> loop = c.get(page("/loop"));
        assertThat(loop.statusCode()).isEqualTo(200);
        assertThat(loop.body()).contains("How much did we do?").contains("Is anyone better off?")
                .contains("Withheld (fewer than 5)").contains("No response aims at an indicator yet");
        HttpResponse<String> future = c.get(page("/loop?quarter=2099-Q1"));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("govuk-error-summary").contains("href=\"#quarter\"").contains("has not started");

        HttpResponse<String> report = c.get(page("/report?quarter=" + quarter));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("<title>Board report – YouSaid console</title>").contains("Withheld (fewer than 5)")
                .contains("href=\"/console/areas/" + area + "/report/pdf?quarter=" + quarter + "\"")
                .contains("href=\"/console/areas/" + area + "/report/csv?quarter=" + quarter + "\"")
                .contains("Families who spoke").contains("Closing the loop")
                .doesNotContain(Words.EQUIPMENT_WAITS[0]);
        assertThat(c.get(page("/report?quarter=2099-Q1")).statusCode()).isEqualTo(400);

        HttpResponse<String> pdf = c.get(page("/report/pdf?quarter=" + quarter));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"yousaid-board-report-" + area + "-" + quarter + ".pdf\"");
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<String> csv = c.get(page("/report/csv?quarter=" + quarter));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains(".csv");
        assertThat(csv.body()).startsWith("section,item,measure,value,note")
                .contains("\"summary\",\"families\",\"families\",\"\",\"withheld\"");
        assertThat(c.get(page("/report/pdf?quarter=2099-Q1")).statusCode()).isEqualTo(400);

        ConsoleBrowser l = new ConsoleBrowser(server.getURI());
        l.signIn(lead);
        assertThat(l.get(page("/report")).statusCode()).isEqualTo(200);
        assertThat(l.get(page("/loop")).statusCode()).isEqualTo(200);
    }

    @Test
    void aFamilyAndAnotherAreasStaffAreRefusedEveryPageAndDownload() throws Exception {
        ConsoleBrowser asFamily = new ConsoleBrowser(server.getURI());
        String uid = fixtures.member(fixtures.area(), "commissioner");
        fixtures.execute("insert into memberships (area_id, id, uid, role) values (?, ?, ?, ?)", area, java.util.UUID.randomUUID(),
                uid, "family");
        asFamily.signIn(uid);
        ConsoleBrowser otherArea = new ConsoleBrowser(server.getURI());
        otherArea.signIn(fixtures.member(fixtures.area(), "commissioner"));
        for (ConsoleBrowser b : List.of(asFamily, otherArea)) {
            for (String path : List.of("/outcomes", "/loop", "/report", "/report/pdf?quarter=" + quarter, "/report/csv?quarter=" + quarter)) {
                HttpResponse<String> refused = b.get(page(path));
                assertThat(refused.statusCode()).as(path).isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
                assertThat(refused.body()).doesNotContain("Equipment delivered").doesNotContain("%PDF").doesNotContain("section,item");
            }
        }
        assertThat(new ConsoleBrowser(server.getURI()).get(page("/report/pdf?quarter=" + quarter)).headers().firstValue("Location"))
                .hasValue("/console/sign-in");
    }
}
