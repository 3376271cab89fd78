package org.yousaid.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.notify.OutboxSender;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

/**
 * The retention sweep, run at chosen instants (the clock moved on by days): the words of rejected
 * texts go after 90 days, texts nobody reviewed expire after 180, finished push records go after
 * 90 and unanswered invitations 30 days after they expired; published words stay.
 */
@MicronautTest(transactional = false)
class RetentionTest extends ApiTest {

    @Inject
    Retention retention;

    @Inject
    OutboxSender sender;

    String area;
    String family;
    String lead;
    String rejected;
    String unreviewed;
    String published;
    String answer;
    Instant start;

    @BeforeEach
    void aFamilySpeaks() {
        start = Instant.now();
        area = fixtures.area();
        family = fixtures.member(area, "family");
        lead = fixtures.member(area, "forum_lead");
        String commissioner = fixtures.member(area, "commissioner");
        Reply device = as(family).post(path("/me/devices"), "{\"token\":\"fcm-" + UUID.randomUUID() + "\",\"platform\":\"ios\"}");
        assertThat(device.status()).isEqualTo(200);
        rejected = postComment(family, area, "The school named in this post is awful and I want everyone to know who the teacher is.");
        unreviewed = postComment(family, area, "We are still waiting for the sensory assessment after eleven months.");
        published = postComment(family, area, "The new equipment clinic fitted our daughter's chair in one visit.");
        String survey = as(commissioner).post(path("/surveys"), """
                {"definition":{"title":"Equipment","questions":[
                  {"id":"waited","type":"single_choice","text":"How long did you wait?","options":[{"id":"long","label":"Over 18 weeks"},{"id":"short","label":"Under 18 weeks"}]},
                  {"id":"words","type":"free_text","text":"Tell us"}]}}""").text("id");
        as(commissioner).post(path("/surveys/" + survey + "/publish"), null);
        assertThat(as(commissioner).post(path("/surveys/" + survey + "/invitations"), "{\"allFamilies\":true,\"expiresInDays\":14}")
                .status()).isEqualTo(200);
        for (int i = 0; i < 100 && sender.runOnce() != OutboxSender.Step.IDLE; i++) {
            // deliver the invitation push
        }
        answer = UUID.randomUUID().toString();
        assertThat(as(family).put(path("/surveys/" + survey + "/answers/" + answer), """
                {"version":1,"submit":true,"answers":{"waited":"long","words":"Nobody rang us back about the hoist."}}""")
                .status()).isEqualTo(201);
        analyseAll();
        assertThat(moderate(lead, area, "comment", rejected, "reject", "\"reason\":\"It names a member of staff.\"").status())
                .isEqualTo(200);
        assertThat(publishComment(lead, area, published, null).status()).isEqualTo(200);
        // A second invitation, never answered, to see it go after it expired.
        String other = fixtures.member(area, "family");
        assertThat(as(commissioner).post(path("/surveys/" + survey + "/invitations"), "{\"uids\":[\"" + other + "\"],\"expiresInDays\":14}")
                .status()).isEqualTo(200);
    }

    @Test
    void wordsGoWhenTheirPeriodEndsAndPublishedWordsStay() {
        assertThat(fixtures.count("select count(*) from notification_outbox where area_id = ? and state = 'sent'", area)).isPositive();

        // A month on: nothing is due yet but pushes and invitations? No: every period is longer.
        Retention.Swept early = retention.runOnce(start.plus(Duration.ofDays(30)));
        assertThat(body(rejected)).isNotNull();
        assertThat(early.rejectedWords()).isZero();

        // 100 days on: the rejected words, the finished pushes and the expired invitation go.
        Retention.Swept day100 = retention.runOnce(start.plus(Duration.ofDays(100)));
        assertThat(day100.rejectedWords()).isGreaterThanOrEqualTo(1);
        assertThat(body(rejected)).isNull();
        assertThat(fixtures.text("select state || ':' || reason from moderation_items where content_id = ?::uuid", rejected))
                .isEqualTo("rejected:It names a member of staff.");
        assertThat(body(unreviewed)).isNotNull();
        assertThat(fixtures.count("select count(*) from notification_outbox where area_id = ?", area)).isZero();
        assertThat(fixtures.count("select count(*) from invitations where area_id = ? and answered_at is null", area)).isZero();
        assertThat(fixtures.count("select count(*) from invitations where area_id = ? and answered_at is not null", area)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from content_tags where content_id = ?::uuid", rejected)).isZero();

        // 200 days on: what nobody reviewed expires, its words and tags with it; the published comment stays.
        Retention.Swept day200 = retention.runOnce(start.plus(Duration.ofDays(200)));
        assertThat(day200.unreviewedWords()).isGreaterThanOrEqualTo(2);
        assertThat(body(unreviewed)).isNull();
        assertThat(fixtures.text("select state from moderation_items where content_id = ?::uuid", unreviewed)).isEqualTo("expired");
        assertThat(fixtures.text("select answers::text from survey_answers where id = ?::uuid", answer))
                .contains("waited").doesNotContain("hoist");
        assertThat(fixtures.text("select published_body from comments where id = ?::uuid", published)).contains("one visit");
        assertThat(fixtures.count("select count(*) from content_tags where content_id in (?::uuid, ?::uuid)", unreviewed, answer)).isZero();

        // The family sees what happened: the reason they were given stays, the expired text says so.
        JsonNode mine = as(family).get(path("/me/comments")).json().path("items");
        assertThat(statusOf(mine, unreviewed)).isEqualTo("expired");
        assertThat(statusOf(mine, rejected)).isEqualTo("rejected");
        // The desk refuses to publish what expired, with a stable code.
        assertThat(moderate(lead, area, "comment", unreviewed, "publish", null).code()).isEqualTo("moderation.content_erased");

        // A second sweep at the same instant finds nothing more.
        Retention.Swept again = retention.runOnce(start.plus(Duration.ofDays(200)));
        assertThat(fixtures.count("select count(*) from moderation_items where area_id = ? and words_gone_at is null and state <> 'published'",
                area)).isZero();
        assertThat(again.pushRecords()).isZero();
    }

    String body(String commentId) {
        return fixtures.text("select body from comments where id = ?::uuid", commentId);
    }

    static String statusOf(JsonNode items, String id) {
        for (JsonNode c : items) {
            if (c.path("id").asText().equals(id)) {
                return c.path("status").asText();
            }
        }
        throw new AssertionError("no comment " + id);
    }

    String path(String suffix) {
        return "/v1/areas/" + area + suffix;
    }
}
