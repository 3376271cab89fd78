package org.yousaid.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.notify.OutboxSender;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Words;

/**
 * "You said, we did" on real PostgreSQL, CoreNLP and the Firebase SDK: drafting, the forum's review,
 * publishing, telling each family once per event (FCM failure and retry, muting), action milestones,
 * what a family sees on its own words, the feed, suppression and the denials.
 */
@MicronautTest(transactional = false)
class ResponseApiTest extends ApiTest {

    static final String[] WAITS = Words.EQUIPMENT_WAITS;

    @Inject
    OutboxSender sender;

    String area;
    String forumLead;
    String commissioner;
    String otherCommissioner;
    List<String> families = new ArrayList<>();
    List<String> comments = new ArrayList<>();

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        forumLead = fixtures.member(area, "forum_lead");
        commissioner = fixtures.member(area, "commissioner");
        otherCommissioner = fixtures.member(fixtures.area(), "commissioner");
        families.clear();
        comments.clear();
    }

    String path(String suffix) {
        return "/v1/areas/" + area + suffix;
    }

    /** {@code n} families each write one of the waits, and the forum lead publishes them. */
    void familiesSpeak(int n) {
        for (int i = 0; i < n; i++) {
            String family = fixtures.member(area, i == 3 ? "young_person" : "family");
            families.add(family);
            comments.add(postComment(family, area, WAITS[i]));
        }
        analyseAll();
        for (String id : comments) {
            Reply published = publishComment(forumLead, area, id, null);
            assertThat(published.status()).as(published.toString()).isEqualTo(200);
        }
    }

    String themeOf(String commentId) {
        return fixtures.text("select themes[1] from moderation_items where area_id = ? and content_id = ?::uuid", area, commentId);
    }

    String draft(String theme, List<String> cited, List<String> group, String outcomeId, String indicatorId) {
        return draft(theme, cited, group, outcomeId, indicatorId, List.of());
    }

    String draft(String theme, List<String> cited, List<String> group, String outcomeId, String indicatorId, List<String> answers) {
        String groupJson = group.isEmpty() ? "" : ",\"groups\":[{\"members\":[" + String.join(",", group.stream()
                .map(id -> "{\"contentType\":\"comment\",\"contentId\":\"" + id + "\"}").toList()) + "]}]";
        Reply created = as(commissioner).post(path("/responses"), """
                {"title":"Equipment without the long wait","summary":"Families told us they wait months for wheelchairs, seats and hoists.",
                 "weDid":"We have added a second wheelchair clinic and we now order equipment the week it is prescribed.",
                 "themes":["%s"],"from":"%s","to":"%s","comments":[%s],"answers":[%s]%s%s}""".formatted(theme,
                LocalDate.now().minusDays(30), LocalDate.now(), String.join(",", cited.stream().map(id -> "\"" + id + "\"").toList()),
                String.join(",", answers.stream().map(id -> "\"" + id + "\"").toList()),
                groupJson, outcomeId == null ? "" : ",\"outcomes\":[\"" + outcomeId + "\"],\"indicators\":[\"" + indicatorId + "\"]"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    int version(String responseId) {
        return as(commissioner).get(path("/responses/" + responseId)).json().path("version").asInt();
    }

    Reply step(String uid, String responseId, String step, String comment) {
        return as(uid).post(path("/responses/" + responseId + "/" + step), "{\"version\":" + version(responseId)
                + (comment == null ? "" : ",\"comment\":" + quote(comment)) + "}");
    }

    Reply publishThroughTheForum(String responseId) {
        assertThat(step(commissioner, responseId, "submit", null).status()).isEqualTo(200);
        assertThat(step(forumLead, responseId, "sign-off", "Agreed at the forum meeting").status()).isEqualTo(200);
        return step(commissioner, responseId, "publish", null);
    }

    String action(String responseId, String text) {
        Reply added = as(commissioner).post(path("/responses/" + responseId + "/actions"), """
                {"text":%s,"owner":"nhs","startsOn":"%s","dueOn":"%s"}""".formatted(quote(text), LocalDate.now(),
                LocalDate.now().plusMonths(3)));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().path("id").asText();
    }

    long pushesFor(String uid, String event) {
        return fixtures.count("select count(*) from notification_outbox where area_id = ? and uid = ? and data->>'event' = ?",
                area, uid, event);
    }

    void drain() {
        for (int i = 0; i < 1000 && sender.runOnce() != OutboxSender.Step.IDLE; i++) {
            // keep sending
        }
    }

    String device(String uid) {
        String token = "fcm-" + UUID.randomUUID();
        Reply registered = as(uid).post(path("/me/devices"), "{\"token\":\"" + token + "\",\"platform\":\"android\"}");
        assertThat(registered.status()).isEqualTo(200);
        return token;
    }

    @Test
    void aResponseGoesThroughTheForumToEveryFamilyThatSpokeOnceEach() {
        familiesSpeak(7);
        // The seventh family's words are not cited: they are reached through the theme.
        String theme = themeOf(comments.get(6));
        assertThat(theme).isNotNull();
        String meToo = fixtures.member(area, "family");
        assertThat(as(meToo).put(path("/comments/" + comments.get(0) + "/me-too"), "").status()).isEqualTo(200);
        String outcomeId = as(commissioner).post(path("/outcomes"), "{\"title\":\"Children get the equipment they need in time\"}")
                .text("id");
        String indicatorId = as(commissioner).post(path("/outcomes/" + outcomeId + "/indicators"), """
                {"title":"Equipment delivered within 6 weeks","kind":"how_well","unit":"%","polarity":"higher_is_better",
                 "periodKind":"quarter","target":{"period":"2027-Q4","value":90}}""").text("id");
        String author = families.get(0);
        String muted = families.get(1);
        String uncited = families.get(6);
        String authorToken = device(author);
        String meTooToken = device(meToo);
        String uncitedToken = device(uncited);
        device(muted);
        assertThat(as(muted).put(path("/me/loop-updates"), "{\"muted\":true}").json().path("muted").asBoolean()).isTrue();
        assertThat(as(muted).get(path("/me/loop-updates")).json().path("muted").asBoolean()).isTrue();

        // One of the families also said it in a survey, agreed to be quoted, and a forum lead approved the answer for quoting.
        String survey = as(commissioner).post(path("/surveys"), """
                {"definition":{"title":"Equipment","questions":[{"id":"words","type":"free_text","text":"Tell us"}]}}""").text("id");
        as(commissioner).post(path("/surveys/" + survey + "/publish"), null);
        String answerId = UUID.randomUUID().toString();
        assertThat(as(families.get(2)).put(path("/surveys/" + survey + "/answers/" + answerId),
                "{\"version\":1,\"submit\":true,\"quoteConsent\":true,\"answers\":{\"words\":\"We waited seven months for a wheelchair.\"}}").status())
                .isLessThan(300);
        analyseAll();
        assertThat(moderate(forumLead, area, "survey_answer", answerId, "publish", null).status()).isEqualTo(200);

        String id = draft(theme, comments.subList(0, 4), comments.subList(4, 6), outcomeId, indicatorId, List.of(answerId));
        String wheelchairs = action(id, "A second wheelchair clinic every Tuesday");
        String ordering = action(id, "Equipment ordered the week it is prescribed");

        // Nobody outside the commissioners' work sees a draft; families cannot draft; forum leads cannot publish.
        assertThat(as(author).get(path("/responses/" + id)).code()).isEqualTo("response.not_found");
        assertThat(as(author).post(path("/responses"), "{}").code()).isEqualTo("area.role_forbidden");
        assertThat(step(forumLead, id, "publish", null).code()).isEqualTo("area.role_forbidden");
        assertThat(step(commissioner, id, "publish", null).code()).isEqualTo("response.wrong_state");
        assertThat(step(commissioner, id, "sign-off", null).code()).isEqualTo("area.role_forbidden");
        assertThat(as(otherCommissioner).get(path("/responses/" + id)).code()).isEqualTo("area.not_member");

        // The forum sends it back with a comment, then signs it off.
        assertThat(step(commissioner, id, "submit", null).json().path("status").asText()).isEqualTo("awaiting_sign_off");
        assertThat(step(forumLead, id, "send-back", null).code()).isEqualTo("response.invalid");
        Reply back = step(forumLead, id, "send-back", "Say when the second clinic starts.");
        assertThat(back.json().path("status").asText()).isEqualTo("changes_requested");
        assertThat(step(commissioner, id, "submit", null).status()).isEqualTo(200);
        Reply signed = step(forumLead, id, "sign-off", null);
        assertThat(signed.json().path("status").asText()).isEqualTo("signed_off");
        Reply stale = as(commissioner).post(path("/responses/" + id + "/publish"), "{\"version\":1}");
        assertThat(stale.code()).isEqualTo("response.version_conflict");

        Reply published = step(commissioner, id, "publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        JsonNode response = published.json();
        assertThat(response.path("status").asText()).isEqualTo("published");
        assertThat(response.path("revision").asInt()).isEqualTo(1);
        // Six authors and one "me too" stand behind the cited words.
        assertThat(response.path("youSaid").path("families").path("count").asInt()).isEqualTo(7);
        assertThat(response.path("youSaid").path("families").path("text").asText()).isEqualTo("7 families told us");
        assertThat(response.path("youSaid").path("comments")).hasSize(4);
        assertThat(response.path("youSaid").path("groups").get(0).path("texts").asInt()).isEqualTo(2);
        assertThat(response.path("reached").path("count").asInt()).isEqualTo(8);
        assertThat(response.path("signOffs")).hasSize(4);
        assertThat(response.path("signOffs").get(1).path("comment").asText()).isEqualTo("Say when the second clinic starts.");
        assertThat(response.path("indicators").get(0).path("title").asText()).isEqualTo("Equipment delivered within 6 weeks");
        assertThat(response.path("outcomes").get(0).path("id").asText()).isEqualTo(outcomeId);

        // Told once each: the author, the "me too", the family on the theme; the muted family is not pushed.
        assertThat(pushesFor(author, "published")).isEqualTo(1);
        assertThat(pushesFor(meToo, "published")).isEqualTo(1);
        assertThat(pushesFor(uncited, "published")).isEqualTo(1);
        assertThat(pushesFor(muted, "published")).isZero();
        assertThat(fixtures.count("select count(*) from loop_notices where area_id = ? and uid = ? and muted", area, muted))
                .isEqualTo(1);

        // FCM refuses the author's push once; it is retried and arrives once.
        google.failNext(authorToken, 1);
        drain();
        assertThat(google.pushesTo(authorToken)).isEmpty();
        assertThat(google.pushesTo(meTooToken)).hasSize(1);
        fixtures.execute("update notification_outbox set next_attempt_at = now() where area_id = ? and token = ?", area, authorToken);
        drain();
        assertThat(google.pushesTo(authorToken)).hasSize(1);
        assertThat(google.pushesTo(authorToken).get(0).body()).doesNotContain(WAITS[0]);

        // What happened to what I said.
        assertThat(howReached(author, id)).isEqualTo("cited");
        assertThat(howReached(meToo, id)).isEqualTo("me_too");
        assertThat(howReached(uncited, id)).isEqualTo("theme");
        // A family whose words it did not answer is not told it answered them (nor whose words it did).
        String silent = fixtures.member(area, "family");
        assertThat(as(silent).get(path("/me/responses")).json().path("items")).isEmpty();
        assertThat(as(silent).get(path("/responses/" + id)).json().path("reached").isNull()).isTrue();
        // ... and beside their own words.
        JsonNode ownComment = as(author).get(path("/me/comments")).json().path("items").get(0);
        assertThat(ownComment.path("whatHappened").get(0).path("responseId").asText()).isEqualTo(id);
        assertThat(ownComment.path("whatHappened").get(0).path("how").asText()).isEqualTo("cited");
        assertThat(as(uncited).get(path("/me/comments")).json().path("items").get(0).path("whatHappened").get(0)
                .path("how").asText()).isEqualTo("theme");
        JsonNode ownAnswer = as(families.get(2)).get(path("/me/answers")).json().path("items").get(0);
        assertThat(ownAnswer.path("whatHappened").get(0).path("how").asText()).isEqualTo("cited");
        assertThat(ownAnswer.path("whatHappened").get(0).path("actions").asInt()).isEqualTo(2);
        assertThat(as(commissioner).get(path("/responses/" + id)).json().path("youSaid").path("answers").get(0)
                .path("text").asText()).isEqualTo("We waited seven months for a wheelchair.");
        JsonNode family = as(author).get(path("/responses/" + id)).json();
        assertThat(family.path("signOffs")).isEmpty();
        assertThat(family.path("reached").isNull() || family.path("reached").isMissingNode()).isTrue();
        assertThat(family.path("actions")).hasSize(2);

        // An action moves on: one push per change per person; the same change again tells no one.
        Reply started = as(commissioner).post(path("/responses/" + id + "/actions/" + wheelchairs + "/progress"),
                "{\"status\":\"in_progress\",\"progress\":50,\"note\":\"Clinic room found\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        as(commissioner).post(path("/responses/" + id + "/actions/" + wheelchairs + "/progress"),
                "{\"status\":\"in_progress\",\"progress\":50}");
        assertThat(pushesFor(author, "action")).isEqualTo(1);
        Reply done = as(commissioner).post(path("/responses/" + id + "/actions/" + wheelchairs + "/progress"),
                "{\"status\":\"done\",\"progress\":90}");
        assertThat(done.json().path("progress").asInt()).isEqualTo(100);
        assertThat(done.json().path("milestones")).hasSize(3);
        assertThat(pushesFor(author, "action")).isEqualTo(2);
        assertThat(pushesFor(meToo, "action")).isEqualTo(2);
        assertThat(pushesFor(muted, "action")).isZero();
        assertThat(as(commissioner).post(path("/responses/" + id + "/actions/" + ordering + "/progress"),
                "{\"status\":\"not_possible\",\"progress\":0}").code()).isEqualTo("response.invalid");
        assertThat(as(author).post(path("/responses/" + id + "/actions/" + ordering + "/progress"),
                "{\"status\":\"done\",\"progress\":100}").code()).isEqualTo("area.role_forbidden");
        assertThat(as(commissioner).post(path("/responses/" + id + "/actions/" + UUID.randomUUID() + "/progress"),
                "{\"status\":\"done\",\"progress\":100}").code()).isEqualTo("response.action_not_found");
        JsonNode mine = as(author).get(path("/me/responses")).json().path("items").get(0).path("response");
        assertThat(mine.path("actions").get(0).path("status").asText()).isEqualTo("done");

        // An edit after publishing needs a note, shows as updated, and tells no one twice.
        String edit = """
                {"title":"Equipment without the long wait","summary":"Families told us they wait months for wheelchairs, seats and hoists.",
                 "weDid":"A second wheelchair clinic opened in March; equipment is now ordered the week it is prescribed.",
                 "themes":["%s"],"from":"%s","to":"%s","comments":["%s"],"version":%d%s}""";
        assertThat(as(commissioner).put(path("/responses/" + id), edit.formatted(theme, LocalDate.now().minusDays(30),
                LocalDate.now(), comments.get(0), version(id), "")).code()).isEqualTo("response.invalid");
        Reply updated = as(commissioner).put(path("/responses/" + id), edit.formatted(theme, LocalDate.now().minusDays(30),
                LocalDate.now(), comments.get(0), version(id), ",\"changeNote\":\"The clinic opened\""));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("updated").asBoolean()).isTrue();
        assertThat(updated.json().path("revision").asInt()).isEqualTo(2);
        assertThat(as(author).get(path("/responses/" + id + "/revisions")).json().path("items")).hasSize(2);
        assertThat(pushesFor(author, "published")).isEqualTo(1);

        // The feed.
        assertThat(as(author).get(path("/responses")).json().path("items").get(0).path("id").asText()).isEqualTo(id);
        assertThat(as(author).get(path("/responses?status=draft")).code()).isEqualTo("area.role_forbidden");
        assertThat(as(otherCommissioner).get(path("/responses")).code()).isEqualTo("area.not_member");
        assertThat(as(otherCommissioner).get(path("/me/responses")).code()).isEqualTo("area.not_member");
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = 'response.told'", area))
                .isEqualTo(3);
    }

    String howReached(String uid, String responseId) {
        JsonNode items = as(uid).get(path("/me/responses")).json().path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("response").path("id").asText()).isEqualTo(responseId);
        return items.get(0).path("yourWords").get(0).path("how").asText();
    }

    /** A survey answer submitted by a family of this area; {@code consent} its answer to the quoting question. */
    String surveyAnswer(String family, String words, boolean consent) {
        String survey = as(commissioner).post(path("/surveys"), """
                {"definition":{"title":"Equipment","questions":[{"id":"words","type":"free_text","text":"Tell us"}]}}""").text("id");
        as(commissioner).post(path("/surveys/" + survey + "/publish"), null);
        String answerId = UUID.randomUUID().toString();
        Reply answered = as(family).put(path("/surveys/" + survey + "/answers/" + answerId),
                "{\"version\":1,\"submit\":true,\"quoteConsent\":" + consent + ",\"answers\":{\"words\":" + quote(words) + "}}");
        assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
        return answerId;
    }

    /**
     * Issue 24, defect 4: a survey answer reaches other families only with its family's consent to be
     * quoted. One without it cannot be cited; one approved for quoting before families were asked
     * (what the V21 migration leaves: approved, no consent) drops out of the response for everyone.
     */
    @Test
    void aSurveyAnswerIsQuotedToOtherFamiliesOnlyWithItsFamilysConsent() {
        familiesSpeak(1);
        String theme = themeOf(comments.get(0));
        String quoted = surveyAnswer(families.get(0), "We waited seven months for a wheelchair.", true);
        String unasked = surveyAnswer(families.get(0), "Our hoist took a year to come.", true);
        String private_ = surveyAnswer(fixtures.member(area, "family"), "Nobody told us the chair was on order.", false);
        analyseAll();
        assertThat(moderate(forumLead, area, "survey_answer", quoted, "publish", null).status()).isEqualTo(200);
        assertThat(moderate(forumLead, area, "survey_answer", unasked, "publish", null).status()).isEqualTo(200);
        assertThat(moderate(forumLead, area, "survey_answer", private_, "publish", null).code())
                .isEqualTo("moderation.no_quote_consent");

        // Approved before families were asked: as the migration leaves it, with no consent.
        fixtures.execute("update survey_answers set quote_consent = false, quote_consent_at = null where area_id = ? and id = ?::uuid",
                area, unasked);

        String request = """
                {"title":"Waiting","summary":"Families wait.","weDid":"We act.","themes":["%s"],"from":"%s","to":"%s",
                 "comments":["%s"],"answers":[%s]}""";
        String from = LocalDate.now().minusDays(7).toString();
        String to = LocalDate.now().toString();
        for (String notQuotable : List.of(private_, unasked)) {
            Reply refused = as(commissioner).post(path("/responses"), request.formatted(theme, from, to, comments.get(0),
                    "\"" + notQuotable + "\""));
            assertThat(refused.code()).as(refused.toString()).isEqualTo("response.citation_invalid");
        }
        Reply grouped = as(commissioner).post(path("/responses"), """
                {"title":"Waiting","summary":"Families wait.","weDid":"We act.","themes":["%s"],"from":"%s","to":"%s",
                 "groups":[{"members":[{"contentType":"comment","contentId":"%s"},{"contentType":"survey_answer","contentId":"%s"}]}]}"""
                .formatted(theme, from, to, comments.get(0), private_));
        assertThat(grouped.code()).isEqualTo("response.citation_invalid");

        // Cited while it had consent, then (as for answers approved before this change) without it.
        fixtures.execute("update survey_answers set quote_consent = true, quote_consent_at = now() where area_id = ? and id = ?::uuid", area, unasked);
        Reply created = as(commissioner).post(path("/responses"), request.formatted(theme, from, to, comments.get(0),
                "\"" + quoted + "\",\"" + unasked + "\""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(publishThroughTheForum(id).status()).isEqualTo(200);
        fixtures.execute("update survey_answers set quote_consent = false, quote_consent_at = null where area_id = ? and id = ?::uuid",
                area, unasked);

        String otherFamily = fixtures.member(area, "family");
        for (String reader : List.of(otherFamily, families.get(0), commissioner, forumLead)) {
            JsonNode youSaid = as(reader).get(path("/responses/" + id)).json().path("youSaid");
            // The answer whose consent went is cited still, as words withdrawn by the family.
            assertThat(youSaid.path("answers").findValuesAsText("contentId")).as(reader).containsExactlyInAnyOrder(quoted, unasked);
            for (JsonNode cited : youSaid.path("answers")) {
                assertThat(cited.path("withdrawn").asBoolean()).isEqualTo(cited.path("contentId").asText().equals(unasked));
            }
            assertThat(youSaid.toString()).as(reader).contains("We waited seven months for a wheelchair.")
                    .doesNotContain("hoist").doesNotContain("Nobody told us");
        }
    }

    @Test
    void smallNumbersAreWithheldOnlyPublishedWordsAreCitedAndTheWordingIsChecked() {
        familiesSpeak(2);
        String theme = themeOf(comments.get(0));
        String pending = postComment(fixtures.member(area, "family"), area, "We are still waiting for our hoist.");
        String otherArea = fixtures.area();
        String elsewhere = postComment(fixtures.member(otherArea, "family"), otherArea, "We waited months for a chair.");
        String request = """
                {"title":"Waiting","summary":"Families wait.","weDid":"%s","themes":["%s"],"from":"%s","to":"%s","comments":[%s]}""";
        String from = LocalDate.now().minusDays(7).toString();
        String to = LocalDate.now().toString();
        assertThat(as(commissioner).post(path("/responses"), request.formatted("We act.", theme, from, to,
                "\"" + pending + "\"")).code()).isEqualTo("response.citation_invalid");
        assertThat(as(commissioner).post(path("/responses"), request.formatted("We act.", theme, from, to,
                "\"" + elsewhere + "\"")).code()).isEqualTo("response.citation_invalid");
        assertThat(as(commissioner).post(path("/responses"), request.formatted("We act.", "no_such_theme", from, to, ""))
                .code()).isEqualTo("response.invalid");
        assertThat(as(commissioner).post(path("/responses"), request.formatted("We act.", theme, to, from, ""))
                .code()).isEqualTo("response.invalid");
        assertThat(as(forumLead).post(path("/responses"), request.formatted("We act.", theme, from, to, "")).code())
                .isEqualTo("area.role_forbidden");

        String weDid = "The EHCP process was reviewed by the SENCO and new provision was implemented across the"
                + " local area in order to ensure that every family who has been waiting for specialist equipment for"
                + " longer than the statutory timescale receives a named contact.";
        Reply created = as(commissioner).post(path("/responses"), request.formatted(weDid, theme, from, to,
                "\"" + comments.get(0) + "\",\"" + comments.get(1) + "\""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode families = created.json().path("youSaid").path("families");
        assertThat(families.path("suppressed").asBoolean()).isTrue();
        assertThat(families.path("count").isNull() || families.path("count").isMissingNode()).isTrue();
        assertThat(families.path("text").asText()).isEqualTo("Fewer than 5 families told us");

        String id = created.json().path("id").asText();
        Reply check = as(commissioner).get(path("/responses/" + id + "/readability"));
        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        check.json().path("findings").forEach(f -> kinds.add(f.path("kind").asText() + ":" + f.path("text").asText()));
        assertThat(kinds).contains("acronym_not_spelled_out:EHCP", "acronym_not_spelled_out:SENCO", "jargon:provision",
                "jargon:statutory", "jargon:in order to");
        assertThat(kinds).anyMatch(k -> k.startsWith("passive_voice:was reviewed"));
        assertThat(kinds).anyMatch(k -> k.startsWith("long_sentence:"));
        assertThat(check.json().path("main").path("band").asText()).isEqualTo("hard");
        assertThat(as(families(0)).get(path("/responses/" + id + "/readability")).code()).isEqualTo("area.role_forbidden");
        assertThat(as(otherCommissioner).get(path("/responses/" + id + "/readability")).code()).isEqualTo("area.not_member");

        String plain = "We looked again at how long families wait. From May, every family waiting more than six weeks"
                + " gets a named person to call.";
        Reply rewritten = as(commissioner).put(path("/responses/" + id), request.formatted(plain, theme, from, to, "")
                .replace("\"comments\":[]", "\"comments\":[],\"version\":" + version(id)));
        assertThat(rewritten.status()).as(rewritten.toString()).isEqualTo(200);
        JsonNode better = as(forumLead).get(path("/responses/" + id + "/readability")).json();
        assertThat(better.path("main").path("band").asText()).isEqualTo("plain");
        assertThat(better.path("findings")).isEmpty();

        // An easy-read version for young people is scored on its own, and held to shorter sentences.
        String easyRead = "You told us you wait a long time for your chair and that nobody tells you when it will come to your house.";
        Reply withEasyRead = as(commissioner).put(path("/responses/" + id), request.formatted(plain, theme, from, to, "")
                .replace("\"comments\":[]", "\"comments\":[],\"easyRead\":" + quote(easyRead) + ",\"version\":" + version(id)));
        assertThat(withEasyRead.status()).as(withEasyRead.toString()).isEqualTo(200);
        JsonNode easy = as(commissioner).get(path("/responses/" + id + "/readability")).json();
        assertThat(easy.path("easyRead").path("words").asInt()).isEqualTo(23);
        assertThat(easy.path("findings").get(0).path("field").asText()).isEqualTo("easyRead");
        assertThat(easy.path("findings").get(0).path("kind").asText()).isEqualTo("long_sentence");

        // Another area's commissioner finds nothing, even with the id, in their own area.
        String theirs = fixtures.member(otherArea, "commissioner");
        assertThat(as(theirs).get("/v1/areas/" + otherArea + "/responses/" + id).code()).isEqualTo("response.not_found");
        assertThat(as(theirs).post("/v1/areas/" + otherArea + "/responses/" + id + "/submit", "{\"version\":1}").code())
                .isEqualTo("response.not_found");
        assertThat(as(theirs).post("/v1/areas/" + otherArea + "/responses/" + id + "/actions",
                "{\"text\":\"x\",\"owner\":\"nhs\",\"startsOn\":\"2026-01-01\",\"dueOn\":\"2026-02-01\"}").code())
                .isEqualTo("response.not_found");
    }

    String families(int i) {
        return families.get(i);
    }

    @Test
    void theFeedPagesNewestFirstWithCursorsBoundToTheCaller() {
        familiesSpeak(1);
        String theme = themeOf(comments.get(0));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = draft(theme, List.of(comments.get(0)), List.of(), null, null);
            assertThat(publishThroughTheForum(id).status()).isEqualTo(200);
            ids.add(id);
        }
        String family = families.get(0);
        JsonNode first = as(family).get(path("/responses?limit=2")).json();
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("items").get(0).path("id").asText()).isEqualTo(ids.get(2));
        String cursor = first.path("nextCursor").asText();
        JsonNode second = as(family).get(path("/responses?limit=2&cursor=" + cursor)).json();
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("items").get(0).path("id").asText()).isEqualTo(ids.get(0));
        assertThat(second.path("nextCursor").isNull() || second.path("nextCursor").isMissingNode()).isTrue();
        assertThat(as(forumLead).get(path("/responses?limit=2&cursor=" + cursor)).code()).isEqualTo("request.invalid_parameter");
        assertThat(as(family).get(path("/responses?theme=" + theme)).json().path("items")).hasSize(3);
        assertThat(as(family).get(path("/responses?theme=transport")).json().path("items")).isEmpty();
        assertThat(as(family).get(path("/me/responses?limit=2")).json().path("items")).hasSize(2);
        String draftId = draft(theme, List.of(), List.of(), null, null);
        JsonNode drafts = as(forumLead).get(path("/responses?status=draft")).json().path("items");
        assertThat(drafts).hasSize(1);
        assertThat(drafts.get(0).path("id").asText()).isEqualTo(draftId);
    }

    @Test
    void anActionAddedToASignedOffResponseSaysItWentBackToDraft() {
        familiesSpeak(1);
        String id = draft(themeOf(comments.get(0)), comments, List.of(), null, null);
        String body = """
                {"text":"A second wheelchair clinic","owner":"nhs","startsOn":"%s","dueOn":"%s"}""".formatted(LocalDate.now(),
                LocalDate.now().plusMonths(1));
        Reply onDraft = as(commissioner).post(path("/responses/" + id + "/actions"), body);
        assertThat(onDraft.status()).as(onDraft.toString()).isEqualTo(201);
        assertThat(onDraft.text("responseStatus")).isEqualTo("draft");
        assertThat(onDraft.json().path("returnedToDraft").asBoolean(true)).isFalse();
        assertThat(step(commissioner, id, "submit", null).status()).isEqualTo(200);
        assertThat(step(forumLead, id, "sign-off", null).json().path("status").asText()).isEqualTo("signed_off");

        Reply added = as(commissioner).post(path("/responses/" + id + "/actions"), body);

        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.text("status")).isEqualTo("planned");
        assertThat(added.text("responseStatus")).isEqualTo("draft");
        assertThat(added.json().path("returnedToDraft").asBoolean(false)).isTrue();
        assertThat(as(commissioner).get(path("/responses/" + id)).text("status")).isEqualTo("draft");
        assertThat(step(commissioner, id, "publish", null).code()).isEqualTo("response.wrong_state");

        // Published, an action is shown at once and the response stays published.
        assertThat(publishThroughTheForum(id).status()).isEqualTo(200);
        Reply afterPublishing = as(commissioner).post(path("/responses/" + id + "/actions"), body);
        assertThat(afterPublishing.text("responseStatus")).isEqualTo("published");
        assertThat(afterPublishing.json().path("returnedToDraft").asBoolean(true)).isFalse();
    }

    @Test
    void loopMetricsShowWhatWasAnsweredHowFastWhatGotDoneAndWhoWasReached() {
        familiesSpeak(6);
        String theme = themeOf(comments.get(0));
        String id = draft(theme, comments, List.of(), null, null);
        Reply added = as(commissioner).post(path("/responses/" + id + "/actions"), """
                {"text":"Clinic","owner":"council","startsOn":"%s","dueOn":"%s"}""".formatted(LocalDate.now(), LocalDate.now()));
        String actionId = added.json().path("id").asText();
        assertThat(publishThroughTheForum(id).status()).isEqualTo(200);
        as(commissioner).post(path("/responses/" + id + "/actions/" + actionId + "/progress"), "{\"status\":\"done\",\"progress\":100}");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);

        Reply metrics = as(forumLead).get(path("/loop-metrics?quarter=" + quarter));
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        JsonNode area = metrics.json().path("area");
        assertThat(area.path("words").path("value").asLong()).isEqualTo(6);
        assertThat(area.path("families").path("value").asLong()).isEqualTo(6);
        assertThat(area.path("reached").path("value").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(area.path("actionsDoneOnTime").path("value").asDouble()).isEqualTo(1.0);
        assertThat(area.path("medianDaysToResponse").asDouble()).isLessThan(1.0);
        JsonNode answered = null;
        for (JsonNode t : metrics.json().path("themes")) {
            if (t.path("theme").path("id").asText().equals(theme)) {
                answered = t;
            }
        }
        assertThat(answered).isNotNull();
        assertThat(answered.path("figures").path("answered").path("value").asDouble()).isEqualTo(1.0);
        assertThat(answered.path("responses").asInt()).isEqualTo(1);

        String previous = today.minusMonths(3).getYear() + "-Q" + ((today.minusMonths(3).getMonthValue() - 1) / 3 + 1);
        JsonNode before = as(commissioner).get(path("/loop-metrics?quarter=" + previous)).json().path("area");
        assertThat(before.path("words").path("value").asLong()).isZero();
        assertThat(as(families.get(0)).get(path("/loop-metrics?quarter=" + quarter)).code()).isEqualTo("area.role_forbidden");
        assertThat(as(otherCommissioner).get(path("/loop-metrics?quarter=" + quarter)).code()).isEqualTo("area.not_member");
        assertThat(as(commissioner).get(path("/loop-metrics?quarter=2026-Q5")).status()).isEqualTo(400);
        assertThat(as(commissioner).get(path("/loop-metrics")).code()).isEqualTo("request.missing_parameter");
    }

    @Test
    void theFamiliesToldAreWithheldBesideAWithheldCountOfFamiliesWhoToldUs() {
        familiesSpeak(7);
        String theme = themeOf(comments.get(0));
        // Two families cited (withheld); all seven who wrote on the theme are told.
        String id = draft(theme, comments.subList(0, 2), List.of(), null, null);
        assertThat(publishThroughTheForum(id).status()).isEqualTo(200);

        JsonNode staff = as(commissioner).get(path("/responses/" + id)).json();
        assertThat(staff.path("youSaid").path("families").path("suppressed").asBoolean()).isTrue();
        assertThat(fixtures.count("select reached from responses where area_id = ? and id = ?::uuid", area, id))
                .isGreaterThanOrEqualTo(5);
        // "7 families told" beside "fewer than 5 told us" would say 3 to 6 others were told.
        JsonNode reached = staff.path("reached");
        assertThat(reached.path("suppressed").asBoolean()).as(staff.toString()).isTrue();
        assertThat(reached.path("count").isNull() || reached.path("count").isMissingNode()).isTrue();
        assertThat(reached.path("text").asText()).isEqualTo("Families told: withheld, as it would show how many told us");
    }

    @Test
    void aQuarterThatHasNotStartedHasNoLoopMetrics() {
        familiesSpeak(6);
        String theme = themeOf(comments.get(0));
        String id = draft(theme, comments, List.of(), null, null);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        LocalDate next = today.plusMonths(3);
        String nextQuarter = next.getYear() + "-Q" + ((next.getMonthValue() - 1) / 3 + 1);
        // An action due next quarter: before the fix its quarter showed "actions on time 0%" of a quarter yet to come.
        as(commissioner).post(path("/responses/" + id + "/actions"), """
                {"text":"Clinic","owner":"council","startsOn":"%s","dueOn":"%s"}""".formatted(today, next));
        assertThat(publishThroughTheForum(id).status()).isEqualTo(200);

        Reply refused = as(commissioner).get(path("/loop-metrics?quarter=" + nextQuarter));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("response.quarter_not_started");
        assertThat(as(commissioner).get(path("/loop-metrics?quarter=" + (today.getYear() + 5) + "-Q1")).code())
                .isEqualTo("response.quarter_not_started");
        // The quarter under way has figures.
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        assertThat(as(commissioner).get(path("/loop-metrics?quarter=" + quarter)).status()).isEqualTo(200);
    }
}
