package org.yousaid.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

/**
 * End to end with the server's own worker threads and the real models: a family posts, the
 * comment is tagged in the background, the forum lead sees the analysis and publishes.
 */
@MicronautTest(transactional = false)
@Property(name = "yousaid.tagging.workers", value = "2")
@Property(name = "yousaid.tagging.poll-interval", value = "100ms")
class TaggingEndToEndTest extends ApiTest {

    @Test
    void aPostedCommentIsTaggedInTheBackgroundAndReviewedWithItsAnalysis() throws Exception {
        String area = fixtures.area();
        String family = fixtures.member(area, "family");
        String forumLead = fixtures.member(area, "forum_lead");
        String text = "Our daughter Isla waited nine months for a communication aid. Nobody replies to our emails.";

        Reply posted = as(family).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", json("body", text));
        assertThat(posted.status()).isEqualTo(201);
        String id = posted.text("id");

        Reply analysis = awaitTagged(forumLead, area, id, Duration.ofSeconds(90));
        JsonNode tags = analysis.json().path("tags");
        assertThat(TaggingApiTest.themes(tags)).contains("equipment_communication_aids");
        assertThat(tags.path("redactions").get(0).path("kind").asText()).isEqualTo("person");
        assertThat(text.substring(tags.path("redactions").get(0).path("begin").asInt(),
                tags.path("redactions").get(0).path("end").asInt())).isEqualTo("Isla");

        Reply published = publishComment(forumLead, area, id, "");
        assertThat(published.status()).isEqualTo(200);
        assertThat(as(family).get("/v1/areas/" + area + "/comments").json().path("items").get(0).path("body").asText())
                .isEqualTo("Our daughter [person] waited nine months for a communication aid. Nobody replies to our emails.");
    }

    private Reply awaitTagged(String uid, String area, String id, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Reply reply;
        do {
            reply = as(uid).get("/v1/areas/" + area + "/moderation/comments/" + id + "/analysis");
            if ("done".equals(reply.text("state"))) {
                return reply;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("not tagged within " + timeout + ": " + reply);
    }
}
