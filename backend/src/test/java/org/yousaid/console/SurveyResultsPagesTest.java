package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.ApiTest;

/** A survey's results page: the API's figures as a chart and a table, withheld ones withheld in both. */
@MicronautTest(transactional = false)
class SurveyResultsPagesTest extends ApiTest {

    private static final String WITHHELD = "withheld (fewer than 5)";

    private String publishedSurvey(String area, String commissioner, String title) {
        String id = as(commissioner).post("/v1/areas/" + area + "/surveys", "{\"definition\":{\"title\":\"" + title + "\",\"questions\":["
                + "{\"id\":\"who\",\"type\":\"single_choice\",\"text\":\"Who is answering?\",\"options\":["
                + "{\"id\":\"parent_carer\",\"label\":\"A parent or carer\"},{\"id\":\"young_person\",\"label\":\"A young person\"},"
                + "{\"id\":\"helper\",\"label\":\"Someone helping them\"}]},"
                + "{\"id\":\"listened\",\"type\":\"likert\",\"text\":\"We were listened to\"}]}}").text("id");
        assertThat(as(commissioner).post("/v1/areas/" + area + "/surveys/" + id + "/publish", null).status()).isEqualTo(200);
        return id;
    }

    private void answer(String area, String surveyId, String who) {
        String family = fixtures.member(area, "family");
        assertThat(as(family).put("/v1/areas/" + area + "/surveys/" + surveyId + "/answers/" + UUID.randomUUID(),
                "{\"version\":1,\"submit\":true,\"answers\":{\"who\":\"" + who + "\",\"listened\":4}}").status()).isIn(200, 201);
    }

    @Test
    void aCommissionerSeesTheApisFiguresAsAChartAndATableWithWithheldOnesWithheld() throws Exception {
        String area = fixtures.area();
        String commissioner = fixtures.member(area, "commissioner");
        String id = publishedSurvey(area, commissioner, "Results survey");
        for (int i = 0; i < 6; i++) {
            answer(area, id, "parent_carer");
            answer(area, id, "young_person");
        }
        answer(area, id, "helper");
        answer(area, id, "helper");
        ConsoleBrowser browser = new ConsoleBrowser(server.getURI());
        browser.signIn(commissioner);

        HttpResponse<String> page = browser.get("/console/areas/" + area + "/surveys/" + id + "/results");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("<title>Results: Results survey – YouSaid console</title>").doesNotContain("style=")
                .contains("<caption class=\"govuk-table__caption govuk-table__caption--s\">Question 1: Who is answering?</caption>")
                .contains("scope=\"col\"");

        // The same numbers as the API, option by option: a withheld count is never printed, nor drawn.
        JsonNode who = as(commissioner).get("/v1/areas/" + area + "/surveys/" + id + "/results").json().path("questions").get(0);
        String svg = between(body, "<svg", "</svg>");
        assertThat(svg).contains("role=\"img\"").contains("<title").contains("fill=\"#1d70b8\"")
                .containsIgnoringCase("viewBox=\"0 0 640 156\"");
        int shown = 0;
        int withheld = 0;
        for (JsonNode option : who.path("options")) {
            String label = option.path("label").asText();
            JsonNode count = option.path("count");
            String expected = count.path("suppressed").asBoolean() ? WITHHELD : Long.toString(count.path("value").asLong());
            if (count.path("suppressed").asBoolean()) {
                withheld++;
            } else {
                shown++;
            }
            assertThat(body).as(label).containsPattern("<th scope=\"row\" class=\"govuk-table__header\">" + Pattern.quote(label)
                    + "</th>\\s*<td class=\"govuk-table__cell govuk-table__cell--numeric\">" + Pattern.quote(expected) + "</td>");
            assertThat(svg).as(label).containsPattern(">" + Pattern.quote(label) + "</text>\\s*(<rect[^>]*></rect>\\s*)?<text[^>]*>"
                    + Pattern.quote(expected) + "</text>");
            assertThat(svg).contains(label + " " + expected);
        }
        // 2 helpers are withheld, and one 6 with them, or the 2 could be worked out from the 14.
        assertThat(withheld).isEqualTo(2);
        assertThat(shown).isEqualTo(1);
        assertThat(who.path("respondents").path("value").asLong()).isEqualTo(14);
        Matcher rects = Pattern.compile("<rect").matcher(svg);
        assertThat(rects.results().count()).isEqualTo(shown);
        // Everyone agreed: the likert question's figures are all shown.
        assertThat(body).contains("4: agree").contains("100%").contains("4.0");
        assertThat(body).containsPattern(">4: agree</th>\\s*<td class=\"govuk-table__cell govuk-table__cell--numeric\">14</td>");
    }

    @Test
    void onlyTheAreasCommissionersSeeTheResultsPage() throws Exception {
        String area = fixtures.area();
        String commissioner = fixtures.member(area, "commissioner");
        String secret = "Secret results " + UUID.randomUUID();
        String id = publishedSurvey(area, commissioner, secret);
        String path = "/console/areas/" + area + "/surveys/" + id + "/results";
        String other = fixtures.area();
        for (String uid : List.of(fixtures.member(area, "forum_lead"), fixtures.member(area, "area_admin"),
                fixtures.member(other, "commissioner"), fixtures.member(area, "family"))) {
            ConsoleBrowser browser = new ConsoleBrowser(server.getURI());
            browser.signIn(uid);
            HttpResponse<String> refused = browser.get(path);
            assertThat(refused.statusCode()).as(uid).isIn(303, 403);
            assertThat(refused.body()).doesNotContain(secret).doesNotContain("Who is answering");
        }
        ConsoleBrowser anonymous = new ConsoleBrowser(server.getURI());
        assertThat(anonymous.get(path).statusCode()).isEqualTo(303);
        // Another area's commissioner cannot read this area's survey through their own area either.
        ConsoleBrowser outsider = new ConsoleBrowser(server.getURI());
        outsider.signIn(fixtures.member(other, "commissioner"));
        HttpResponse<String> elsewhere = outsider.get("/console/areas/" + other + "/surveys/" + id + "/results");
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(elsewhere.body()).doesNotContain(secret);
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("no " + from).isNotNegative();
        return text.substring(start, text.indexOf(to, start) + to.length());
    }
}
