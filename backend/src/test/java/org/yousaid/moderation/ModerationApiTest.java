package org.yousaid.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

/** The desk with real PostgreSQL and the real tagger: decisions, redactions, claims and versions. */
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

    Reply act(String uid, String id, String action, String fields) {
        return moderate(uid, area, "comment", id, action, fields);
    }

    String item(String id) {
        return "/v1/areas/" + area + "/moderation/items/comment/" + id;
    }

    @Test
    void theQueueShowsPendingTextsOldestFirstWithRawTextAndVersion() {
        String first = posted("Our son's EHC plan took 38 weeks.");
        String second = posted("The Local Offer website is out of date.");
        String published = posted("Published already.");
        act(forumLead, published, "publish", "");

        Reply page1 = as(forumLead).get("/v1/areas/" + area + "/moderation/queue?limit=1");
        Reply page2 = as(forumLead).get("/v1/areas/" + area + "/moderation/queue?limit=1&cursor=" + page1.text("nextCursor"));

        assertThat(page1.json().path("items").get(0).path("id").asText()).isEqualTo(first);
        assertThat(page1.json().path("items").get(0).path("body").asText()).isEqualTo("Our son's EHC plan took 38 weeks.");
        assertThat(page1.json().path("items").get(0).path("version").asInt()).isEqualTo(1);
        assertThat(page2.json().path("items").get(0).path("id").asText()).isEqualTo(second);
        assertThat(page2.json().path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aForumLeadPublishesAndTheWallShowsExactlyTheModeratedText() {
        String id = posted("Thank you for the sensory room at the hospital.");

        Reply published = act(forumLead, id, "publish", "");

        assertThat(published.status()).isEqualTo(200);
        assertThat(published.text("status")).isEqualTo("published");
        Reply wall = as(family).get("/v1/areas/" + area + "/comments");
        assertThat(wall.json().path("items").get(0).path("body").asText()).isEqualTo(published.text("publishedBody"));
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = 'moderation.publish' and content_id = ?",
                area, id)).isEqualTo(1);
        assertThat(fixtures.text("select detail ->> 'before' || '>' || (detail ->> 'after') from audit_log where area_id = ? "
                + "and action = 'moderation.publish'", area)).isEqualTo("pending_review>published");
    }

    @Test
    void redactionsAreAcceptedEditedOrAddedAndTheDiffIsKept() {
        String text = "My son Jack has waited eleven months for a wheelchair repair in Chelmsford.";
        String id = posted(text);
        JsonNode proposals = as(forumLead).get(item(id)).json().path("analysis").path("tags").path("redactions");
        List<String> proposed = new ArrayList<>();
        proposals.forEach(r -> proposed.add(text.substring(r.path("begin").asInt(), r.path("end").asInt())));
        assertThat(proposed).contains("Jack", "Chelmsford");

        // Keep "Jack" as proposed, widen "Chelmsford" to "in Chelmsford", add "eleven months".
        int jack = text.indexOf("Jack");
        int place = text.indexOf("in Chelmsford");
        int months = text.indexOf("eleven months");
        Reply published = act(forumLead, id, "publish", "\"redactions\":["
                + "{\"begin\":" + jack + ",\"end\":" + (jack + 4) + ",\"kind\":\"person\"},"
                + "{\"begin\":" + place + ",\"end\":" + (place + "in Chelmsford".length()) + ",\"kind\":\"place\"},"
                + "{\"begin\":" + months + ",\"end\":" + (months + "eleven months".length()) + ",\"kind\":\"age\"}]");

        assertThat(published.text("publishedBody"))
                .isEqualTo("My son [person] has waited [age] for a wheelchair repair [place].");
        assertThat(published.json().path("redactions").findValuesAsText("source")).containsExactly("proposed", "added", "edited");
        assertThat(published.text("body")).isEqualTo(text);
        assertThat(as(family).get("/v1/areas/" + area + "/comments").json().path("items").get(0).path("body").asText())
                .isEqualTo("My son [person] has waited [age] for a wheelchair repair [place].");
        Reply own = as(family).get("/v1/areas/" + area + "/comments/" + id);
        assertThat(own.text("body")).isEqualTo(text);
        assertThat(own.text("publishedBody")).isEqualTo(published.text("publishedBody"));
    }

    @Test
    void everyProposalIsTakenOutUnlessTheForumLeadKeepsItByName() {
        String text = "Our daughter Isla waited nine months for a communication aid in Chelmsford.";
        String absent = posted(text);
        String emptyLists = posted(text + " Again.");
        String kept = posted(text + " And again.");

        // What a generated client sends by default (no lists, or empty ones) never publishes a proposal.
        assertThat(act(forumLead, absent, "publish", "").text("publishedBody")).doesNotContain("Isla", "Chelmsford")
                .contains("[person]", "[place]");
        assertThat(act(forumLead, emptyLists, "publish", "\"keepProposed\":[],\"redactions\":[]").text("publishedBody"))
                .doesNotContain("Isla", "Chelmsford");

        // Keeping a proposal is a deliberate choice, by its id; the rest still come out.
        JsonNode proposals = as(forumLead).get(item(kept)).json().path("analysis").path("tags").path("redactions");
        String place = null;
        for (JsonNode p : proposals) {
            if (text.substring(p.path("begin").asInt(), p.path("end").asInt()).equals("Chelmsford")) {
                place = p.path("id").asText();
            }
        }
        assertThat(place).isNotBlank();
        Reply published = act(forumLead, kept, "publish", "\"keepProposed\":[\"" + place + "\"]");
        assertThat(published.text("publishedBody")).contains("Chelmsford").doesNotContain("Isla");
        assertThat(published.json().path("redactions").findValuesAsText("kind")).doesNotContain("place");

        // A name that is not a proposal of the text as it is now is refused, not ignored.
        String other = posted(text + " Once more.");
        assertThat(act(forumLead, other, "publish", "\"keepProposed\":[\"0-1\"]").code()).isEqualTo("moderation.proposal_unknown");
    }

    @Test
    void offsetsAreCodePointsAndNoSpanSplitsAGrapheme() {
        // An emoji outside the BMP (two UTF-16 units, one code point), a family emoji joined by ZWJs,
        // a flag, a letter with a combining accent, and Hebrew (right to left, offsets in logical order).
        String text = "😀 Zox\u0301 waited 👨\u200D👩\u200D👧 🇬🇧 for a hoist; אמא של דניאל said so.";
        String id = posted(text);
        int zoe = text.codePointCount(0, text.indexOf("Zox"));
        int family = text.codePointCount(0, text.indexOf("👨"));
        int hebrew = text.codePointCount(0, text.indexOf("דניאל"));
        // "Zox" alone would leave the accent dangling; a span on the family emoji's second code point
        // would split the sequence; both are widened to whole graphemes.
        Reply published = act(forumLead, id, "publish", "\"keepProposed\":" + allProposalIds(id) + ",\"redactions\":["
                + "{\"begin\":" + zoe + ",\"end\":" + (zoe + 3) + ",\"kind\":\"person\"},"
                + "{\"begin\":" + (family + 1) + ",\"end\":" + (family + 2) + ",\"kind\":\"person\"},"
                + "{\"begin\":" + hebrew + ",\"end\":" + (hebrew + 5) + ",\"kind\":\"person\"}]");
        assertThat(published.text("publishedBody"))
                .isEqualTo("😀 [person] waited [person] 🇬🇧 for a hoist; אמא של [person] said so.");
        JsonNode applied = published.json().path("redactions");
        assertThat(applied.get(0).path("begin").asInt()).isEqualTo(zoe);
        assertThat(applied.get(0).path("end").asInt()).isEqualTo(zoe + 4);
        assertThat(applied.get(1).path("begin").asInt()).isEqualTo(family);
        assertThat(applied.get(1).path("end").asInt()).isEqualTo(family + 5);
        assertThat(published.text("publishedBody").chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
        assertThat(published.text("publishedBody")).doesNotContain("\u0301");
    }

    /** The ids of every proposal tagging made for the item, as a JSON array (to keep them all in). */
    String allProposalIds(String id) {
        List<String> ids = new ArrayList<>();
        as(forumLead).get(item(id)).json().path("analysis").path("tags").path("redactions")
                .forEach(p -> ids.add("\"" + p.path("id").asText() + "\""));
        return ids.toString();
    }

    @Test
    void badRedactionsAndRewordingsAreRefused() {
        String id = posted("Short text.");
        for (String spans : List.of("[{\"begin\":5,\"end\":2,\"kind\":\"person\"}]", "[{\"begin\":0,\"end\":99,\"kind\":\"person\"}]",
                "[{\"begin\":0,\"end\":3,\"kind\":\"shoe_size\"}]",
                "[{\"begin\":0,\"end\":4,\"kind\":\"person\"},{\"begin\":2,\"end\":6,\"kind\":\"place\"}]")) {
            assertThat(act(forumLead, id, "publish", "\"redactions\":" + spans).code()).as(spans).isEqualTo("moderation.redaction_invalid");
        }
        assertThat(act(forumLead, id, "publish", "\"publishedBody\":\" \"").code()).isEqualTo("moderation.text_invalid");
        Reply reworded = act(forumLead, id, "publish", "\"publishedBody\":\"A shorter text.\"");
        assertThat(reworded.text("publishedBody")).isEqualTo("A shorter text.");
    }

    @Test
    void publishingTwiceIsHarmlessButDecisionsDoNotFlip() {
        String id = posted("Decide once.");
        assertThat(act(forumLead, id, "publish", "").status()).isEqualTo(200);
        assertThat(act(forumLead, id, "publish", "").status()).isEqualTo(200);

        assertThat(act(forumLead, id, "reject", "\"reason\":\"Changed my mind\"").code()).isEqualTo("moderation.already_decided");
        assertThat(act(forumLead, id, "publish", "\"publishedBody\":\"A different text\"").code()).isEqualTo("moderation.already_decided");

        String rejected = posted("Rejected once.");
        act(forumLead, rejected, "reject", "\"reason\":\"Names a child.\"");
        assertThat(act(forumLead, rejected, "reject", "\"reason\":\"Again\"").status()).isEqualTo(200);
        assertThat(act(forumLead, rejected, "publish", "").code()).isEqualTo("moderation.already_decided");
    }

    @Test
    void aWithdrawnCommentCannotBePublished() {
        String id = posted("Taken back.");
        as(family).post("/v1/areas/" + area + "/comments/" + id + "/withdraw", null);

        assertThat(act(forumLead, id, "publish", "").code()).isEqualTo("moderation.content_withdrawn");
        assertThat(act(forumLead, id, "reject", "\"reason\":\"x\"").code()).isEqualTo("moderation.content_withdrawn");
        assertThat(as(forumLead).get(item(id)).text("status")).isEqualTo("withdrawn");
        assertThat(as(forumLead).get(item(id)).json().path("body").isNull()).isTrue();
    }

    @Test
    void aRejectionNeedsAReasonTheAuthorCanRead() {
        String id = posted("Needs a reason.");

        assertThat(act(forumLead, id, "reject", "").code()).isEqualTo("moderation.reason_invalid");
        assertThat(act(forumLead, id, "reject", "\"reason\":\"   \"").code()).isEqualTo("moderation.reason_invalid");
        assertThat(act(forumLead, id, "reject", "\"reason\":\"" + "r".repeat(501) + "\"").code()).isEqualTo("moderation.reason_invalid");

        Reply rejected = act(forumLead, id, "reject", "\"reason\":\"It names a member of staff.\"");
        assertThat(rejected.text("status")).isEqualTo("rejected");
        JsonNode own = as(family).get("/v1/areas/" + area + "/me/comments").json().path("items").get(0);
        assertThat(own.path("status").asText()).isEqualTo("rejected");
        assertThat(own.path("reason").asText()).isEqualTo("It names a member of staff.");
    }

    @Test
    void theAuthorIsAskedToChangeTheirCommentAndItIsReviewedAfresh() {
        String id = posted("The head at Oakfield Primary refused to meet us.");
        Reply asked = act(forumLead, id, "request-changes", "\"reason\":\"Please leave out the school's name so we can publish it.\"");
        assertThat(asked.text("status")).isEqualTo("changes_requested");
        JsonNode own = as(family).get("/v1/areas/" + area + "/comments/" + id).json();
        assertThat(own.path("status").asText()).isEqualTo("changes_requested");
        assertThat(own.path("reason").asText()).contains("school's name");
        String other = fixtures.member(area, "family");
        assertThat(as(other).post("/v1/areas/" + area + "/comments/" + id + "/revise", json("body", "x")).code())
                .isEqualTo("wall.comment_not_found");

        Reply revised = as(family).post("/v1/areas/" + area + "/comments/" + id + "/revise",
                json("body", "The head teacher refused to meet us."));
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.text("status")).isEqualTo("pending_review");
        assertThat(as(family).post("/v1/areas/" + area + "/comments/" + id + "/revise", json("body", "Again")).code())
                .isEqualTo("wall.comment_not_revisable");
        assertThat(act(forumLead, id, "publish", "").code()).isEqualTo("moderation.analysis_pending");

        analyseAll();
        Reply published = act(forumLead, id, "publish", "");
        assertThat(published.text("publishedBody")).isEqualTo("The head teacher refused to meet us.");
    }

    @Test
    void aClaimKeepsOtherForumLeadsOffAndStaleVersionsAreRefused() {
        String id = posted("Two leads, one comment.");
        String otherLead = fixtures.member(area, "forum_lead");
        int version = as(forumLead).get(item(id)).json().path("version").asInt();

        Reply claimed = as(forumLead).post(item(id) + "/claim", "{\"version\":" + version + "}");
        assertThat(claimed.text("claimedBy")).isEqualTo(forumLead);
        int claimedVersion = claimed.json().path("version").asInt();
        assertThat(claimedVersion).isEqualTo(version + 1);

        Reply refused = as(otherLead).post(item(id) + "/publish", "{\"version\":" + claimedVersion + "}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("moderation.claimed");
        assertThat(as(otherLead).post(item(id) + "/claim", "{\"version\":" + claimedVersion + "}").code()).isEqualTo("moderation.claimed");
        Reply stale = as(forumLead).post(item(id) + "/publish", "{\"version\":" + version + "}");
        assertThat(stale.code()).isEqualTo("moderation.version_conflict");
        assertThat(as(forumLead).post(item(id) + "/publish", "{}").code()).isEqualTo("moderation.version_required");

        Reply released = as(forumLead).post(item(id) + "/release", "{\"version\":" + claimedVersion + "}");
        assertThat(released.json().path("claimedBy").isNull()).isTrue();
        assertThat(as(otherLead).post(item(id) + "/publish", "{\"version\":" + released.json().path("version").asInt() + "}")
                .text("status")).isEqualTo("published");
        // A claim that ran out holds nobody back.
        String next = posted("Claimed and forgotten.");
        as(forumLead).post(item(next) + "/claim", "{\"version\":1}");
        fixtures.execute("update moderation_items set claimed_until = now() - interval '1 second' where area_id = ? and content_id = ?::uuid",
                area, next);
        assertThat(moderate(otherLead, area, "comment", next, "publish", "").text("status")).isEqualTo("published");
    }

    @Test
    void aForumLeadDemotedWhileHoldingAClaimHoldsNobodyBack() {
        String id = posted("Claimed, then the role went.");
        String otherLead = fixtures.member(area, "forum_lead");
        String admin = fixtures.member(area, "area_admin");
        Reply claimed = as(forumLead).post(item(id) + "/claim", "{\"version\":1}");
        assertThat(claimed.text("claimedBy")).isEqualTo(forumLead);
        assertThat(moderate(otherLead, area, "comment", id, "publish", "").code()).isEqualTo("moderation.claimed");

        assertThat(as(admin).put("/v1/areas/" + area + "/members/" + forumLead, json("role", "commissioner")).status())
                .isEqualTo(200);

        assertThat(as(otherLead).get(item(id)).json().path("claimedBy").isNull()).isTrue();
        assertThat(moderate(otherLead, area, "comment", id, "publish", "").text("status")).isEqualTo("published");
    }

    @Test
    void aRoleGrantedAgainEndsNoClaim() {
        String id = posted("Still a forum lead.");
        String admin = fixtures.member(area, "area_admin");
        as(forumLead).post(item(id) + "/claim", "{\"version\":1}");

        assertThat(as(admin).put("/v1/areas/" + area + "/members/" + forumLead, json("role", "forum_lead")).status())
                .isEqualTo(200);

        assertThat(as(forumLead).get(item(id)).text("claimedBy")).isEqualTo(forumLead);
    }

    @Test
    void concurrentDecisionsOnOneItemLetExactlyOneThrough() throws Exception {
        String id = posted("Everyone wants to decide this one.");
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            leads.add(fixtures.member(area, "forum_lead"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < leads.size(); i++) {
                String lead = leads.get(i);
                String body = i % 2 == 0 ? "{\"version\":1}" : "{\"version\":1,\"reason\":\"Not today\"}";
                String action = i % 2 == 0 ? "/publish" : "/reject";
                replies.add(pool.submit((Callable<Reply>) () -> as(lead).post(item(id) + action, body)));
            }
            int ok = 0;
            for (Future<Reply> reply : replies) {
                Reply r = reply.get();
                if (r.status() == 200) {
                    ok++;
                } else {
                    assertThat(r.code()).isIn("moderation.version_conflict", "request.retry");
                }
            }
            assertThat(ok).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and content_id = ? and action like 'moderation.%'",
                area, id)).isEqualTo(1);
    }

    @Test
    void familiesCommissionersAndAdminsCannotModerate() {
        String id = posted("Only forum leads decide.");
        for (String role : List.of("family", "young_person", "commissioner", "area_admin")) {
            String uid = fixtures.member(area, role);
            for (String action : List.of("publish", "reject", "request-changes", "claim", "release", "retag")) {
                String body = action.equals("retag") ? null
                        : action.contains("reject") || action.contains("changes") ? "{\"version\":1,\"reason\":\"no\"}" : "{\"version\":1}";
                assertThat(as(uid).post(item(id) + "/" + action, body).code()).as(role + " " + action)
                        .isEqualTo("area.role_forbidden");
            }
            assertThat(as(uid).get(item(id)).code()).isEqualTo("area.role_forbidden");
            assertThat(as(uid).get("/v1/areas/" + area + "/moderation/queue").code()).isEqualTo("area.role_forbidden");
            assertThat(as(uid).get("/v1/areas/" + area + "/moderation/queue/counts").code()).isEqualTo("area.role_forbidden");
        }
        assertThat(as(family).get("/v1/areas/" + area + "/comments").json().path("items")).isEmpty();
    }

    @Test
    void aForumLeadOfAnotherAreaCannotModerateHere() {
        String id = posted("Ours to decide.");
        String otherArea = fixtures.area();
        String otherLead = fixtures.member(otherArea, "forum_lead");

        assertThat(as(otherLead).post(item(id) + "/publish", "{\"version\":1}").code()).isEqualTo("area.not_member");
        assertThat(as(otherLead).get(item(id)).code()).isEqualTo("area.not_member");
        assertThat(as(otherLead).get("/v1/areas/" + area + "/moderation/queue").code()).isEqualTo("area.not_member");
        // Through their own area's path the item does not exist.
        assertThat(as(otherLead).post("/v1/areas/" + otherArea + "/moderation/items/comment/" + id + "/publish", "{\"version\":1}")
                .code()).isEqualTo("moderation.item_not_found");
        assertThat(as(otherLead).get("/v1/areas/" + otherArea + "/moderation/queue").json().path("items")).isEmpty();
        assertThat(as(family).get("/v1/areas/" + area + "/comments/" + id).text("status")).isEqualTo("pending_review");
    }

    @Test
    void unknownItemsAndBadIdsAreClear() {
        assertThat(as(forumLead).post("/v1/areas/" + area + "/moderation/items/comment/" + UUID.randomUUID() + "/publish",
                "{\"version\":1}").code()).isEqualTo("moderation.item_not_found");
        assertThat(as(forumLead).post("/v1/areas/" + area + "/moderation/items/comment/nope/publish", "{\"version\":1}").code())
                .isEqualTo("request.invalid_parameter");
        assertThat(as(forumLead).post("/v1/areas/" + area + "/moderation/items/poster/" + UUID.randomUUID() + "/publish",
                "{\"version\":1}").status()).isEqualTo(404);
        assertThat(act(forumLead, posted("x"), "publish", "\"publishedBody\": \"y\", \"x\": 1").code()).isEqualTo("request.unknown_field");
    }

    static List<String> top(Reply page, String field) {
        List<String> values = new ArrayList<>();
        page.json().path("items").forEach(i -> values.add(i.path(field).asText()));
        return values;
    }

    String answeredSurvey(String words) {
        return answeredSurvey(words, true);
    }

    /** A family's answer set with {@code words} as its free text; {@code quoteConsent} its answer to the quoting question. */
    String answeredSurvey(String words, boolean quoteConsent) {
        String commissioner = fixtures.member(area, "commissioner");
        String definition = """
                {"title": "Short breaks", "kind": "other", "questions": [
                  {"id": "rating", "type": "likert", "text": "Short breaks meet our needs."},
                  {"id": "more", "type": "free_text", "text": "Tell us more"}]}""";
        String surveyId = as(commissioner).post("/v1/areas/" + area + "/surveys", "{\"definition\":" + definition + "}").text("id");
        as(commissioner).post("/v1/areas/" + area + "/surveys/" + surveyId + "/publish", null);
        String answerId = UUID.randomUUID().toString();
        Reply answered = as(family).put("/v1/areas/" + area + "/surveys/" + surveyId + "/answers/" + answerId,
                "{\"version\":1,\"submit\":true,\"quoteConsent\":" + quoteConsent + ",\"answers\":{\"rating\":2,\"more\":"
                        + quote(words) + "}}");
        assertThat(answered.status()).isEqualTo(201);
        return answerId;
    }

    @Test
    void theQueueHoldsCommentsAndSurveyAnswersWithFiltersAndCounts() {
        String comment = posted("Speech therapy has been cancelled again and nobody rings us back.");
        String praise = posted("Thank you to the wheelchair service, they were brilliant and quick.");
        String answer = answeredSurvey("We have waited fourteen months for a wheelchair and nobody rings us back.");
        // An answer set with no free text is not family text to review.
        analyseAll();

        Reply all = as(forumLead).get("/v1/areas/" + area + "/moderation/queue");
        assertThat(top(all, "contentType")).containsExactly("comment", "comment", "survey_answer");
        JsonNode answerItem = all.json().path("items").get(2);
        assertThat(answerItem.path("id").asText()).isEqualTo(answer);
        assertThat(answerItem.path("body").asText()).startsWith("We have waited fourteen months");
        assertThat(answerItem.path("analysis").path("tags").path("themes").findValuesAsText("theme")).contains("wheelchairs");

        assertThat(top(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?source=survey_answer"), "id")).containsExactly(answer);
        assertThat(top(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?theme=wheelchairs"), "id")).contains(answer).doesNotContain(comment);
        assertThat(top(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?flagged=false&source=comment"), "id")).containsExactly(comment, praise);
        int praiseSentiment = as(forumLead).get(item(praise)).json().path("analysis").path("tags").path("sentiment").asInt();
        assertThat(top(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?sentiment=" + praiseSentiment), "id")).contains(praise);
        assertThat(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?sentiment=9").code()).isEqualTo("request.invalid");
        assertThat(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?source=poster").code()).isEqualTo("request.invalid");
        // A cursor belongs to its filters.
        String next = as(forumLead).get("/v1/areas/" + area + "/moderation/queue?limit=1").text("nextCursor");
        assertThat(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?limit=1&source=comment&cursor=" + next).code())
                .isEqualTo("request.invalid_parameter");

        JsonNode counts = as(forumLead).get("/v1/areas/" + area + "/moderation/queue/counts").json();
        assertThat(counts.path("total").path("all").asInt()).isEqualTo(3);
        assertThat(counts.path("source").path("comment").asInt()).isEqualTo(2);
        assertThat(counts.path("source").path("survey_answer").asInt()).isEqualTo(1);
        assertThat(counts.path("theme").path("wheelchairs").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(counts.path("flagged").path("false").asInt()).isEqualTo(3);
    }

    @Test
    void publishingASurveyAnswerApprovesItForQuotingAndShowsItToNoOne() {
        String answer = answeredSurvey("Our son Jack waited a year for his EHC plan and the school never told us why.");
        analyseAll();

        Reply approved = moderate(forumLead, area, "survey_answer", answer, "publish", "");

        assertThat(approved.text("status")).isEqualTo("published");
        assertThat(approved.json().path("quotable").asBoolean()).isTrue();
        assertThat(approved.text("publishedBody")).contains("[person]").doesNotContain("Jack");
        assertThat(as(family).get("/v1/areas/" + area + "/comments").json().path("items")).isEmpty();
        String otherFamily = fixtures.member(area, "family");
        assertThat(as(otherFamily).get("/v1/areas/" + area + "/moderation/items/survey_answer/" + answer).code())
                .isEqualTo("area.role_forbidden");
        assertThat(as(forumLead).get("/v1/areas/" + area + "/moderation/queue").json().path("items")).isEmpty();
    }

    /** Issue 24, defect 4: an answer whose family did not agree to be quoted is reviewed, never approved for quoting. */
    @Test
    void aSurveyAnswerIsApprovedForQuotingOnlyWithItsFamilysConsent() {
        String answer = answeredSurvey("We waited fourteen months for a wheelchair and nobody rang us back.", false);
        String comment = posted("The wheelchair service never rings back.");
        analyseAll();
        // The desk says so before anyone tries: a comment is written for the wall; this answer is not to be quoted.
        assertThat(as(forumLead).get(item(comment)).json().path("quotable").asBoolean(false)).isTrue();
        assertThat(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?source=survey_answer").json().path("items").get(0)
                .path("quotable").asBoolean(true)).isFalse();

        Reply proposals = moderate(forumLead, area, "survey_answer", answer, "publish", "");
        Reply reworded = moderate(forumLead, area, "survey_answer", answer, "publish",
                "\"publishedBody\":\"A family waited fourteen months for a wheelchair.\"");

        assertThat(proposals.status()).isEqualTo(409);
        assertThat(proposals.code()).isEqualTo("moderation.no_quote_consent");
        assertThat(reworded.code()).isEqualTo("moderation.no_quote_consent");
        JsonNode item = as(forumLead).get("/v1/areas/" + area + "/moderation/items/survey_answer/" + answer).json();
        assertThat(item.path("status").asText()).isEqualTo("pending_review");
        assertThat(item.path("publishedBody").isNull() || item.path("publishedBody").isMissingNode()).isTrue();
        assertThat(fixtures.count("select count(*) from moderation_items where area_id = ? and content_id = ?::uuid and state = 'published'",
                area, answer)).isZero();
        // The forum lead can still decide on it another way; the family's words count without being quoted.
        assertThat(moderate(forumLead, area, "survey_answer", answer, "reject",
                "\"reason\":\"Thank you: we count what you told us but do not quote it.\"").status()).isEqualTo(200);
    }

    /** A survey answer read but not to be quoted leaves the queue as "read", and still counts; a comment cannot. */
    @Test
    void aSurveyAnswerCanBeReadNotForQuotingAndLeavesTheQueue() {
        String answer = answeredSurvey("Nobody explained the EHC plan to us and the meetings were always in school hours.", false);
        String comment = posted("The school meetings are always in working hours.");
        analyseAll();
        String path = "/v1/areas/" + area + "/moderation/items/survey_answer/" + answer + "/mark-read";

        assertThat(as(family).post(path, "{\"version\":1}").code()).isEqualTo("area.role_forbidden");
        String elsewhere = fixtures.member(fixtures.area(), "forum_lead");
        assertThat(as(elsewhere).post(path, "{\"version\":1}").code()).isEqualTo("area.not_member");
        assertThat(moderate(forumLead, area, "comment", comment, "mark-read", "").code())
                .isEqualTo("moderation.comment_must_be_decided");

        Reply read = moderate(forumLead, area, "survey_answer", answer, "mark-read", "");
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.text("status")).isEqualTo("read");
        assertThat(read.json().path("publishedBody").isNull() || read.json().path("publishedBody").isMissingNode()).isTrue();
        assertThat(moderate(forumLead, area, "survey_answer", answer, "mark-read", "").text("status")).isEqualTo("read");
        assertThat(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?source=survey_answer").json().path("items")).isEmpty();
        assertThat(moderate(forumLead, area, "survey_answer", answer, "publish", "").code()).isIn("moderation.no_quote_consent",
                "moderation.already_decided");
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = 'moderation.read'", area)).isEqualTo(1);
        // Nobody reviewed it for ever: retention never expires what a forum lead has read.
        assertThat(fixtures.count("select count(*) from moderation_items where area_id = ? and state = 'read'", area)).isEqualTo(1);
    }

    @Test
    void aForumLeadCanRetagAnItem() {
        String id = posted("The transport to school was late every day this week.");
        Reply retagged = as(forumLead).post(item(id) + "/retag", null);
        assertThat(retagged.status()).isEqualTo(200);
        assertThat(as(forumLead).get(item(id)).json().path("analysis").path("state").asText()).isEqualTo("queued");
        analyseAll();
        assertThat(as(forumLead).get(item(id)).json().path("analysis").path("state").asText()).isEqualTo("done");
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = 'moderation.retag'", area)).isEqualTo(1);
    }

    Reply themes(String id, String themes) {
        int version = as(forumLead).get(item(id)).json().path("version").asInt();
        return as(forumLead).put(item(id) + "/themes", "{\"version\":" + version + ",\"themes\":" + themes + "}");
    }

    @Test
    void aForumLeadCorrectsTheThemesAndTheCorrectionIsKeptAsALabelledExample() {
        String id = posted("The taxi to school did not turn up and my son missed his exams.");
        List<String> model = new ArrayList<>();
        as(forumLead).get(item(id)).json().path("themes").forEach(t -> model.add(t.asText()));

        Reply corrected = themes(id, "[\"transport\",\"school_placement\"]");

        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        List<String> themes = new ArrayList<>();
        corrected.json().path("themes").forEach(t -> themes.add(t.asText()));
        assertThat(themes).containsExactly("transport", "school_placement");
        assertThat(top(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?theme=school_placement"), "id")).contains(id);
        assertThat(fixtures.text("select array_to_string(corrected_themes, ',') || '|' || array_to_string(model_themes, ',') "
                + "from theme_corrections where area_id = ? and content_id = ?::uuid", area, id))
                .isEqualTo("transport,school_placement|" + String.join(",", model));
        // A re-tag does not undo a person's correction in the queue.
        as(forumLead).post(item(id) + "/retag", null);
        analyseAll();
        assertThat(top(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?theme=school_placement"), "id")).contains(id);

        assertThat(themes(id, "[\"no_such_theme\"]").code()).isEqualTo("moderation.themes_invalid");
        // maxItems counts what was sent: eleven themes are refused even when they repeat one.
        assertThat(themes(id, "[" + String.join(",", java.util.Collections.nCopies(11, "\"transport\"")) + "]").code())
                .isEqualTo("moderation.themes_invalid");
        assertThat(as(forumLead).put(item(id) + "/themes", "{\"version\":1,\"themes\":[\"transport\"]}").code())
                .isEqualTo("moderation.version_conflict");
        assertThat(as(family).put(item(id) + "/themes", "{\"version\":1,\"themes\":[\"transport\"]}").code())
                .isEqualTo("area.role_forbidden");
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = 'moderation.correct_themes'", area))
                .isEqualTo(1);
    }

    @Test
    void textsThatSayTheSameThingAreGroupedWithinATheme() {
        List<String> same = new ArrayList<>();
        for (String text : List.of("We have waited eleven months for a wheelchair repair.",
                "We waited eleven months to get the wheelchair repaired.",
                "Eleven months waiting for the wheelchair service to repair his chair.")) {
            same.add(posted(text));
        }
        String different = posted("Thank you to the wheelchair service, the new chair came quickly and fits him well.");
        JsonNode groups = as(forumLead).get("/v1/areas/" + area + "/moderation/groups?theme=wheelchairs").json();

        assertThat(groups.path("texts").asInt()).isEqualTo(4);
        JsonNode largest = groups.path("items").get(0);
        List<String> members = new ArrayList<>();
        largest.path("members").forEach(m -> members.add(m.path("id").asText()));
        assertThat(largest.path("size").asInt()).as(groups.toString()).isEqualTo(3);
        assertThat(members).containsExactlyInAnyOrderElementsOf(same);
        assertThat(same).contains(largest.path("representative").path("id").asText());
        assertThat(members).doesNotContain(different);
        assertThat(fixtures.count("select count(*) from content_embeddings where area_id = ?", area)).isEqualTo(4);
        assertThat(largest.path("meToo").asInt()).isZero();
        assertThat(largest.path("families").asInt()).as("one family wrote all three").isEqualTo(1);

        // "Me too"s count per text and per group, and the group more families stand behind comes first.
        publishComment(forumLead, area, same.get(0), null);
        publishComment(forumLead, area, different, null);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(fixtures.member(area, "family"));
        }
        assertThat(as(others.get(0)).put("/v1/areas/" + area + "/comments/" + same.get(0) + "/me-too", null).status()).isEqualTo(200);
        as(others.get(0)).put("/v1/areas/" + area + "/comments/" + different + "/me-too", null);
        JsonNode tied = as(forumLead).get("/v1/areas/" + area + "/moderation/groups?theme=wheelchairs").json();
        assertThat(tied.path("items").get(0).path("families").asInt()).as(tied.toString()).isEqualTo(2);
        assertThat(tied.path("items").get(0).path("meToo").asInt()).isEqualTo(1);
        assertThat(tied.path("items").get(0).path("size").asInt()).as("among equals, the group more wrote").isEqualTo(3);
        tied.path("items").get(0).path("members").forEach(m ->
                assertThat(m.path("meToo").asInt()).isEqualTo(m.path("id").asText().equals(same.get(0)) ? 1 : 0));
        for (String other : others.subList(1, 4)) {
            as(other).put("/v1/areas/" + area + "/comments/" + different + "/me-too", null);
        }
        JsonNode ahead = as(forumLead).get("/v1/areas/" + area + "/moderation/groups?theme=wheelchairs").json();
        assertThat(ahead.path("items").get(0).path("representative").path("id").asText()).isEqualTo(different);
        assertThat(ahead.path("items").get(0).path("meToo").asInt()).isEqualTo(4);
        assertThat(ahead.path("items").get(0).path("families").asInt()).isEqualTo(5);

        // Withdrawn words leave no embedding behind.
        as(family).post("/v1/areas/" + area + "/comments/" + different + "/withdraw", null);
        assertThat(fixtures.count("select count(*) from content_embeddings where area_id = ?", area)).isEqualTo(3);
        assertThat(as(family).get("/v1/areas/" + area + "/moderation/groups?theme=wheelchairs").code()).isEqualTo("area.role_forbidden");
        assertThat(as(forumLead).get("/v1/areas/" + area + "/moderation/groups").code()).isEqualTo("request.missing_parameter");
    }

    @Test
    void aGroupCountsTheDistinctPeopleBehindItNotTextsPlusMeToos() {
        List<String> authors = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String text : List.of("We have waited eleven months for a wheelchair repair.",
                "We waited eleven months to get the wheelchair repaired.",
                "Eleven months waiting for the wheelchair service to repair his chair.")) {
            String author = fixtures.member(area, "family");
            authors.add(author);
            texts.add(as(author).header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/v1/areas/" + area + "/comments", json("body", text)).text("id"));
        }
        analyseAll();
        texts.forEach(id -> assertThat(publishComment(forumLead, area, id, null).status()).isEqualTo(200));
        // Each author seconds the next one's text: three "me too"s, no one new.
        for (int i = 0; i < 3; i++) {
            assertThat(as(authors.get(i)).put("/v1/areas/" + area + "/comments/" + texts.get((i + 1) % 3) + "/me-too", null)
                    .status()).isEqualTo(200);
        }

        JsonNode group = as(forumLead).get("/v1/areas/" + area + "/moderation/groups?theme=wheelchairs").json().path("items").get(0);
        assertThat(group.path("size").asInt()).as(group.toString()).isEqualTo(3);
        assertThat(group.path("meToo").asInt()).isEqualTo(3);
        assertThat(group.path("families").asInt()).as("three people, not three texts and three me-toos").isEqualTo(3);

        as(fixtures.member(area, "family")).put("/v1/areas/" + area + "/comments/" + texts.get(0) + "/me-too", null);
        group = as(forumLead).get("/v1/areas/" + area + "/moderation/groups?theme=wheelchairs").json().path("items").get(0);
        assertThat(group.path("families").asInt()).isEqualTo(4);
    }
}
