package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Tokens;

/** The commissioner's survey pages: start from a template, edit, publish, retire; nobody else. */
@MicronautTest(transactional = false)
class SurveyPagesTest extends ApiTest {

    private ConsoleBrowser signedIn(String uid) throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser(server.getURI());
        assertThat(browser.signIn(uid).statusCode()).isEqualTo(303);
        return browser;
    }

    private static Map<String, String> with(Map<String, String> form, String... pairs) {
        Map<String, String> changed = new HashMap<>(form);
        for (int i = 0; i < pairs.length; i += 2) {
            changed.put(pairs[i], pairs[i + 1]);
        }
        return changed;
    }

    @Test
    void aCommissionerStartsEditsPublishesAndRetiresASurvey() throws Exception {
        String area = fixtures.area();
        String commissioner = fixtures.member(area, "commissioner");
        String family = fixtures.member(area, "family");
        String surveys = "/console/areas/" + area + "/surveys";
        ConsoleBrowser browser = signedIn(commissioner);

        HttpResponse<String> list = browser.get(surveys);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<title>Surveys – YouSaid console</title>").contains("EHC plan survey")
                .contains("Specialist equipment survey").contains("Annual family impact survey").contains("no surveys yet");

        HttpResponse<String> started = browser.post(surveys, Map.of("csrf", browser.formToken(), "templateId", "ehc-plan"));
        assertThat(started.statusCode()).isEqualTo(303);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(surveys + "/").endsWith("?done=started");
        String page = location.substring(0, location.indexOf('?'));
        String surveyId = page.substring(page.lastIndexOf('/') + 1);

        HttpResponse<String> draft = browser.get(location);
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(draft.body()).contains("The draft was started from the template").contains("Who is filling in this survey?")
                .contains("Draft of version 1").doesNotContain("style=");
        assertThat(browser.get(surveys).body()).contains("Drafts").contains("href=\"" + page + "\"");

        // Edit a question's wording and an option, add a question, remove one and move one.
        Map<String, String> form = ConsoleBrowser.fields(draft.body(), page + "/draft");
        assertThat(form).containsEntry("q1-text", "Who is filling in this survey?").containsEntry("q1-type", "single_choice")
                .containsEntry("q1-required", "true").containsKey("csrf");
        assertThat(form.get("q1-options")).isEqualTo("A parent or carer\nA young person");
        HttpResponse<String> saved = browser.post(page + "/draft", with(form,
                "q1-text", "Who is answering?", "q1-options", "A parent or carer\nA young person\nSomeone helping them",
                "q2-remove", "true", "q-new-text", "Anything else we should know?", "q-new-type", "free_text"));
        assertThat(saved.statusCode()).isEqualTo(303);
        JsonNode version = as(commissioner).get("/v1/areas/" + area + "/surveys/" + surveyId).json().path("versions").get(0);
        JsonNode questions = version.path("definition").path("questions");
        assertThat(questions.get(0).path("text").asText()).isEqualTo("Who is answering?");
        // An option worded as before keeps its id (answers refer to it); a new one gets its own.
        assertThat(questions.get(0).path("options").get(0).path("id").asText()).isEqualTo("parent_carer");
        assertThat(questions.get(0).path("options").get(2).path("id").asText()).isEqualTo("someone_helping_them");
        assertThat(questions.get(1).path("id").asText()).isEqualTo("weeks_to_plan");
        int count = questions.size();
        assertThat(questions.get(count - 1).path("text").asText()).isEqualTo("Anything else we should know?");
        assertThat(questions.get(count - 1).path("type").asText()).isEqualTo("free_text");
        // What the form does not show (the number's limits) is kept.
        assertThat(questions.get(1).path("max").asInt()).isEqualTo(260);

        form = ConsoleBrowser.fields(browser.get(page).body(), page + "/draft");
        assertThat(browser.post(page + "/draft", with(form, "move", "down-1")).statusCode()).isEqualTo(303);
        questions = as(commissioner).get("/v1/areas/" + area + "/surveys/" + surveyId).json().path("versions").get(0)
                .path("definition").path("questions");
        assertThat(questions.get(0).path("id").asText()).isEqualTo("weeks_to_plan");
        assertThat(questions.get(1).path("id").asText()).isEqualTo("who");

        // Bad input: the service's check, shown as a GOV.UK error summary linked to the field, values kept.
        form = ConsoleBrowser.fields(browser.get(page).body(), page + "/draft");
        HttpResponse<String> bad = browser.post(page + "/draft", with(form, "q2-text", "", "q2-options", "Only one",
                "q1-min", "lots", "title", "A new title"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("<title>Error: ").contains("govuk-error-summary").contains("href=\"#q2-text\"")
                .contains("href=\"#q2-options\"").contains("href=\"#q1-min\"").contains("id=\"q2-text\"")
                .contains("govuk-form-group--error").contains("value=\"A new title\"").contains("value=\"lots\"");
        assertThat(as(commissioner).get("/v1/areas/" + area + "/surveys/" + surveyId).json().path("title").asText())
                .isEqualTo("EHC plan survey");

        // Publish: families can now see and answer it.
        assertThat(as(family).get("/v1/areas/" + area + "/surveys").json().path("items")).isEmpty();
        HttpResponse<String> published = browser.post(page + "/publish", Map.of("csrf", browser.formToken()));
        assertThat(published.statusCode()).isEqualTo(303);
        JsonNode seen = as(family).get("/v1/areas/" + area + "/surveys").json().path("items");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).path("id").asText()).isEqualTo(surveyId);
        assertThat(seen.get(0).path("definition").path("questions").get(1).path("text").asText()).isEqualTo("Who is answering?");
        HttpResponse<String> read = browser.get(page);
        assertThat(read.body()).contains("Published").contains("See the results of this survey")
                .contains("href=\"" + page + "/results\"").contains("Retire version 1").doesNotContain("Draft of version");

        assertThat(browser.post(page + "/retire", Map.of("csrf", browser.formToken(), "version", "1")).statusCode()).isEqualTo(303);
        assertThat(as(family).get("/v1/areas/" + area + "/surveys").json().path("items")).isEmpty();
        assertThat(browser.get(surveys).body()).contains("Retired");

        // A new version starts from the last one.
        assertThat(browser.post(page + "/next-version", Map.of("csrf", browser.formToken())).statusCode()).isEqualTo(303);
        assertThat(browser.get(page).body()).contains("Draft of version 2").contains("Who is answering?");
    }

    @Test
    void onlyTheAreasCommissionersUseThePagesAndAFormWithoutItsTokenChangesNothing() throws Exception {
        String area = fixtures.area();
        String commissioner = fixtures.member(area, "commissioner");
        String secret = "Secret survey title " + UUID.randomUUID();
        Api api = as(commissioner);
        String id = api.post("/v1/areas/" + area + "/surveys", "{\"definition\":{\"title\":\"" + secret + "\",\"questions\":["
                + "{\"id\":\"q\",\"type\":\"likert\",\"text\":\"Hidden question wording\"}]}}").text("id");
        String other = fixtures.area();
        String surveys = "/console/areas/" + area + "/surveys";
        String page = surveys + "/" + id;
        List<String> gets = List.of(surveys, page, page + "/results", "/console/areas/" + area + "/invitations");
        List<String> posts = List.of(surveys, page + "/draft", page + "/publish", page + "/retire", page + "/next-version");

        ConsoleBrowser owner = signedIn(commissioner);
        Map<String, String> form = ConsoleBrowser.fields(owner.get(page).body(), page + "/draft");
        for (String uid : List.of(fixtures.member(area, "forum_lead"), fixtures.member(area, "area_admin"),
                fixtures.member(other, "commissioner"), fixtures.member(area, "family"))) {
            ConsoleBrowser browser = new ConsoleBrowser(server.getURI());
            browser.signIn(uid);
            for (String path : gets) {
                HttpResponse<String> refused = browser.get(path);
                assertThat(refused.statusCode()).as(uid + " " + path).isIn(303, 403);
                assertThat(refused.body()).as(path).doesNotContain(secret).doesNotContain("Hidden question");
            }
            for (String path : posts) {
                HttpResponse<String> refused = browser.post(path, with(form, "csrf", browser.formToken(), "templateId", "ehc-plan",
                        "title", "Changed by someone else", "version", "1"));
                assertThat(refused.statusCode()).as(uid + " " + path).isIn(303, 403);
                assertThat(refused.body()).doesNotContain(secret).doesNotContain("Hidden question");
            }
        }
        // The commissioner's own forms without the token, or with another: refused and nothing done.
        for (String path : posts) {
            for (Map<String, String> without : List.of(with(form, "csrf", "x".repeat(43), "templateId", "ehc-plan"),
                    Map.of("title", "Changed", "templateId", "ehc-plan"))) {
                HttpResponse<String> refused = owner.post(path, without);
                assertThat(refused.statusCode()).as(path).isEqualTo(403);
                assertThat(refused.body()).contains("This form has expired");
            }
        }
        JsonNode survey = api.get("/v1/areas/" + area + "/surveys/" + id).json();
        assertThat(survey.path("title").asText()).isEqualTo(secret);
        assertThat(survey.path("publishedVersion").isNull()).isTrue();
        assertThat(survey.path("versions")).hasSize(1);
        assertThat(api.get("/v1/areas/" + area + "/surveys").json().path("items")).hasSize(1);
        assertThat(as(fixtures.member(other, "commissioner")).get("/v1/areas/" + other + "/surveys").json().path("items")).isEmpty();
    }
}
