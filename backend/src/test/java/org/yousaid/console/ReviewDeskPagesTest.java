package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.ApiTest;

/**
 * The forum lead's desk as pages: an item decided through its page (redactions kept, added, themes),
 * the claim another lead holds, a safeguarding case escalated and handled; everyone else refused.
 */
@MicronautTest(transactional = false)
class ReviewDeskPagesTest extends ApiTest {

    static final String WORDS = "My son Jack has waited eleven months for a wheelchair repair in Chelmsford.";
    static final String RISK = "My daughter says she wants to die and has started cutting herself.";

    String area;
    String lead;
    String family;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        lead = fixtures.member(area, "forum_lead");
        family = fixtures.member(area, "family");
    }

    String itemPage(String id) {
        return "/console/areas/" + area + "/queue/comment/" + id;
    }

    String casePage(String type, String id) {
        return "/console/areas/" + area + "/safeguarding/" + type + "/" + id;
    }

    JsonNode item(String id) {
        return as(lead).get("/v1/areas/" + area + "/moderation/items/comment/" + id).json();
    }

    ConsoleBrowser signedIn(String uid) throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser(server.getURI());
        browser.signIn(uid);
        return browser;
    }

    /** The value of the "keep" checkbox the page offers for these words. */
    static String proposalFor(String page, String words) {
        Matcher m = Pattern.compile("name=\"keep\" id=\"keep-\\d+\" value=\"([^\"]+)\"[^>]*>\\s*<label[^>]*>Keep these words: \u201c"
                + Pattern.quote(words) + "\u201d").matcher(page);
        return m.find() ? m.group(1) : "none for " + words;
    }

    @Test
    void aLeadKeepsOneProposalAddsWordsAndPublishes() throws Exception {
        String id = postComment(family, area, WORDS);
        analyseAll();
        ConsoleBrowser browser = signedIn(lead);
        assertThat(browser.get("/console/areas/" + area + "/queue").body()).contains("href=\"" + itemPage(id) + "\"")
                .contains("Review<span class=\"govuk-visually-hidden\">");

        HttpResponse<String> page = browser.get(itemPage(id));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Review a wall comment – YouSaid console</title>")
                .contains("<mark class=\"ys-proposed\">Jack</mark> <span class=\"ys-proposal-label\">[proposed ")
                .contains("<mark class=\"ys-proposed\">Chelmsford</mark>")
                // Every proposal out until a person keeps it: the preview shown first is the safe one.
                .contains("My son [person] has waited eleven months for a wheelchair repair in [place].");
        String chelmsford = proposalFor(page.body(), "Chelmsford");
        String token = ConsoleBrowser.formTokenIn(page.body());
        String version = Integer.toString(item(id).path("version").asInt());

        // Words that are not in the text are an error on their row, and nothing is published.
        HttpResponse<String> wrong = browser.postFields(itemPage(id) + "/publish", List.of(Map.entry("csrf", token),
                Map.entry("version", version), Map.entry("action", "publish"), Map.entry("extra", "Jonathan"), Map.entry("extraKind", "person")));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("<title>Error: Review a wall comment").contains("There is a problem").contains("href=\"#extra-1\"")
                .contains("\u201cJonathan\u201d is not in their words");
        assertThat(item(id).path("status").asText()).isEqualTo("pending_review");

        List<Map.Entry<String, String>> choices = new ArrayList<>(List.of(Map.entry("csrf", token), Map.entry("version", version),
                Map.entry("keep", chelmsford), Map.entry("extra", "eleven months"), Map.entry("extraKind", "age"), Map.entry("extra", ""),
                Map.entry("extraKind", "")));
        for (JsonNode theme : item(id).path("themes")) {
            choices.add(Map.entry("theme", theme.asText()));
        }
        List<Map.Entry<String, String>> preview = new ArrayList<>(choices);
        preview.add(Map.entry("action", "preview"));
        HttpResponse<String> previewed = browser.postFields(itemPage(id) + "/publish", preview);
        assertThat(previewed.statusCode()).isEqualTo(200);
        assertThat(previewed.body()).contains("My son [person] has waited [age] for a wheelchair repair in Chelmsford.")
                .contains("value=\"eleven months\"").contains("id=\"extra-2\"");
        assertThat(item(id).path("status").asText()).isEqualTo("pending_review");

        List<Map.Entry<String, String>> publish = new ArrayList<>(choices);
        publish.add(Map.entry("action", "publish"));
        HttpResponse<String> published = browser.postFields(itemPage(id) + "/publish", publish);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(303);
        assertThat(published.headers().firstValue("Location")).hasValue("/console/areas/" + area + "/queue?done=published");
        assertThat(browser.get("/console/areas/" + area + "/queue?done=published").body()).contains("Published. It is public now");

        JsonNode after = item(id);
        assertThat(after.path("status").asText()).isEqualTo("published");
        assertThat(after.path("publishedBody").asText()).isEqualTo("My son [person] has waited [age] for a wheelchair repair in Chelmsford.");
        assertThat(as(family).get("/v1/areas/" + area + "/comments").json().path("items").get(0).path("body").asText())
                .isEqualTo("My son [person] has waited [age] for a wheelchair repair in Chelmsford.");
    }

    @Test
    void aClaimHeldByAnotherLeadRefusesPublishWithTheErrorSummary() throws Exception {
        String id = postComment(family, area, WORDS);
        analyseAll();
        ConsoleBrowser other = signedIn(fixtures.member(area, "forum_lead"));
        String otherPage = other.get(itemPage(id)).body();
        HttpResponse<String> claimed = other.post(itemPage(id) + "/claim", Map.of("csrf", ConsoleBrowser.formTokenIn(otherPage),
                "version", Integer.toString(item(id).path("version").asInt())));
        assertThat(claimed.statusCode()).isEqualTo(303);
        assertThat(other.get(itemPage(id) + "?done=claimed").body()).contains("You have claimed it since").contains("Release it");

        ConsoleBrowser browser = signedIn(lead);
        String page = browser.get(itemPage(id)).body();
        assertThat(page).contains("Another forum lead has claimed it since").contains("You cannot publish or decline it");
        HttpResponse<String> refused = browser.post(itemPage(id) + "/publish", Map.of("csrf", ConsoleBrowser.formTokenIn(page),
                "version", Integer.toString(item(id).path("version").asInt()), "action", "publish"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("There is a problem").contains("href=\"#claim\"").contains("Another forum lead has claimed this until");
        assertThat(item(id).path("status").asText()).isEqualTo("pending_review");

        HttpResponse<String> released = other.post(itemPage(id) + "/release", Map.of("csrf", ConsoleBrowser.formTokenIn(otherPage),
                "version", Integer.toString(item(id).path("version").asInt())));
        assertThat(released.statusCode()).isEqualTo(303);
        assertThat(item(id).path("claimedBy").isNull()).isTrue();
    }

    @Test
    void aLeadAsksTheFamilyToChangeTheirWordsWithAReason() throws Exception {
        String id = postComment(family, area, WORDS);
        analyseAll();
        ConsoleBrowser browser = signedIn(lead);
        String page = browser.get(itemPage(id)).body();
        String version = Integer.toString(item(id).path("version").asInt());
        HttpResponse<String> noReason = browser.post(itemPage(id) + "/decline", Map.of("csrf", ConsoleBrowser.formTokenIn(page),
                "version", version, "decision", "request_changes", "reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("href=\"#reason\"").contains("Give the family a reason");
        HttpResponse<String> asked = browser.post(itemPage(id) + "/decline", Map.of("csrf", ConsoleBrowser.formTokenIn(page),
                "version", version, "decision", "request_changes", "reason", "Please leave out your son's name."));
        assertThat(asked.statusCode()).isEqualTo(303);
        assertThat(item(id).path("status").asText()).isEqualTo("changes_requested");
        assertThat(item(id).path("reason").asText()).isEqualTo("Please leave out your son's name.");
    }

    @Test
    void aLeadEscalatesAFlaggedSurveyAnswerThenMarksTheCaseHandled() throws Exception {
        String admin = fixtures.member(area, "area_admin");
        assertThat(as(admin).put("/v1/areas/" + area + "/settings", """
                {"safeguardingContact": {"name": "Sam Patel", "role": "Designated safeguarding lead", "phone": "01234 567890"}}""")
                .status()).isEqualTo(200);
        String answerId = flaggedSurveyAnswer();
        ConsoleBrowser browser = signedIn(lead);
        String queue = browser.get("/console/areas/" + area + "/safeguarding").body();
        assertThat(queue).contains("href=\"" + casePage("survey_answer", answerId) + "\"");

        HttpResponse<String> page = browser.get(casePage("survey_answer", answerId));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Safeguarding case – YouSaid console</title>").contains("wants to die")
                .contains("4 of 5").contains("self harm or suicide").contains("Flagged by tagging").contains("Survey answer");
        String token = ConsoleBrowser.formTokenIn(page.body());

        HttpResponse<String> noNote = browser.post(casePage("survey_answer", answerId) + "/escalate", Map.of("csrf", token, "note", " "));
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("<title>Error: Safeguarding case").contains("href=\"#escalateNote\"");

        HttpResponse<String> escalated = browser.post(casePage("survey_answer", answerId) + "/escalate",
                Map.of("csrf", token, "note", "Rang Sam at 10:40 and passed it on."));
        assertThat(escalated.statusCode()).isEqualTo(303);
        assertThat(browser.get(casePage("survey_answer", answerId) + "?done=escalated").body())
                .contains("Escalated to Sam Patel (Designated safeguarding lead)").contains("by you").contains("Rang Sam at 10:40");

        HttpResponse<String> handled = browser.post(casePage("survey_answer", answerId) + "/handle",
                Map.of("csrf", token, "note", "Sam spoke to the family; support is in place."));
        assertThat(handled.statusCode()).isEqualTo(303);
        assertThat(handled.headers().firstValue("Location")).hasValue("/console/areas/" + area + "/safeguarding?done=handled");
        assertThat(browser.get("/console/areas/" + area + "/safeguarding?done=handled").body()).contains("marked handled")
                .doesNotContain("wants to die");
        JsonNode handledCase = as(lead).get("/v1/areas/" + area + "/moderation/safeguarding?status=handled").json().path("items").get(0);
        assertThat(handledCase.path("handlingNote").asText()).isEqualTo("Sam spoke to the family; support is in place.");
        assertThat(browser.get(casePage("survey_answer", answerId)).body()).contains("Marked handled by you").doesNotContain("id=\"handleNote\"");
    }

    @Test
    void everyoneButTheAreasForumLeadsIsRefusedOnEveryPageAndForm() throws Exception {
        String id = postComment(family, area, WORDS);
        String risky = postComment(family, area, RISK);
        analyseAll();
        Map<String, String> byRole = Map.of("commissioner", fixtures.member(area, "commissioner"),
                "area_admin", fixtures.member(area, "area_admin"), "other area's lead", fixtures.member(fixtures.area(), "forum_lead"),
                "family", family);
        String version = Integer.toString(item(id).path("version").asInt());
        for (Map.Entry<String, String> who : byRole.entrySet()) {
            ConsoleBrowser browser = signedIn(who.getValue());
            String token = browser.formToken();
            int expected = "family".equals(who.getKey()) ? 303 : 403;
            for (String path : List.of(itemPage(id), casePage("comment", risky))) {
                HttpResponse<String> got = browser.get(path);
                assertThat(got.statusCode()).as(who.getKey() + " " + path).isEqualTo(expected);
                assertThat(got.body()).as(who.getKey()).doesNotContain("Jack").doesNotContain("wants to die");
            }
            Map<String, Map<String, String>> posts = Map.of(
                    itemPage(id) + "/claim", Map.of("csrf", token, "version", version),
                    itemPage(id) + "/release", Map.of("csrf", token, "version", version),
                    itemPage(id) + "/publish", Map.of("csrf", token, "version", version, "action", "publish"),
                    itemPage(id) + "/decline", Map.of("csrf", token, "version", version, "decision", "reject", "reason", "No."),
                    casePage("comment", risky) + "/escalate", Map.of("csrf", token, "note", "Passed on."),
                    casePage("comment", risky) + "/handle", Map.of("csrf", token, "note", "Done."));
            for (Map.Entry<String, Map<String, String>> post : posts.entrySet()) {
                HttpResponse<String> got = browser.post(post.getKey(), post.getValue());
                assertThat(got.statusCode()).as(who.getKey() + " " + post.getKey()).isEqualTo(expected);
                assertThat(got.body()).as(who.getKey()).doesNotContain("Jack").doesNotContain("wants to die");
            }
        }
        assertThat(item(id).path("status").asText()).isEqualTo("pending_review");
        assertThat(item(id).path("claimedBy").isNull()).isTrue();
        assertThat(as(lead).get("/v1/areas/" + area + "/moderation/safeguarding").json().path("items").get(0).path("status").asText())
                .isEqualTo("new");
    }

    @Test
    void aFormSentWithoutItsTokenChangesNothing() throws Exception {
        String id = postComment(family, area, WORDS);
        String risky = postComment(family, area, RISK);
        analyseAll();
        ConsoleBrowser browser = signedIn(lead);
        String version = Integer.toString(item(id).path("version").asInt());
        for (Map.Entry<String, Map<String, String>> post : Map.of(
                itemPage(id) + "/publish", Map.of("version", version, "action", "publish"),
                itemPage(id) + "/claim", Map.of("csrf", "x".repeat(43), "version", version),
                itemPage(id) + "/decline", Map.of("version", version, "decision", "reject", "reason", "No."),
                casePage("comment", risky) + "/handle", Map.of("note", "Done.")).entrySet()) {
            HttpResponse<String> got = browser.post(post.getKey(), post.getValue());
            assertThat(got.statusCode()).as(post.getKey()).isEqualTo(403);
            assertThat(got.body()).contains("This form has expired").doesNotContain("Jack");
        }
        assertThat(item(id).path("status").asText()).isEqualTo("pending_review");
        assertThat(item(id).path("claimedBy").isNull()).isTrue();
        assertThat(as(lead).get("/v1/areas/" + area + "/moderation/safeguarding").json().path("items")).hasSize(1);
    }

    @Test
    void aSurveyAnswerWhoseFamilyDidNotAgreeToBeQuotedIsReadButNotOfferedForPublishing() throws Exception {
        String answerId = surveyAnswer("The school nurse has been brilliant with his epilepsy care plan.", false);
        ConsoleBrowser browser = signedIn(lead);
        assertThat(browser.get("/console/areas/" + area + "/queue").body()).contains("Survey answer, not for quoting");
        String page = browser.get("/console/areas/" + area + "/queue/survey_answer/" + answerId).body();
        assertThat(page).contains("The family did not agree to be quoted").contains("epilepsy care plan")
                .doesNotContain("/publish\"").doesNotContain("What will be published").contains("Claim it");
        String quotable = surveyAnswer("The school nurse has been brilliant with her asthma plan.", true);
        assertThat(browser.get("/console/areas/" + area + "/queue/survey_answer/" + quotable).body())
                .doesNotContain("did not agree to be quoted").doesNotContain("Mark as read, not for quoting")
                .contains("What will be published").contains("/publish\"");

        // The forum lead has read it: it leaves the queue, as read and not for quoting.
        assertThat(page).contains("Mark as read, not for quoting");
        HttpResponse<String> read = browser.post("/console/areas/" + area + "/queue/survey_answer/" + answerId + "/read",
                Map.of("csrf", browser.formToken(), "version", Integer.toString(as(lead)
                        .get("/v1/areas/" + area + "/moderation/items/survey_answer/" + answerId).json().path("version").asInt())));
        assertThat(read.statusCode()).isEqualTo(303);
        assertThat(read.headers().firstValue("Location")).hasValue("/console/areas/" + area + "/queue?done=read");
        assertThat(browser.get("/console/areas/" + area + "/queue?done=read").body()).contains("Marked as read, not for quoting")
                .doesNotContain("epilepsy care plan");
        assertThat(browser.get("/console/areas/" + area + "/queue/survey_answer/" + answerId).body())
                .contains("Read by the forum, not for quoting").doesNotContain("Mark as read, not for quoting");
    }

    /** A published survey whose free-text question a family answers with words that raise a concern. */
    String flaggedSurveyAnswer() {
        return surveyAnswer(RISK, false);
    }

    /** A family's answer to a one-question survey, with or without their agreement to be quoted, tagged. */
    String surveyAnswer(String words, boolean quoteConsent) {
        String commissioner = fixtures.member(area, "commissioner");
        String surveyId = as(commissioner).post("/v1/areas/" + area + "/surveys", """
                {"definition": {"title": "Short breaks", "questions": [{"id": "more", "type": "free_text", "text": "Tell us more"}]}}""")
                .text("id");
        as(commissioner).post("/v1/areas/" + area + "/surveys/" + surveyId + "/publish", null);
        String answerId = UUID.randomUUID().toString();
        as(family).put("/v1/areas/" + area + "/surveys/" + surveyId + "/answers/" + answerId,
                "{\"version\":1,\"submit\":true,\"quoteConsent\":" + quoteConsent + ",\"answers\":{\"more\":" + quote(words) + "}}");
        analyseAll();
        return answerId;
    }
}
