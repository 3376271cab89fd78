package org.yousaid.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

@MicronautTest(transactional = false)
class ModerationApiTest extends ApiTest {

    String area;
    String family;
    String forumLead;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        family = fixtures.member(area, "family");
        forumLead = fixtures.member(area, "forum_lead");
    }

    /** A comment the analysis has seen, as forum leads find it in the queue. */
    String posted(String body) {
        String id = postedNow(body);
        analyseAll();
        return id;
    }

    String postedNow(String body) {
        return as(family).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", json("body", body)).text("id");
    }

    String path(String id, String decision) {
        return "/v1/areas/" + area + "/moderation/comments/" + id + "/" + decision;
    }

    @Test
    void theQueueShowsPendingCommentsOldestFirstWithRawText() {
        String first = posted("Our son's EHC plan took 38 weeks.");
        String second = posted("The Local Offer website is out of date.");
        String published = posted("Published already.");
        as(forumLead).post(path(published, "publish"), null);

        Reply page1 = as(forumLead).get("/v1/areas/" + area + "/moderation/queue?limit=1");
        Reply page2 = as(forumLead).get("/v1/areas/" + area + "/moderation/queue?limit=1&cursor=" + page1.text("nextCursor"));

        assertThat(page1.json().path("items").get(0).path("id").asText()).isEqualTo(first);
        assertThat(page1.json().path("items").get(0).path("body").asText()).isEqualTo("Our son's EHC plan took 38 weeks.");
        assertThat(page2.json().path("items").get(0).path("id").asText()).isEqualTo(second);
        assertThat(page2.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aForumLeadPublishesAndTheWallShowsIt() {
        String id = posted("Thank you for the sensory room at the hospital.");

        Reply published = as(forumLead).post(path(id, "publish"), null);

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.text("status")).isEqualTo("published");
        Reply wall = as(family).get("/v1/areas/" + area + "/comments");
        assertThat(wall.json().path("items").get(0).path("body").asText()).isEqualTo("Thank you for the sensory room at the hospital.");
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = 'comment.publish' and content_id = ?",
                area, id)).isEqualTo(1);
    }

    @Test
    void anEditedTextIsPublishedWhileTheAuthorKeepsTheirOwnWords() {
        String id = posted("Amelia's physio at Broomfield was cancelled twice.");

        as(forumLead).post(path(id, "publish"), json("publishedBody", "My daughter's physio was cancelled twice."));

        assertThat(as(family).get("/v1/areas/" + area + "/comments").json().path("items").get(0).path("body").asText())
                .isEqualTo("My daughter's physio was cancelled twice.");
        Reply own = as(family).get("/v1/areas/" + area + "/comments/" + id);
        assertThat(own.text("body")).isEqualTo("Amelia's physio at Broomfield was cancelled twice.");
        assertThat(own.text("publishedBody")).isEqualTo("My daughter's physio was cancelled twice.");
    }

    @Test
    void publishingTwiceIsHarmlessButDecisionsDoNotFlip() {
        String id = posted("Decide once.");
        assertThat(as(forumLead).post(path(id, "publish"), null).status()).isEqualTo(200);
        assertThat(as(forumLead).post(path(id, "publish"), null).status()).isEqualTo(200);

        assertThat(as(forumLead).post(path(id, "reject"), json("reason", "Changed my mind")).code())
                .isEqualTo("moderation.already_decided");
        assertThat(as(forumLead).post(path(id, "publish"), json("publishedBody", "A different text")).code())
                .isEqualTo("moderation.already_decided");

        String rejected = posted("Rejected once.");
        as(forumLead).post(path(rejected, "reject"), json("reason", "Names a child."));
        assertThat(as(forumLead).post(path(rejected, "reject"), json("reason", "Again")).status()).isEqualTo(200);
        assertThat(as(forumLead).post(path(rejected, "publish"), null).code()).isEqualTo("moderation.already_decided");
    }

    @Test
    void aWithdrawnCommentCannotBePublished() {
        String id = posted("Taken back.");
        as(family).post("/v1/areas/" + area + "/comments/" + id + "/withdraw", null);

        assertThat(as(forumLead).post(path(id, "publish"), null).code()).isEqualTo("moderation.content_withdrawn");
        assertThat(as(forumLead).post(path(id, "reject"), json("reason", "x")).code()).isEqualTo("moderation.content_withdrawn");
    }

    @Test
    void aRejectionNeedsAReasonTheAuthorCanRead() {
        String id = posted("Needs a reason.");

        assertThat(as(forumLead).post(path(id, "reject"), "{}").code()).isEqualTo("moderation.reason_invalid");
        assertThat(as(forumLead).post(path(id, "reject"), json("reason", "   ")).code()).isEqualTo("moderation.reason_invalid");
        assertThat(as(forumLead).post(path(id, "reject"), json("reason", "r".repeat(501))).code()).isEqualTo("moderation.reason_invalid");
        assertThat(as(forumLead).post(path(id, "publish"), json("publishedBody", " ")).code()).isEqualTo("wall.comment_empty");

        Reply rejected = as(forumLead).post(path(id, "reject"), json("reason", "It names a member of staff."));
        assertThat(rejected.text("status")).isEqualTo("rejected");
        assertThat(as(family).get("/v1/areas/" + area + "/me/comments").json().path("items").get(0).path("rejectionReason").asText())
                .isEqualTo("It names a member of staff.");
    }

    @Test
    void familiesCommissionersAndAdminsCannotModerate() {
        String id = posted("Only forum leads decide.");
        for (String role : List.of("family", "young_person", "commissioner", "area_admin")) {
            String uid = fixtures.member(area, role);
            assertThat(as(uid).post(path(id, "publish"), null).code()).isEqualTo("area.role_forbidden");
            assertThat(as(uid).post(path(id, "reject"), json("reason", "no")).code()).isEqualTo("area.role_forbidden");
            assertThat(as(uid).get("/v1/areas/" + area + "/moderation/queue").code()).isEqualTo("area.role_forbidden");
        }
        assertThat(as(family).get("/v1/areas/" + area + "/comments").json().path("items")).isEmpty();
    }

    @Test
    void aForumLeadOfAnotherAreaCannotModerateHere() {
        String id = posted("Ours to decide.");
        String otherArea = fixtures.area();
        String otherLead = fixtures.member(otherArea, "forum_lead");

        assertThat(as(otherLead).post(path(id, "publish"), null).code()).isEqualTo("area.not_member");
        assertThat(as(otherLead).get("/v1/areas/" + area + "/moderation/queue").code()).isEqualTo("area.not_member");
        // Through their own area's path the comment does not exist.
        assertThat(as(otherLead).post("/v1/areas/" + otherArea + "/moderation/comments/" + id + "/publish", null).code())
                .isEqualTo("wall.comment_not_found");
        assertThat(as(otherLead).get("/v1/areas/" + otherArea + "/moderation/queue").json().path("items")).isEmpty();
        assertThat(as(family).get("/v1/areas/" + area + "/comments/" + id).text("status")).isEqualTo("pending_review");
    }

    @Test
    void unknownCommentsAndBadIdsAreClear() {
        assertThat(as(forumLead).post(path(UUID.randomUUID().toString(), "publish"), null).code()).isEqualTo("wall.comment_not_found");
        assertThat(as(forumLead).post(path("nope", "publish"), null).code()).isEqualTo("request.invalid_parameter");
        assertThat(as(forumLead).post(path(posted("x"), "publish"), "{\"publishedBody\": \"y\", \"x\": 1}").code())
                .isEqualTo("request.unknown_field");
    }
}
