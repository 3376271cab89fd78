package org.yousaid.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Words;

/** The quarterly board report, PDF and CSV, against a fixture whose figures are known. */
@MicronautTest(transactional = false)
class BoardReportApiTest extends ApiTest {

    static final String[] WAITS = java.util.Arrays.copyOf(Words.EQUIPMENT_WAITS, 6);

    String area;
    String forumLead;
    String commissioner;
    String quarter;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        forumLead = fixtures.member(area, "forum_lead");
        commissioner = fixtures.member(area, "commissioner");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    String path(String suffix) {
        return "/v1/areas/" + area + suffix;
    }

    /**
     * Six families write about waiting for equipment and are published; one writes about ending their
     * life (a safeguarding flag); six answer the equipment survey (four items within 6 weeks); a response
     * with two actions, one done, is published through the forum.
     */
    void fixture() {
        List<String> comments = new ArrayList<>();
        for (String wait : WAITS) {
            comments.add(postComment(fixtures.member(area, "family"), area, wait));
        }
        postComment(fixtures.member(area, "family"), area, "Some days I feel like ending my life, I cannot go on like this.");
        analyseAll();
        comments.forEach(id -> assertThat(publishComment(forumLead, area, id, null).status()).isEqualTo(200));

        String survey = as(commissioner).post(path("/surveys"), "{\"templateId\":\"equipment\"}").text("id");
        as(commissioner).post(path("/surveys/" + survey + "/publish"), null);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        int[] weeks = {2, 3, 4, 5, 9, 12};
        for (int i = 0; i < weeks.length; i++) {
            LocalDate received = today.minusDays(i % 2);
            Reply answered = as(fixtures.member(area, "family")).put(path("/surveys/" + survey + "/answers/" + UUID.randomUUID()), """
                    {"version":1,"submit":true,"answers":{"who":"parent_carer","setting":"home","more_items":"no","i_equipment":%d,
                     "item_1":{"category":"wheelchairs","identified":"%s","received":"%s"}}}""".formatted(i < 4 ? 5 : 2,
                    received.minusWeeks(weeks[i]), received));
            assertThat(answered.status()).as(answered.toString()).isLessThan(300);
        }
        String outcome = as(commissioner).post(path("/outcomes"), "{\"title\":\"Children get the equipment they need in time\"}").text("id");
        as(commissioner).post(path("/outcomes/" + outcome + "/indicators"), """
                {"title":"Share of equipment delivered within 6 weeks","kind":"how_well","unit":"%","polarity":"higher_is_better",
                 "periodKind":"quarter","target":{"period":"2027-Q4","value":90},"computed":{"measure":"equipment_within_target"}}""");

        String theme = fixtures.text("select themes[1] from moderation_items where area_id = ? and content_id = ?::uuid", area,
                comments.get(0));
        String id = as(commissioner).post(path("/responses"), """
                {"title":"Equipment without the long wait","summary":"Families told us they wait months for equipment.",
                 "weDid":"We opened a second wheelchair clinic.","themes":["%s"],"from":"%s","to":"%s","comments":[%s]}"""
                .formatted(theme, today.minusDays(7), today, String.join(",", comments.stream().map(c -> "\"" + c + "\"").toList())))
                .text("id");
        String clinic = as(commissioner).post(path("/responses/" + id + "/actions"),
                "{\"text\":\"A second wheelchair clinic every Tuesday\",\"owner\":\"nhs\",\"startsOn\":\"%s\",\"dueOn\":\"%s\"}"
                        .formatted(today, today)).text("id");
        as(commissioner).post(path("/responses/" + id + "/actions"),
                "{\"text\":\"Equipment ordered the week it is prescribed\",\"owner\":\"council\",\"startsOn\":\"%s\",\"dueOn\":\"%s\"}"
                        .formatted(today, today.plusMonths(6)));
        for (String[] step : new String[][]{{commissioner, "submit"}, {forumLead, "sign-off"}, {commissioner, "publish"}}) {
            int version = as(commissioner).get(path("/responses/" + id)).json().path("version").asInt();
            assertThat(as(step[0]).post(path("/responses/" + id + "/" + step[1]), "{\"version\":" + version + "}").status())
                    .isEqualTo(200);
        }
        as(commissioner).post(path("/responses/" + id + "/actions/" + clinic + "/progress"), "{\"status\":\"done\",\"progress\":100}");
    }

    @Test
    void theBoardSeesTheQuarterAsAnAccessiblePdfAndAsCsvWithSmallNumbersWithheld() throws Exception {
        fixture();

        Api.Download pdf = as(forumLead).download(path("/reports/board?quarter=" + quarter));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains(".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            // Tagged for screen readers (PDF/UA), with a title.
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentInformation().getTitle()).contains("SEND Improvement Board");
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("What families told us, and what we did", "At a glance",
                    "Equipment without the long wait", "A second wheelchair clinic every Tuesday",
                    "Share of equipment delivered within 6 weeks", "withheld");
            // 4 of the 6 items within 6 weeks would also say 2 were not: the share is withheld, the 6 items shown.
            assertThat(text).contains("items delivered this quarter: 6; how many within 6 weeks of being identified: withheld.")
                    .doesNotContain("4 of them");
            // Seven texts, seven families; one safeguarding flag (withheld as fewer than 5), never its words.
            assertThat(text).contains("Words from families (wall comments and survey answers) 7");
            assertThat(text).doesNotContain("ending my life");
            assertThat(text).doesNotContain(WAITS[0]);
        }

