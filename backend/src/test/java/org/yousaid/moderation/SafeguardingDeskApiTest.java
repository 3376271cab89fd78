package org.yousaid.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.notify.OutboxSender;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

/**
 * The safeguarding desk with the real tagger, PostgreSQL and Firebase SDK: forum leads told at once,
 * criticality, escalation to the area's named contact, and the author signposted instead of silence.
 */
@MicronautTest(transactional = false)
class SafeguardingDeskApiTest extends ApiTest {

    static final String RISK = "My daughter says she wants to die and has started cutting herself.";

    @Inject
    OutboxSender sender;

    String area;
    String family;
    String forumLead;
    String admin;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        family = fixtures.member(area, "family");
        forumLead = fixtures.member(area, "forum_lead");
        admin = fixtures.member(area, "area_admin");
    }

    String post(String body) {
        return as(family).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", json("body", body)).text("id");
    }

    String caseAction(String id, String action) {
        return "/v1/areas/" + area + "/moderation/safeguarding/comment/" + id + "/" + action;
    }

    void nameTheContact() {
        Reply set = as(admin).put("/v1/areas/" + area + "/settings", """
                {"safeguardingContact": {"name": "Sam Patel", "role": "Designated safeguarding lead", "phone": "01234 567890"},
                 "supportLines": [{"name": "Local SENDIASS", "forWhom": "families of children with SEND", "phone": "0300 000 0000"}]}""");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    @Test
    void forumLeadsArePushedAtOnceWithNoTextInThePush() {
        String token = "fcm-" + UUID.randomUUID();
        as(forumLead).post("/v1/areas/" + area + "/me/devices", "{\"token\":\"" + token + "\",\"platform\":\"android\"}");
        String id = post(RISK);

        analyseAll();

        assertThat(fixtures.count("select count(*) from notification_outbox where area_id = ? and uid = ?", area, forumLead)).isEqualTo(1);
        String data = fixtures.text("select data::text from notification_outbox where area_id = ? and uid = ?", area, forumLead);
        assertThat(data).contains("safeguarding_case").contains(id).doesNotContain("die").doesNotContain("cutting");
        for (int i = 0; i < 100 && sender.runOnce() != OutboxSender.Step.IDLE; i++) {
            // send what is due
        }
        assertThat(google.pushesTo(token)).hasSize(1);
        assertThat(google.pushesTo(token).get(0).body()).contains("A safeguarding concern needs you").doesNotContain("cutting");
        // Re-tagging the same text opens no second case and pushes nobody again.
        fixtures.execute("update content_tags set model_version = 'older' where area_id = ?", area);
        as(forumLead).post("/v1/areas/" + area + "/tagging/retag", null);
        analyseAll();
        assertThat(fixtures.count("select count(*) from notification_outbox where area_id = ? and uid = ?", area, forumLead)).isEqualTo(1);
    }

    @Test
    void aCaseIsEscalatedToTheNamedContactThenHandled() {
        String id = post(RISK);
        analyseAll();
        JsonNode opened = as(forumLead).get("/v1/areas/" + area + "/moderation/safeguarding").json().path("items").get(0);
        assertThat(opened.path("status").asText()).isEqualTo("new");
        assertThat(opened.path("criticality").asInt()).isEqualTo(4);

        Reply noContact = as(forumLead).post(caseAction(id, "escalate"), json("note", "Rang the family."));
        assertThat(noContact.status()).isEqualTo(409);
        assertThat(noContact.code()).isEqualTo("moderation.no_safeguarding_contact");
        nameTheContact();

        Reply escalated = as(forumLead).post(caseAction(id, "escalate"), json("note", "Passed to the DSL by phone at 10:40."));
        assertThat(escalated.text("status")).isEqualTo("escalated");
        assertThat(escalated.text("escalatedTo")).isEqualTo("Sam Patel (Designated safeguarding lead)");
        assertThat(escalated.text("escalatedBy")).isEqualTo(forumLead);
        assertThat(escalated.text("escalationNote")).isEqualTo("Passed to the DSL by phone at 10:40.");
        assertThat(as(forumLead).post(caseAction(id, "criticality"), "{\"criticality\":5}").json().path("criticality").asInt()).isEqualTo(5);
        assertThat(as(forumLead).post(caseAction(id, "criticality"), "{\"criticality\":6}").code()).isEqualTo("moderation.criticality_invalid");
        assertThat(as(forumLead).get("/v1/areas/" + area + "/moderation/safeguarding?status=escalated").json().path("items")).hasSize(1);
        assertThat(as(forumLead).get("/v1/areas/" + area + "/moderation/safeguarding").json().path("items")).hasSize(1);
        // Still not publishable while the case is open.
        assertThat(moderate(forumLead, area, "comment", id, "publish", "").code()).isEqualTo("moderation.safeguarding_review_required");

        Reply handled = as(forumLead).post(caseAction(id, "handle"), json("note", "The DSL has it; family supported."));
        assertThat(handled.text("status")).isEqualTo("handled");
        assertThat(as(forumLead).post(caseAction(id, "escalate"), json("note", "again")).code()).isEqualTo("moderation.already_decided");
        assertThat(as(forumLead).get("/v1/areas/" + area + "/moderation/safeguarding").json().path("items")).isEmpty();
        List<String> actions = List.of("safeguarding.escalate", "safeguarding.criticality", "safeguarding.handle");
        for (String action : actions) {
            assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = ?", area, action)).as(action).isEqualTo(1);
        }
    }

    @Test
    void theAuthorIsSignpostedInsteadOfSilence() {
        String risky = post(RISK);
        String ordinary = post("The Local Offer website is out of date.");
        analyseAll();

        JsonNode own = as(family).get("/v1/areas/" + area + "/comments/" + risky).json();
        assertThat(own.path("signposting").path("message").asText()).contains("999");
        assertThat(own.path("signposting").path("supportLines").findValuesAsText("name")).contains("Childline", "Samaritans");
        assertThat(own.toString()).doesNotContain("flag").doesNotContain("safeguarding");
        assertThat(as(family).get("/v1/areas/" + area + "/comments/" + ordinary).json().path("signposting").isNull()).isTrue();

        nameTheContact();
        JsonNode local = as(family).get("/v1/areas/" + area + "/me/comments").json().path("items");
        for (JsonNode c : local) {
            if (c.path("id").asText().equals(risky)) {
                assertThat(c.path("signposting").path("supportLines").findValuesAsText("name")).containsExactly("Local SENDIASS");
            }
        }
        assertThat(as(family).get("/v1/areas/" + area + "/support-lines").json().path("items").findValuesAsText("name"))
                .containsExactly("Local SENDIASS");
    }

    @Test
    void theReadmesClubTextsOpenNoCaseAndShowTheFamilyNoCrisisAdvice() {
        // The README's desk walk posts these; the karate one opened a case and showed 999 and Samaritans.
        List<String> ids = List.of(
                post("My son was asked to leave karate because he could not follow the instructions fast enough."),
                post("Gymnastics club asked us to stay and be his helper every week or leave."),
                post("Our daughter loved the inclusive football sessions but they stopped in March."));
        analyseAll();

        assertThat(fixtures.count("select count(*) from safeguarding_cases where area_id = ?", area)).isZero();
        assertThat(as(forumLead).get("/v1/areas/" + area + "/moderation/safeguarding").json().path("items")).isEmpty();
        for (String id : ids) {
            JsonNode own = as(family).get("/v1/areas/" + area + "/comments/" + id).json();
            assertThat(own.path("signposting").isNull()).as(own.toString()).isTrue();
        }
    }

    @Test
    void aFlaggedSurveyAnswersAuthorIsSignpostedToo() {
        String commissioner = fixtures.member(area, "commissioner");
        String surveyId = as(commissioner).post("/v1/areas/" + area + "/surveys", """
                {"definition": {"title": "Short breaks", "questions": [{"id": "more", "type": "free_text", "text": "Tell us more"}]}}""")
                .text("id");
        as(commissioner).post("/v1/areas/" + area + "/surveys/" + surveyId + "/publish", null);
        String answerId = UUID.randomUUID().toString();
        as(family).put("/v1/areas/" + area + "/surveys/" + surveyId + "/answers/" + answerId,
                "{\"version\":1,\"submit\":true,\"answers\":{\"more\":" + quote(RISK) + "}}");
        analyseAll();

        JsonNode answer = as(family).get("/v1/areas/" + area + "/surveys/" + surveyId + "/answers/" + answerId).json();
        assertThat(answer.path("signposting").path("message").asText()).contains("999");
    }

    @Test
    void onlyForumLeadsOfTheAreaWorkTheDeskAndOnlyAdminsSetTheContact() {
        String id = post(RISK);
        analyseAll();
        String commissioner = fixtures.member(area, "commissioner");
        String otherArea = fixtures.area();
        String otherLead = fixtures.member(otherArea, "forum_lead");
        for (String uid : List.of(family, commissioner, admin)) {
            assertThat(as(uid).post(caseAction(id, "escalate"), json("note", "x")).code()).isEqualTo("area.role_forbidden");
            assertThat(as(uid).post(caseAction(id, "criticality"), "{\"criticality\":1}").code()).isEqualTo("area.role_forbidden");
        }
        assertThat(as(otherLead).post(caseAction(id, "escalate"), json("note", "x")).code()).isEqualTo("area.not_member");
        assertThat(as(otherLead).post("/v1/areas/" + otherArea + "/moderation/safeguarding/comment/" + id + "/criticality",
                "{\"criticality\":1}").code()).isEqualTo("moderation.case_not_found");

        String settings = "/v1/areas/" + area + "/settings";
        String body = "{\"safeguardingContact\":{\"name\":\"A\",\"role\":\"B\",\"phone\":\"1\"}}";
        for (String uid : List.of(family, forumLead, commissioner)) {
            assertThat(as(uid).put(settings, body).code()).isEqualTo("area.role_forbidden");
        }
        assertThat(as(family).get(settings).code()).isEqualTo("area.role_forbidden");
        assertThat(as(forumLead).get(settings).json().path("nationalDefaults").asBoolean()).isTrue();
        assertThat(as(otherLead).get("/v1/areas/" + area + "/support-lines").code()).isEqualTo("area.not_member");
        assertThat(as(admin).put(settings, "{\"supportLines\":[{\"name\":\"No way to reach\",\"forWhom\":\"anyone\"}]}").code())
                .isEqualTo("area.settings_invalid");
    }

    @Test
    void settingsLeftOutOrEmptyKeepTheContactAndTheAreasOwnLines() {
        nameTheContact();
        String settings = "/v1/areas/" + area + "/settings";
        // What a generated client sends when the admin only changes the contact: supportLines [].
        Reply changed = as(admin).put(settings, """
                {"safeguardingContact": {"name": "Ana Lopes", "role": "Designated safeguarding lead", "phone": "01234 000000"},
                 "supportLines": [], "nationalLinesOnly": false}""");
        assertThat(changed.json().path("supportLines").findValuesAsText("name")).containsExactly("Local SENDIASS");
        assertThat(changed.json().path("nationalDefaults").asBoolean()).isFalse();
        // ... and when it only changes the lines: no contact is not "remove the contact".
        Reply lines = as(admin).put(settings, """
                {"supportLines": [{"name": "Front door", "forWhom": "anyone worried about a child", "phone": "0300 111 1111"}]}""");
        assertThat(lines.json().path("safeguardingContact").path("name").asText()).isEqualTo("Ana Lopes");
        assertThat(lines.json().path("supportLines").findValuesAsText("name")).containsExactly("Front door");
        // Going back to the national lines is said outright, and not together with lines of its own.
        assertThat(as(admin).put(settings, """
                {"nationalLinesOnly": true, "supportLines": [{"name": "X", "forWhom": "anyone", "phone": "1"}]}""").code())
                .isEqualTo("area.settings_invalid");
        Reply national = as(admin).put(settings, "{\"nationalLinesOnly\": true}");
        assertThat(national.json().path("nationalDefaults").asBoolean()).isTrue();
        assertThat(national.json().path("safeguardingContact").path("name").asText()).isEqualTo("Ana Lopes");
    }

    @Test
    void withNoForumLeadTheAreaAdminsAreToldACaseHasNobodyToReadIt() {
        String leaderless = fixtures.area();
        String parent = fixtures.member(leaderless, "family");
        String areaAdmin = fixtures.member(leaderless, "area_admin");
        as(areaAdmin).post("/v1/areas/" + leaderless + "/me/devices", "{\"token\":\"fcm-" + UUID.randomUUID() + "\",\"platform\":\"ios\"}");
        as(admin).post("/v1/areas/" + area + "/me/devices", "{\"token\":\"fcm-" + UUID.randomUUID() + "\",\"platform\":\"ios\"}");
        as(parent).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + leaderless + "/comments", json("body", RISK));

        analyseAll();

        assertThat(fixtures.count("select count(*) from safeguarding_cases where area_id = ?", leaderless)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from notification_outbox where area_id = ? and uid = ?", leaderless, areaAdmin))
                .isEqualTo(1);
        assertThat(fixtures.text("select data::text from notification_outbox where area_id = ? and uid = ?", leaderless, areaAdmin))
                .contains("safeguarding_case").doesNotContain("cutting");
        // With a forum lead, the admins are not pushed as well.
        as(family).header("Idempotency-Key", UUID.randomUUID().toString()).post("/v1/areas/" + area + "/comments", json("body", RISK));
        analyseAll();
        assertThat(fixtures.count("select count(*) from safeguarding_cases where area_id = ?", area)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from notification_outbox where area_id = ? and uid = ?", area, admin)).isZero();
    }
}
