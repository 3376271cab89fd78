package org.yousaid.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.notify.OutboxSender;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

/**
 * A family's export and erasure on real PostgreSQL, CoreNLP and the Firebase SDK: a family with
 * comments, a survey answer they agreed to have quoted, a "me too", citations in a published
 * response, tags, embeddings, a device and pushes, in two areas. After erasure no word of theirs,
 * nor their uid, is in any column of any table, and no endpoint returns them.
 */
@MicronautTest(transactional = false)
class FamilyRightsApiTest extends ApiTest {

    @Inject
    OutboxSender sender;

    String areaA;
    String areaB;
    String family;
    String neighbour;
    String leadA;
    String leadB;
    String commissioner;
    /** Words no one else writes: the database is searched for them after erasure. */
    String marker;
    String published;
    String pending;
    String answer;
    String neighbourComment;
    String commentInB;
    String response;

    @BeforeEach
    void aFamilySpeaksInTwoAreas() {
        areaA = fixtures.area();
        areaB = fixtures.area();
        family = fixtures.member(areaA, "family");
        fixtures.execute("insert into memberships (area_id, id, uid, role) values (?, ?, ?, 'family')", areaB, UUID.randomUUID(), family);
        neighbour = fixtures.member(areaA, "family");
        leadA = fixtures.member(areaA, "forum_lead");
        leadB = fixtures.member(areaB, "forum_lead");
        commissioner = fixtures.member(areaA, "commissioner");
        marker = "Periwinkle" + UUID.randomUUID().toString().substring(0, 8);
        device(family, areaA);
        device(family, areaB);

        published = postComment(family, areaA, "We waited seven months for a wheelchair for " + marker
                + " and nobody told us why the equipment service took so long.");
        pending = postComment(family, areaA, "The wheelchair clinic at " + marker + " cancelled twice and we still have no date.");
        neighbourComment = postComment(neighbour, areaA, "Our son's seat took five months to arrive and he was in pain all that time.");
        commentInB = postComment(family, areaB, "In this area too the hoist for " + marker + " took months to be fitted.");
        String survey = as(commissioner).post(path(areaA, "/surveys"), """
                {"definition":{"title":"Equipment","questions":[
                  {"id":"waited","type":"single_choice","text":"How long did you wait?","options":[{"id":"long","label":"Over 18 weeks"},{"id":"short","label":"Under 18 weeks"}]},
                  {"id":"words","type":"free_text","text":"Tell us"}]}}""").text("id");
        assertThat(as(commissioner).post(path(areaA, "/surveys/" + survey + "/publish"), null).status()).isEqualTo(200);
        answer = UUID.randomUUID().toString();
        Reply answered = as(family).put(path(areaA, "/surveys/" + survey + "/answers/" + answer), """
                {"version":1,"submit":true,"quoteConsent":true,"answers":{"waited":"long","words":"The standing frame for %s came after he had outgrown it."}}"""
                .formatted(marker));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
        analyseAll();
        assertThat(publishComment(leadA, areaA, published, null).status()).isEqualTo(200);
        assertThat(publishComment(leadA, areaA, neighbourComment, null).status()).isEqualTo(200);
        assertThat(publishComment(leadB, areaB, commentInB, null).status()).isEqualTo(200);
        assertThat(moderate(leadA, areaA, "survey_answer", answer, "publish", null).status()).isEqualTo(200);
        assertThat(as(family).put(path(areaA, "/comments/" + neighbourComment + "/me-too"), "").status()).isEqualTo(200);

        String theme = fixtures.text("select themes[1] from moderation_items where area_id = ? and content_id = ?::uuid", areaA, published);
        Reply drafted = as(commissioner).post(path(areaA, "/responses"), """
                {"title":"Equipment without the long wait","summary":"Families told us they wait months for wheelchairs and seats.",
                 "weDid":"We added a second wheelchair clinic and now order equipment the week it is prescribed.",
                 "themes":["%s"],"from":"%s","to":"%s","comments":["%s","%s"],"answers":["%s"]}""".formatted(theme,
                LocalDate.now().minusDays(30), LocalDate.now(), published, neighbourComment, answer));
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        response = drafted.text("id");
        assertThat(step(commissioner, "submit", null).status()).isEqualTo(200);
        assertThat(step(leadA, "sign-off", "Agreed at the forum meeting").status()).isEqualTo(200);
        assertThat(step(commissioner, "publish", null).status()).isEqualTo(200);
        for (int i = 0; i < 1000 && sender.runOnce() != OutboxSender.Step.IDLE; i++) {
            // deliver every push
        }
        assertThat(fixtures.count("select count(*) from notification_outbox where uid = ? and state = 'sent'", family)).isPositive();
        assertThat(fixtures.count("select count(*) from content_embeddings where content_id = ?::uuid", published)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from content_tags where content_id = ?::uuid", answer)).isEqualTo(1);
    }

    @Test
    void aFamilyDownloadsEverythingHeldAboutThemAndOnlyThat() {
        Reply export = as(family).get("/v1/me/export");
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        assertThat(export.json().path("uid").asText()).isEqualTo(family);
        JsonNode areas = export.json().path("areas");
        assertThat(areas).hasSize(2);
        JsonNode a = areaOf(areas, areaA);
        assertThat(a.path("role").asText()).isEqualTo("family");
        JsonNode comment = textOf(a, published);
        assertThat(comment.path("text").asText()).contains(marker);
        assertThat(comment.path("reviewState").asText()).isEqualTo("published");
        assertThat(comment.path("whatHappened").get(0).path("responseId").asText()).isEqualTo(response);
        assertThat(textOf(a, pending).path("reviewState").asText()).isEqualTo("pending_review");
        JsonNode survey = textOf(a, answer);
        assertThat(survey.path("contentType").asText()).isEqualTo("survey_answer");
        assertThat(survey.path("about").path("answers").path("waited").asText()).isEqualTo("long");
        assertThat(a.path("consents")).hasSize(1);
        assertThat(a.path("consents").get(0).path("contentId").asText()).isEqualTo(answer);
        assertThat(a.path("consents").get(0).path("kind").asText()).isEqualTo("quote_survey_words");
        assertThat(a.path("meToos")).hasSize(1);
        assertThat(a.path("meToos").get(0).path("contentId").asText()).isEqualTo(neighbourComment);
        assertThat(a.path("responsesToMe").findValuesAsText("responseId")).contains(response);
        assertThat(a.path("devices")).hasSize(1);
        assertThat(a.path("devices").get(0).has("token")).isFalse();
        assertThat(a.path("notifications").size()).isPositive();
        assertThat(export.json().toString()).doesNotContain("fcm-");
        assertThat(areaOf(areas, areaB).path("texts")).hasSize(1);

        // One area's export holds that area alone.
        Reply onlyB = as(family).get("/v1/areas/" + areaB + "/me/export");
        assertThat(onlyB.status()).isEqualTo(200);
        assertThat(onlyB.json().path("areas")).hasSize(1);
        assertThat(onlyB.json().toString()).doesNotContain(published);

        // Staff export themselves, never a family: there is no way to name anyone else.
        Reply lead = as(leadA).get("/v1/me/export");
        assertThat(lead.json().path("uid").asText()).isEqualTo(leadA);
        assertThat(lead.json().toString()).doesNotContain(marker).doesNotContain(family);
        assertThat(as(neighbour).get("/v1/me/export").json().toString()).doesNotContain(marker);
        // Another area's export: not a member there.
        assertThat(as(neighbour).get("/v1/areas/" + areaB + "/me/export").code()).isEqualTo("area.not_member");
        assertThat(api().get("/v1/me/export").status()).isEqualTo(401);
        assertThat(api().as("not-a-token").get("/v1/me/export").status()).isEqualTo(401);
    }

    @Test
    void erasureLeavesNoWordOfTheirsAnywhere() {
        // The council's record that the family's EHC plan was issued: it keeps its event id, never who.
        fixtures.execute("""
                insert into ehc_plan_events (area_id, event_id, family_uid, issued_on, request_hash, received_at)
                values (?, 'case-2026-0042', ?, current_date, 'a hash taken over the family''s uid', now())""", areaA, family);
        Reply erased = as(family).send("DELETE", "/v1/me", null, null);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        assertThat(fixtures.text("select family_uid || '/' || request_hash from ehc_plan_events where area_id = ?", areaA))
                .isEqualTo("erased/erased");
        assertThat(erased.json().path("areas")).hasSize(2);
        JsonNode a = areaOf(erased.json().path("areas"), areaA);
        assertThat(a.path("texts").asInt()).isEqualTo(3);
        assertThat(a.path("meToos").asInt()).isEqualTo(1);
        assertThat(a.path("devices").asInt()).isEqualTo(1);

        assertThat(fixtures.columnsHolding(marker)).as("columns still holding the family's words").isEmpty();
        assertThat(fixtures.columnsHolding(family)).as("columns still naming the family").isEmpty();

        // The response still reads as written: its citation of their words says they were withdrawn.
        JsonNode youSaid = as(neighbour).get(path(areaA, "/responses/" + response)).json().path("youSaid");
        JsonNode cited = youSaid.path("comments");
        assertThat(cited.findValuesAsText("contentId")).contains(published, neighbourComment);
        for (JsonNode c : cited) {
            boolean theirs = c.path("contentId").asText().equals(published);
            assertThat(c.path("withdrawn").asBoolean()).isEqualTo(theirs);
            if (theirs) {
                assertThat(c.path("text").asText()).isEqualTo("Words withdrawn by the family.");
            }
        }
        assertThat(youSaid.path("answers").get(0).path("withdrawn").asBoolean()).isTrue();
        // The wall, the desk and the family's own endpoints return none of it.
        assertThat(as(neighbour).get(path(areaA, "/comments")).json().toString()).doesNotContain(marker).doesNotContain(published);
        Reply item = as(leadA).get(path(areaA, "/moderation/items/comment/" + published));
        assertThat(item.json().path("status").asText()).isEqualTo("erased");
        assertThat(item.json().path("body").isNull()).isTrue();
        assertThat(as(leadA).get(path(areaA, "/moderation/items/comment/" + published + "/analysis")).json().toString())
                .doesNotContain(marker);
        assertThat(as(family).get("/v1/me/memberships").json().path("items")).isEmpty();
        assertThat(as(family).get("/v1/me/export").json().path("areas")).isEmpty();
        assertThat(as(family).get(path(areaA, "/me/comments")).code()).isEqualTo("area.not_member");
        // The neighbour's comment lost the "me too"; structured answers stay only as nobody's counts.
        assertThat(fixtures.count("select count(*) from me_too where comment_id = ?::uuid", neighbourComment)).isZero();
        assertThat(fixtures.text("select answers::text from survey_answers where id = ?::uuid", answer))
                .contains("\"waited\"").doesNotContain("words");
        assertThat(fixtures.count("select count(*) from content_tags where content_id in (?::uuid, ?::uuid, ?::uuid)",
                published, pending, answer)).isZero();
        assertThat(fixtures.count("select count(*) from content_embeddings where content_id in (?::uuid, ?::uuid, ?::uuid)",
                published, pending, answer)).isZero();
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = 'privacy.erased'", areaA)).isEqualTo(1);

        // Idempotent: nothing is left to erase.
        Reply again = as(family).send("DELETE", "/v1/me", null, null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("areas")).isEmpty();
    }

    @Test
    void whatAFamilySendsWhileBeingErasedIsErasedOrRefusedNeverKept() throws Exception {
        java.util.concurrent.ExecutorService phones = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Reply>> sent = new java.util.ArrayList<>();
            java.util.concurrent.Future<Reply> erasure = null;
            for (int i = 0; i < 60; i++) {
                int n = i;
                sent.add(phones.submit(() -> as(family).header("Idempotency-Key", UUID.randomUUID().toString())
                        .post(path(areaA, "/comments"), json("body", "Sent while erasing " + marker + " number " + n))));
                if (i == 20) {
                    erasure = phones.submit(() -> as(family).send("DELETE", "/v1/me", null, null));
                }
            }
            int stored = 0;
            int refused = 0;
            for (var f : sent) {
                Reply r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (r.status() == 201) {
                    stored++;
                } else {
                    assertThat(r.code()).as(r.toString()).isEqualTo("area.not_member");
                    refused++;
                }
            }
            assertThat(stored + refused).isEqualTo(60);
            assertThat(erasure.get(60, java.util.concurrent.TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(refused).as("comments refused once the family was erased").isPositive();
        } finally {
            phones.shutdown();
            assertThat(phones.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(fixtures.columnsHolding(marker)).as("words sent while erasing").isEmpty();
        assertThat(fixtures.count("select count(*) from comments where author_uid = ?", family)).isZero();
        // The other area was erased too (DELETE /v1/me), and nothing is left to erase.
        assertThat(as(family).send("DELETE", "/v1/me", null, null).json().path("areas")).isEmpty();
    }

    @Test
    void leavingOneAreaErasesThereAndNowhereElse() {
        Reply left = as(family).send("DELETE", path(areaB, "/membership"), null, null);
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(left.json().path("areas").get(0).path("texts").asInt()).isEqualTo(1);
        assertThat(as(family).get("/v1/me/export").json().path("areas")).hasSize(1);
        assertThat(fixtures.count("select count(*) from comments where id = ?::uuid and body is not null", published)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from comments where id = ?::uuid and body is null and author_uid = 'erased'",
                commentInB)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from devices where uid = ? and area_id = ?", family, areaB)).isZero();
        assertThat(fixtures.count("select count(*) from devices where uid = ? and area_id = ?", family, areaA)).isEqualTo(1);
        // An area that does not exist is not left: it is not found.
        assertThat(as(family).send("DELETE", "/v1/areas/no-such-area/membership", null, null).code()).isEqualTo("area.not_found");
        // Leaving again, or an area one never joined, erases nothing.
        assertThat(as(family).send("DELETE", path(areaB, "/membership"), null, null).json().path("areas")).isEmpty();
        assertThat(as(neighbour).send("DELETE", path(areaB, "/membership"), null, null).json().path("areas")).isEmpty();
        assertThat(fixtures.count("select count(*) from memberships where area_id = ?", areaB)).isEqualTo(1);
    }

    @Test
    void staffCannotEraseThemselvesWhileTheyHoldARole() {
        Reply refused = as(leadA).send("DELETE", "/v1/me", null, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("privacy.staff_member");
        assertThat(as(commissioner).send("DELETE", path(areaA, "/membership"), null, null).code()).isEqualTo("privacy.staff_member");
        assertThat(fixtures.count("select count(*) from memberships where uid in (?, ?)", leadA, commissioner)).isEqualTo(2);
        assertThat(api().send("DELETE", "/v1/me", null, null).status()).isEqualTo(401);
    }

    @Test
    void theAreasPrivacyNoticeIsShownBeforeJoiningAndInTheExport() {
        String admin = fixtures.member(areaA, "area_admin");
        String notice = "{\"privacyNotice\":{\"url\":\"https://example.org/send/privacy\",\"updatedOn\":\"2026-12-01\"}}";
        assertThat(as(family).put(path(areaA, "/settings"), notice).code()).isEqualTo("area.role_forbidden");
        assertThat(as(fixtures.member(areaB, "area_admin")).put(path(areaA, "/settings"), notice).code()).isEqualTo("area.not_member");
        Reply bad = as(admin).put(path(areaA, "/settings"), "{\"privacyNotice\":{\"url\":\"http://example.org/privacy\"}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("area.settings_invalid");
        Reply set = as(admin).put(path(areaA, "/settings"), notice);
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().path("privacyNotice").path("url").asText()).isEqualTo("https://example.org/send/privacy");
        // Settings sent without a notice keep it: a client's default never removes it.
        assertThat(as(admin).put(path(areaA, "/settings"), "{}").json().path("privacyNotice").path("updatedOn").asText())
                .isEqualTo("2026-12-01");

        String stranger = "family-" + UUID.randomUUID();
        JsonNode listed = null;
        String cursor = null;
        do {
            JsonNode page = as(stranger).get("/v1/areas?limit=100" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode a : page.path("items")) {
                if (a.path("id").asText().equals(areaA)) {
                    listed = a;
                }
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (listed == null && cursor != null);
        assertThat(listed).isNotNull();
        assertThat(listed.path("privacyNotice").path("url").asText()).isEqualTo("https://example.org/send/privacy");
        JsonNode exported = areaOf(as(family).get("/v1/me/export").json().path("areas"), areaA);
        assertThat(exported.path("privacyNotice").path("updatedOn").asText()).isEqualTo("2026-12-01");
    }

    static JsonNode areaOf(JsonNode areas, String areaId) {
        for (JsonNode a : areas) {
            if (a.path("areaId").asText().equals(areaId)) {
                return a;
            }
        }
        throw new AssertionError("no area " + areaId + " in " + areas);
    }

    static JsonNode textOf(JsonNode area, String id) {
        for (JsonNode t : area.path("texts")) {
            if (t.path("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no text " + id + " in " + area.path("texts"));
    }

    String path(String areaId, String suffix) {
        return "/v1/areas/" + areaId + suffix;
    }

    Reply step(String uid, String step, String comment) {
        int version = as(commissioner).get(path(areaA, "/responses/" + response)).json().path("version").asInt();
        return as(uid).post(path(areaA, "/responses/" + response + "/" + step), "{\"version\":" + version
                + (comment == null ? "" : ",\"comment\":" + quote(comment)) + "}");
    }

    void device(String uid, String areaId) {
        Reply registered = as(uid).post(path(areaId, "/me/devices"), "{\"token\":\"fcm-" + UUID.randomUUID()
                + "\",\"platform\":\"android\"}");
        assertThat(registered.status()).isEqualTo(200);
    }
}
