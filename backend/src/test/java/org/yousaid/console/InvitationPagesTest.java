package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.ApiTest;

/** The commissioner's invitations page: counts per survey, inviting every family, recording an EHC plan issued. */
@MicronautTest(transactional = false)
class InvitationPagesTest extends ApiTest {

    private String publishedTemplate(String area, String commissioner, String template) {
        String id = as(commissioner).post("/v1/areas/" + area + "/surveys", "{\"templateId\":\"" + template + "\"}").text("id");
        assertThat(as(commissioner).post("/v1/areas/" + area + "/surveys/" + id + "/publish", null).status()).isEqualTo(200);
        return id;
    }

    private JsonNode invitations(String area, String commissioner, String survey) {
        return as(commissioner).get("/v1/areas/" + area + "/surveys/" + survey + "/invitations").json().path("items");
    }

    @Test
    void aCommissionerRecordsAnEhcPlanIssuedInvitesEveryFamilyAndSeesTheLog() throws Exception {
        String area = fixtures.area();
        String commissioner = fixtures.member(area, "commissioner");
        String family = fixtures.member(area, "family");
        String ehcSurvey = publishedTemplate(area, commissioner, "ehc-plan");
        String equipment = publishedTemplate(area, commissioner, "equipment");
        String invitationsPath = "/console/areas/" + area + "/invitations";
        ConsoleBrowser browser = new ConsoleBrowser(server.getURI());
        browser.signIn(commissioner);

        HttpResponse<String> page = browser.get(invitationsPath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Invitations – YouSaid console</title>").contains("EHC plan survey")
                .contains("Record an EHC plan issued").doesNotContain("style=");

        // Bad input: the service's checks, each on its field, the values kept, nothing sent.
        HttpResponse<String> bad = browser.post(invitationsPath + "/ehc-plan-issued", Map.of("csrf", browser.formToken(),
                "eventId", "case-1", "familyUid", "nobody-" + UUID.randomUUID(), "issuedDay", "31", "issuedMonth", "2",
                "issuedYear", "2026"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("<title>Error: Invitations").contains("govuk-error-summary")
                .contains("href=\"#familyUid\"").contains("href=\"#issuedDay\"").contains("value=\"case-1\"");
        assertThat(invitations(area, commissioner, ehcSurvey)).isEmpty();

        LocalDate issued = LocalDate.now().minusDays(3);
        Map<String, String> event = Map.of("csrf", browser.formToken(), "eventId", "case-7", "familyUid", family,
                "issuedDay", Integer.toString(issued.getDayOfMonth()), "issuedMonth", Integer.toString(issued.getMonthValue()),
                "issuedYear", Integer.toString(issued.getYear()));
        HttpResponse<String> recorded = browser.post(invitationsPath + "/ehc-plan-issued", event);
        assertThat(recorded.statusCode()).isEqualTo(303);
        assertThat(recorded.headers().firstValue("Location")).contains(invitationsPath + "?done=recorded");
        JsonNode sent = invitations(area, commissioner, ehcSurvey);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("inviteeUid").asText()).isEqualTo(family);
        assertThat(sent.get(0).path("origin").asText()).isEqualTo("ehc_plan_issued");
        // The same event again: recorded once, nothing new sent.
        assertThat(browser.post(invitationsPath + "/ehc-plan-issued", event).headers().firstValue("Location"))
                .contains(invitationsPath + "?done=again");
        assertThat(invitations(area, commissioner, ehcSurvey)).hasSize(1);
        assertThat(browser.get(invitationsPath + "?done=again").body()).contains("That event was already recorded");

        // The log: the invitation, why it was sent, its state; one invitation is a withheld count.
        HttpResponse<String> log = browser.get(invitationsPath + "/" + ehcSurvey);
        assertThat(log.statusCode()).isEqualTo(200);
        assertThat(log.body()).contains("EHC plan issued").contains(family).contains("Sent")
                .contains("<caption class=\"govuk-table__caption govuk-table__caption--m\">Invitations, oldest first");
        assertThat(browser.get(invitationsPath).body()).contains(ResultsChart.WITHHELD);

        // Invite every family to the equipment survey.
        HttpResponse<String> badDays = browser.post(invitationsPath + "/invite", Map.of("csrf", browser.formToken(),
                "surveyId", equipment, "expiresInDays", "999"));
        assertThat(badDays.statusCode()).isEqualTo(400);
        assertThat(badDays.body()).contains("href=\"#expiresInDays\"").contains("value=\"999\"");
        assertThat(invitations(area, commissioner, equipment)).isEmpty();
        HttpResponse<String> invited = browser.post(invitationsPath + "/invite", Map.of("csrf", browser.formToken(),
                "surveyId", equipment, "expiresInDays", ""));
        assertThat(invited.statusCode()).isEqualTo(303);
        JsonNode cohort = invitations(area, commissioner, equipment);
        assertThat(cohort).hasSize(1);
        assertThat(cohort.get(0).path("origin").asText()).isEqualTo("cohort");
        assertThat(browser.get(invitationsPath + "/" + equipment).body()).contains("Invited with others");
    }

    @Test
    void onlyTheAreasCommissionersUseThePagesAndAFormWithoutItsTokenChangesNothing() throws Exception {
        String area = fixtures.area();
        String commissioner = fixtures.member(area, "commissioner");
        String family = fixtures.member(area, "family");
        String ehcSurvey = publishedTemplate(area, commissioner, "ehc-plan");
        String invitationsPath = "/console/areas/" + area + "/invitations";
        assertThat(as(commissioner).post("/v1/areas/" + area + "/events/ehc-plan-issued", "{\"eventId\":\"e1\",\"familyUid\":\""
                + family + "\",\"issuedOn\":\"" + LocalDate.now().minusDays(1) + "\"}").status()).isEqualTo(201);
        String other = fixtures.area();
        String today = LocalDate.now().toString();
        Map<String, String> event = Map.of("eventId", "e2", "familyUid", family, "issuedDay", today.substring(8),
                "issuedMonth", today.substring(5, 7), "issuedYear", today.substring(0, 4));
        for (String uid : List.of(fixtures.member(area, "forum_lead"), fixtures.member(area, "area_admin"),
                fixtures.member(other, "commissioner"), family)) {
            ConsoleBrowser browser = new ConsoleBrowser(server.getURI());
            browser.signIn(uid);
            for (String path : List.of(invitationsPath, invitationsPath + "/" + ehcSurvey)) {
                HttpResponse<String> refused = browser.get(path);
                assertThat(refused.statusCode()).as(uid + " " + path).isIn(303, 403);
                assertThat(refused.body()).doesNotContain(family).doesNotContain("EHC plan issued");
            }
            Map<String, String> form = new java.util.HashMap<>(event);
            form.put("csrf", browser.formToken());
            form.put("surveyId", ehcSurvey);
            for (String path : List.of(invitationsPath + "/ehc-plan-issued", invitationsPath + "/invite")) {
                HttpResponse<String> refused = browser.post(path, form);
                assertThat(refused.statusCode()).as(uid + " " + path).isIn(303, 403);
                assertThat(refused.body()).doesNotContain(family);
            }
        }
        ConsoleBrowser owner = new ConsoleBrowser(server.getURI());
        owner.signIn(commissioner);
        for (String path : List.of(invitationsPath + "/ehc-plan-issued", invitationsPath + "/invite")) {
            Map<String, String> form = new java.util.HashMap<>(event);
            form.put("csrf", "x".repeat(43));
            form.put("surveyId", ehcSurvey);
            HttpResponse<String> refused = owner.post(path, form);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("This form has expired");
        }
        assertThat(invitations(area, commissioner, ehcSurvey)).hasSize(1);
    }
}
