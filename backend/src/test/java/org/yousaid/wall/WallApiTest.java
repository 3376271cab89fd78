package org.yousaid.wall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

@MicronautTest(transactional = false)
class WallApiTest extends ApiTest {

    @Inject
    SubmittedComments submittedEvents;

    String area;
    String family;
    String otherFamily;
    String forumLead;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        family = fixtures.member(area, "family");
        otherFamily = fixtures.member(area, "family");
        forumLead = fixtures.member(area, "forum_lead");
    }

    Reply post(String uid, String key, String body) {
        return as(uid).header("Idempotency-Key", key).post("/v1/areas/" + area + "/comments", json("body", body));
    }

    String posted(String uid, String body) {
        Reply reply = post(uid, UUID.randomUUID().toString(), body);
        assertThat(reply.status()).isEqualTo(201);
        return reply.text("id");
    }

    void publish(String commentId) {
        analyseAll();
        Reply published = publishComment(forumLead, area, commentId, "");
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    @Test
    void aFamilyPostsAndTheCommentWaitsForReview() {
        Reply reply = post(family, UUID.randomUUID().toString(), "  We waited 40 weeks for a wheelchair assessment.  ");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("status")).isEqualTo("pending_review");
        assertThat(reply.text("body")).isEqualTo("We waited 40 weeks for a wheelchair assessment.");
        assertThat(reply.headers().firstValue("Location")).hasValue("/v1/areas/" + area + "/comments/" + reply.text("id"));
        assertThat(submittedEvents.ids()).contains(UUID.fromString(reply.text("id")));
        assertThat(as(otherFamily).get("/v1/areas/" + area + "/comments").json().path("items")).isEmpty();
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheOriginalAndStoresNothingTwice() {
        String key = UUID.randomUUID().toString();
        Reply first = post(family, key, "Speech and language therapy stopped when he turned 5.");
        Reply retry = post(family, key, "Speech and language therapy stopped when he turned 5.");

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(fixtures.count("select count(*) from comments where area_id = ?", area)).isEqualTo(1);
        assertThat(submittedEvents.ids().stream().filter(id -> id.toString().equals(first.text("id")))).hasSize(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        post(family, key, "First words.");

        Reply reused = post(family, key, "Other words.");

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("idempotency.key_reused");
        assertThat(fixtures.count("select count(*) from comments where area_id = ?", area)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesOfOneCommentStoreItOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Reply>> retries = Collections.nCopies(8, () -> post(family, key, "Sent from the bus, signal dropping."));
            Set<String> ids = new HashSet<>();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> f : pool.invokeAll(retries)) {
                ids.add(f.get().text("id"));
                statuses.add(f.get().status());
            }
            assertThat(ids).hasSize(1);
            assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        } finally {
            pool.shutdown();
        }
        assertThat(fixtures.count("select count(*) from comments where area_id = ?", area)).isEqualTo(1);
    }

    @Test
    void theKeyIsPerAuthorSoTwoFamiliesCannotCollide() {
        String key = UUID.randomUUID().toString();
        assertThat(post(family, key, "Ours.").status()).isEqualTo(201);
        assertThat(post(otherFamily, key, "Theirs.").status()).isEqualTo(201);
    }

    @Test
    void badTextIsRefusedWithItsOwnCode() {
        assertThat(post(family, UUID.randomUUID().toString(), "   \n\t ").code()).isEqualTo("wall.comment_empty");
        assertThat(post(family, UUID.randomUUID().toString(), "x".repeat(2001)).code()).isEqualTo("wall.comment_too_long");
        assertThat(post(family, UUID.randomUUID().toString(), "bell\u0007").code()).isEqualTo("wall.comment_control_characters");
        assertThat(post(family, UUID.randomUUID().toString(), "evil\u202Etxt").code()).isEqualTo("wall.comment_control_characters");
        assertThat(fixtures.count("select count(*) from comments where area_id = ?", area)).isZero();
    }

    @Test
    void lengthIsCountedInCharactersAfterNormalisation() {
        // 2000 emoji are 4000 UTF-16 units but 2000 characters; "e" + combining acute becomes one "é".
        assertThat(post(family, UUID.randomUUID().toString(), "😀".repeat(2000)).status()).isEqualTo(201);
        Reply nfc = post(family, UUID.randomUUID().toString(), "e\u0301".repeat(2000));
        assertThat(nfc.status()).isEqualTo(201);
        assertThat(nfc.text("body")).isEqualTo("é".repeat(2000));
        assertThat(post(family, UUID.randomUUID().toString(), "Line one\r\nLine two").text("body")).isEqualTo("Line one\nLine two");
    }

    @Test
    void malformedRequestsGetClearProblems() {
        Api family = as(this.family).header("Idempotency-Key", UUID.randomUUID().toString());
        String path = "/v1/areas/" + area + "/comments";

        assertThat(family.post(path, "{\"body\": \"unterminated").code()).isEqualTo("request.malformed_json");
        assertThat(family.post(path, "[1,2]").code()).isEqualTo("request.malformed_json");
        assertThat(family.post(path, "{\"body\": 42, \"extra\": true}").code()).isEqualTo("request.unknown_field");
        assertThat(family.post(path, "{\"body\": \"hi\", \"authorUid\": \"someone\"}").code()).isEqualTo("request.unknown_field");
        assertThat(family.send("POST", path, "hello", "text/plain").code()).isEqualTo("request.unsupported_media_type");
        Reply tooLarge = family.post(path, json("body", "x".repeat(70_000)));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("request.too_large");
        assertThat(family.post(path, "{}").code()).isEqualTo("wall.comment_empty");
        assertThat(as(this.family).post(path, json("body", "no key")).code()).isEqualTo("idempotency.key_missing");
        assertThat(as(this.family).header("Idempotency-Key", "not-a-uuid").post(path, json("body", "bad key")).code())
                .isEqualTo("idempotency.key_invalid");
        assertThat(fixtures.count("select count(*) from comments where area_id = ?", area)).isZero();
    }

    @Test
    void cursorsAreOpaqueAndBoundToTheirListAndCaller() {
        for (int i = 0; i < 3; i++) {
            publish(posted(family, "Comment number " + i));
        }
        String wall = "/v1/areas/" + area + "/comments?limit=1&cursor=";
        String cursor = as(family).get("/v1/areas/" + area + "/comments?limit=1").text("nextCursor");

        assertThat(as(family).get(wall + cursor).status()).isEqualTo(200);
        Reply otherCaller = as(otherFamily).get(wall + cursor);
        assertThat(otherCaller.status()).isEqualTo(400);
        assertThat(otherCaller.code()).isEqualTo("request.invalid_parameter");
        assertThat(otherCaller.json().path("errors").has("cursor")).isTrue();
        assertThat(as(family).get("/v1/areas/" + area + "/me/comments?limit=1&cursor=" + cursor).code())
                .isEqualTo("request.invalid_parameter");
        String tampered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);
        assertThat(as(family).get(wall + tampered).code()).isEqualTo("request.invalid_parameter");
        String otherArea = fixtures.area();
        fixtures.execute("insert into memberships (area_id, id, uid, role) values (?, gen_random_uuid(), ?, 'family')", otherArea, family);
        assertThat(as(family).get("/v1/areas/" + otherArea + "/comments?limit=1&cursor=" + cursor).code())
                .isEqualTo("request.invalid_parameter");
    }

    @Test
    void badPathsAndQueriesAreRefused() {
        Api family = as(this.family);
        assertThat(family.get("/v1/areas/" + area + "/comments/not-a-uuid").code()).isEqualTo("request.invalid_parameter");
        assertThat(family.get("/v1/areas/" + area + "/comments?limit=0").code()).isEqualTo("request.invalid");
        assertThat(family.get("/v1/areas/" + area + "/comments?limit=101").code()).isEqualTo("request.invalid");
        assertThat(family.get("/v1/areas/" + area + "/comments?limit=lots").code()).isEqualTo("request.invalid_parameter");
        assertThat(family.get("/v1/areas/" + area + "/comments?cursor=bm9wZQ").code()).isEqualTo("request.invalid_parameter");
        assertThat(family.get("/v1/areas/no-such-area/comments").code()).isEqualTo("area.not_found");
        assertThat(family.send("DELETE", "/v1/areas/" + area + "/comments", null, null).code()).isEqualTo("request.method_not_allowed");
    }

    @Test
    void theWallListsPublishedCommentsNewestFirstWithACursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = posted(family, "Comment number " + i);
            publish(id);
            ids.add(id);
        }
        posted(otherFamily, "Still waiting for review.");

        Reply first = as(otherFamily).get("/v1/areas/" + area + "/comments?limit=2");
        Reply second = as(otherFamily).get("/v1/areas/" + area + "/comments?limit=2&cursor=" + first.text("nextCursor"));
        Reply third = as(otherFamily).get("/v1/areas/" + area + "/comments?limit=2&cursor=" + second.text("nextCursor"));

        List<String> seen = new ArrayList<>();
        for (Reply page : List.of(first, second, third)) {
            page.json().path("items").forEach(item -> seen.add(item.path("id").asText()));
        }
        assertThat(seen).containsExactlyElementsOf(ids.reversed());
        assertThat(third.json().path("nextCursor").isNull() || third.json().path("nextCursor").isMissingNode()).isTrue();
        assertThat(first.json().path("items").get(0).has("authorUid")).isFalse();
        assertThat(first.json().path("items").get(0).path("authorRole").asText()).isEqualTo("family");
    }

    @Test
    void anAuthorListsTheirOwnCommentsWithStatusAndNobodyElses() {
        String mine = posted(family, "Mine, pending.");
        String published = posted(family, "Mine, published.");
        publish(published);
        posted(otherFamily, "Not yours.");

        Reply reply = as(family).get("/v1/areas/" + area + "/me/comments");

        assertThat(reply.json().path("items")).hasSize(2);
        assertThat(reply.json().path("items").get(0).path("id").asText()).isEqualTo(published);
        assertThat(reply.json().path("items").get(0).path("status").asText()).isEqualTo("published");
        assertThat(reply.json().path("items").get(1).path("id").asText()).isEqualTo(mine);
        assertThat(reply.json().path("items").get(1).path("status").asText()).isEqualTo("pending_review");
    }

    @Test
    void aFamilyCannotSeeAnotherFamilysPendingComment() {
        String pending = posted(family, "Private until reviewed.");

        assertThat(as(otherFamily).get("/v1/areas/" + area + "/comments/" + pending).code()).isEqualTo("wall.comment_not_found");
        assertThat(as(family).get("/v1/areas/" + area + "/comments/" + pending).text("body")).isEqualTo("Private until reviewed.");

        publish(pending);
        Reply seen = as(otherFamily).get("/v1/areas/" + area + "/comments/" + pending);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().has("status")).isFalse();
        assertThat(seen.text("body")).isEqualTo("Private until reviewed.");
    }

    @Test
    void theAuthorWithdrawsAndTheTextIsErased() {
        String id = posted(family, "The new sensory room at the library is lovely.");
        publish(id);

        Reply withdrawn = as(family).post("/v1/areas/" + area + "/comments/" + id + "/withdraw", null);
        Reply again = as(family).post("/v1/areas/" + area + "/comments/" + id + "/withdraw", null);

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.text("status")).isEqualTo("withdrawn");
        assertThat(withdrawn.json().path("body").isNull()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(as(otherFamily).get("/v1/areas/" + area + "/comments").json().path("items")).isEmpty();
        assertThat(fixtures.count("select count(*) from comments where area_id = ? and body is not null", area)).isZero();
    }

    @Test
    void onlyTheAuthorCanWithdraw() {
        String id = posted(family, "Mine.");

        assertThat(as(otherFamily).post("/v1/areas/" + area + "/comments/" + id + "/withdraw", null).code())
                .isEqualTo("wall.comment_not_found");
        assertThat(as(forumLead).post("/v1/areas/" + area + "/comments/" + id + "/withdraw", null).code())
                .isEqualTo("wall.comment_not_found");
    }

    @Test
    void aRejectedCommentCannotBeWithdrawn() {
        String id = posted(family, "Rejected one.");
        analyseAll();
        moderate(forumLead, area, "comment", id, "reject", "\"reason\":\"Names a teacher.\"");

        Reply reply = as(family).post("/v1/areas/" + area + "/comments/" + id + "/withdraw", null);

        assertThat(reply.code()).isEqualTo("wall.comment_not_withdrawable");
        assertThat(as(family).get("/v1/areas/" + area + "/comments/" + id).text("reason")).isEqualTo("Names a teacher.");
    }

    @Test
    void onlyFamiliesAndYoungPeoplePost() {
        String youngPerson = fixtures.member(area, "young_person");
        Reply yp = post(youngPerson, UUID.randomUUID().toString(), "I want to be asked, not my mum.");
        assertThat(yp.status()).as(yp.toString()).isEqualTo(201);

        for (String role : List.of("forum_lead", "commissioner", "area_admin")) {
            String staff = fixtures.member(area, role);
            assertThat(post(staff, UUID.randomUUID().toString(), "Staff cannot post here.").code()).isEqualTo("area.role_forbidden");
        }
    }

    @Test
    void aMemberOfOneAreaCannotReadOrPostInAnother() {
        String otherArea = fixtures.area();
        String stranger = fixtures.member(otherArea, "family");
        String id = posted(family, "Only for this area.");
        publish(id);

        Api strangerApi = as(stranger);
        assertThat(strangerApi.get("/v1/areas/" + area + "/comments").code()).isEqualTo("area.not_member");
        assertThat(strangerApi.get("/v1/areas/" + area + "/comments/" + id).code()).isEqualTo("area.not_member");
        assertThat(strangerApi.get("/v1/areas/" + area + "/me/comments").code()).isEqualTo("area.not_member");
        assertThat(strangerApi.post("/v1/areas/" + area + "/comments/" + id + "/withdraw", null).code()).isEqualTo("area.not_member");
        assertThat(strangerApi.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", json("body", "Sneaking in.")).code()).isEqualTo("area.not_member");
        // The comment id alone does not reach across areas.
        Reply across = strangerApi.get("/v1/areas/" + otherArea + "/comments/" + id);
        assertThat(across.code()).as(across.toString() + " " + otherArea).isEqualTo("wall.comment_not_found");
    }

    @Test
    void familiesSayMeTooOnceEachAndCanTakeItBack() {
        String id = posted(family, "We waited two years for an autism assessment.");
        publish(id);
        String young = fixtures.member(area, "young_person");
        String path = "/v1/areas/" + area + "/comments/" + id + "/me-too";

        Reply first = as(otherFamily).send("PUT", path, null, null);
        Reply again = as(otherFamily).send("PUT", path, null, null);
        Reply second = as(young).send("PUT", path, null, null);

        assertThat(first.json().path("meToo").asInt()).isEqualTo(1);
        assertThat(first.json().path("meTooMine").asBoolean()).isTrue();
        assertThat(again.json().path("meToo").asInt()).isEqualTo(1);
        assertThat(second.json().path("meToo").asInt()).isEqualTo(2);
        JsonNode onTheWall = as(family).get("/v1/areas/" + area + "/comments").json().path("items").get(0);
        assertThat(onTheWall.path("meToo").asInt()).isEqualTo(2);
        assertThat(onTheWall.path("meTooMine").asBoolean()).isFalse();
        assertThat(as(family).send("PUT", path, null, null).code()).isEqualTo("wall.me_too_own");
        assertThat(as(otherFamily).send("DELETE", path, null, null).json().path("meToo").asInt()).isEqualTo(1);
        assertThat(as(otherFamily).send("DELETE", path, null, null).json().path("meToo").asInt()).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from me_too where area_id = ? and comment_id = ?::uuid", area, id)).isEqualTo(1);

        String pending = posted(family, "Not published yet.");
        assertThat(as(otherFamily).send("PUT", "/v1/areas/" + area + "/comments/" + pending + "/me-too", null, null).code())
                .isEqualTo("wall.comment_not_found");
        assertThat(as(forumLead).send("PUT", path, null, null).code()).isEqualTo("area.role_forbidden");
        String otherArea = fixtures.area();
        String stranger = fixtures.member(otherArea, "family");
        assertThat(as(stranger).send("PUT", path, null, null).code()).isEqualTo("area.not_member");
        assertThat(as(stranger).send("PUT", "/v1/areas/" + otherArea + "/comments/" + id + "/me-too", null, null).code())
                .isEqualTo("wall.comment_not_found");
    }

    /** Records ContentSubmitted events: what tagging and moderation listen on. */
    @Singleton
    static class SubmittedComments {
        private final List<UUID> ids = Collections.synchronizedList(new ArrayList<>());

        @EventListener
        void on(org.yousaid.content.ContentSubmitted event) {
            ids.add(event.ref().id());
        }

        List<UUID> ids() {
            synchronized (ids) {
                return List.copyOf(ids);
            }
        }
    }
}