        Api.Download csv = as(commissioner).download(path("/reports/board?quarter=" + quarter + "&format=csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = List.of(new String(csv.body(), StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("section,item,measure,value,note");
        assertThat(lines).contains(
                "\"summary\",\"families' words\",\"words\",\"7\",\"\"",
                "\"summary\",\"families\",\"families\",\"7\",\"\"",
                "\"safeguarding\",\"flags raised\",\"flags\",\"\",\"withheld\"",
                "\"safeguarding\",\"all flags\",\"waiting for a person now\",\"\",\"withheld\"",
                "\"equipment\",\"items delivered\",\"items\",\"6\",\"\"",
                "\"equipment\",\"items delivered\",\"within target\",\"\",\"withheld\"",
                "\"actions\",\"all published responses\",\"done\",\"1\",\"\"",
                "\"actions\",\"all published responses\",\"planned\",\"1\",\"\"");
        // 4 of 6 agreeing, 2 not: both small, so the share is withheld.
        assertThat(lines).contains("\"surveys\",\"Specialist equipment survey: I get the equipment I need in time.\",\"agreeing\",\"\",\"withheld\"");
        // The computed indicator would be the same 4 of 6: it has no value to give either.
        assertThat(lines).contains("\"indicators\",\"Share of equipment delivered within 6 weeks\",\"latest\",\"\",\"no value yet\"");
        assertThat(lines).noneMatch(l -> l.contains("ending my life"));
    }

    @Test
    void aWithheldCountCannotBeWorkedOutFromItsTotalInThePdfTheCsvOrTheApi() throws Exception {
        fixture();
        // Seven words: two read as positive, five as negative. Before, "Positive: under 5" beside
        // "Negative: 5" and "Words: 7" gave the 2 away.
        fixtures.execute("update moderation_items set sentiment = 5 where area_id = ?", area);
        fixtures.execute("""
                update moderation_items set sentiment = 1 where area_id = ? and content_id in
                  (select content_id from moderation_items where area_id = ? order by content_id limit 2)""", area, area);
        assertThat(fixtures.count("select count(*) from moderation_items where area_id = ? and sentiment = 5", area)).isEqualTo(5);

        Api.Download csv = as(commissioner).download(path("/reports/board?quarter=" + quarter + "&format=csv"));
        List<String> lines = List.of(new String(csv.body(), StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).contains(
                "\"summary\",\"families' words\",\"words\",\"7\",\"\"",
                "\"sentiment\",\"all words\",\"positive\",\"\",\"withheld\"",
                "\"sentiment\",\"all words\",\"mixed\",\"0\",\"\"",
                "\"sentiment\",\"all words\",\"negative\",\"\",\"withheld\"",
                "\"sentiment\",\"all words\",\"not analysed yet\",\"0\",\"\"",
                // One flag raised, withheld; so is the one waiting, which is the same case.
                "\"safeguarding\",\"flags raised\",\"flags\",\"\",\"withheld\"",
                "\"safeguarding\",\"all flags\",\"waiting for a person now\",\"\",\"withheld\"");

        Api.Download pdf = as(forumLead).download(path("/reports/board?quarter=" + quarter));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "board-report-withheld.pdf"), pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Positive withheld", "Mixed 0", "Negative withheld", "Not analysed yet 0",
                    "Safeguarding flags waiting for a person now withheld", "Waiting for a person now (all quarters) withheld");
            assertThat(text).doesNotContain("under 5").doesNotContain("Negative 5");
        }
    }

    @Test
    void onlyStaffOfTheAreaGetTheReport() {
        String family = fixtures.member(area, "family");
        String otherCommissioner = fixtures.member(fixtures.area(), "commissioner");
        assertThat(as(family).get(path("/reports/board?quarter=" + quarter)).code()).isEqualTo("area.role_forbidden");
        assertThat(as(otherCommissioner).get(path("/reports/board?quarter=" + quarter)).code()).isEqualTo("area.not_member");
        assertThat(as(commissioner).get(path("/reports/board?quarter=2026-Q9")).status()).isEqualTo(400);
        assertThat(as(commissioner).get(path("/reports/board?quarter=" + quarter + "&format=xls")).status()).isEqualTo(400);
        assertThat(as(commissioner).get(path("/reports/board")).code()).isEqualTo("request.missing_parameter");
        Api.Download empty = as(commissioner).download(path("/reports/board?quarter=2011-Q1"));
        assertThat(empty.status()).isEqualTo(200);
        LocalDate next = LocalDate.now(ZoneId.of("Europe/London")).plusMonths(3);
        Reply future = as(commissioner).get(path("/reports/board?quarter=" + next.getYear() + "-Q" + ((next.getMonthValue() - 1) / 3 + 1)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.code()).isEqualTo("response.quarter_not_started");
    }
}
