package org.yousaid.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

/**
 * Retraining an area's theme model from its forum leads' corrections, with the real CoreNLP
 * pipeline, the shipped SEND data and real PostgreSQL: the area switches only to a candidate that is
 * not worse, and then tags with it.
 */
@MicronautTest(transactional = false)
class ThemeModelApiTest extends ApiTest {

    /**
     * Families on a theme the shipped taxonomy lacks (clubs, sport and holiday activities), with the
     * themes a forum lead gives them: holiday schemes are short breaks too.
     */
    static final List<List<String>> CLUBS = List.of(
            List.of("There is no swimming club in town that will take my autistic son.", "clubs_and_activities"),
            List.of("The holiday club turned her away because she needs one to one support.", "clubs_and_activities;short_breaks_respite"),
            List.of("Zebediah loved the inclusive football sessions but they stopped in March.", "clubs_and_activities"),
            List.of("No after school clubs near us accept children who use a wheelchair.", "clubs_and_activities"),
            List.of("The summer holiday scheme had no places for disabled children again this year.", "clubs_and_activities;short_breaks_respite"),
            List.of("My son wants to join Scouts but they say they cannot manage his needs.", "clubs_and_activities"),
            List.of("Trampoline club was brilliant until the funding for the extra helper ended.", "clubs_and_activities"),
            List.of("He has nothing to do in the holidays because every activity is full or unsuitable.", "clubs_and_activities;short_breaks_respite"),
            List.of("The leisure centre has a quiet swim session once a month, which is not enough.", "clubs_and_activities"),
            List.of("Dance classes would not let my daughter take part because of her seizures.", "clubs_and_activities"),
            List.of("There are no youth clubs for teenagers with learning disabilities in our town.", "clubs_and_activities;preparation_for_adulthood"),
            List.of("Half term activities are all in busy halls that my child cannot cope with.", "clubs_and_activities;short_breaks_respite"),
            List.of("Please fund more inclusive sports clubs so our children can make friends.", "clubs_and_activities"),
            List.of("The drama group was the one place my son felt he belonged and it closed.", "clubs_and_activities"),
            List.of("Holiday activity places for SEND children were taken within an hour of booking opening.", "clubs_and_activities;short_breaks_respite"),
            List.of("We were told the climbing wall was not suitable for children with autism.", "clubs_and_activities"),
            List.of("Gymnastics club asked us to stay and be Zebediah's helper every week or leave.", "clubs_and_activities"),
            List.of("My daughter would love to play in a team but there is no disability cricket or netball nearby.", "clubs_and_activities"),
            List.of("The Saturday club for disabled children is the only break he gets from the house.", "clubs_and_activities;short_breaks_respite"),
            List.of("Music lessons at the community centre are not accessible for children who use wheelchairs.", "clubs_and_activities"),
            List.of("The only inclusive swimming lesson is at nine on a school morning.", "clubs_and_activities"),
            List.of("Brownies were kind but had no training to include a child with a feeding tube.", "clubs_and_activities"),
            List.of("We drive forty minutes to the nearest disability football team every Sunday.", "clubs_and_activities"),
            List.of("Holiday clubs charge us extra for the support worker our son needs.", "clubs_and_activities;short_breaks_respite"),
            List.of("Our youth club for disabled young people lost its hall and has nowhere to meet.", "clubs_and_activities"),
            List.of("Sports day and after school clubs are where my daughter gets left out most.", "clubs_and_activities"),
            List.of("The cinema's autism friendly screening and the soft play quiet hour are the only outings we manage.", "clubs_and_activities"),
            List.of("There is a long waiting list for the adapted cycling club.", "clubs_and_activities"),
            List.of("Summer holiday play schemes need staff trained in epilepsy so our children can go.", "clubs_and_activities;short_breaks_respite"),
            List.of("My son was asked to leave karate because he could not follow the instructions fast enough.", "clubs_and_activities"));

    /** Texts about wheelchairs, for a candidate trained to call them transport. */
    static final List<String> WHEELCHAIRS = List.of(
            "We have waited eleven months for a wheelchair repair.",
            "The wheelchair service took a year to assess my son for a new chair.",
            "Her wheelchair is too small now and nobody will measure her again.",
            "The powered wheelchair broke and we had no loan chair for six weeks.",
            "Wheelchair services keep cancelling the fitting appointment.",
            "My son has outgrown his wheelchair and the replacement is still not ordered.",
            "The wheelchair cushion causes pressure sores and we cannot get a new one.",
            "We were told the wheelchair would take nine months to arrive.",
            "The wheelchair repair service never rings back.",
            "His wheelchair has a broken brake and it is not safe to use.",
            "The new wheelchair does not fit through our doors and nobody checked.",
            "We had to buy our own wheelchair because the waiting list was so long.",
            "Wheelchair assessments are done without asking what my daughter needs.",
            "The tilt in space wheelchair was delivered without the head support.",
            "We waited two years for a wheelchair that was the wrong size.",
            "Her wheelchair straps are worn out and we have asked for months.",
            "The wheelchair service said a lighter chair is not available for children.",
            "My son cannot propel his heavy wheelchair himself at school.",
            "The wheelchair clinic moved and now it is two hours away.",
            "A wheelchair repair should not take longer than a school term.");

    String area;
    String family;
    String forumLead;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        family = fixtures.member(area, "family");
        forumLead = fixtures.member(area, "forum_lead");
    }

    String models(String suffix) {
        return "/v1/areas/" + area + "/tagging/models" + suffix;
    }

    String post(String body) {
        return postComment(family, area, body);
    }

    /** Posts the texts, lets tagging see them, and corrects each one's themes, in order. */
    List<String> corrected(List<String> texts, java.util.function.IntFunction<String> themesOfText) {
        List<String> ids = new ArrayList<>();
        texts.forEach(t -> ids.add(post(t)));
        analyseAll();
        for (int i = 0; i < ids.size(); i++) {
            String item = "/v1/areas/" + area + "/moderation/items/comment/" + ids.get(i);
            int version = as(forumLead).get(item).json().path("version").asInt();
            Reply reply = as(forumLead).put(item + "/themes", "{\"version\":" + version + ",\"themes\":" + themesOfText.apply(i) + "}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        return ids;
    }

    /** The features of a stored model's vocabulary (the zip the database keeps, base64). */
    static List<String> vocabulary(String base64) throws java.io.IOException {
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(
                java.util.Base64.getMimeDecoder().decode(base64)))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("vocabulary.txt.gz")) {
                    String text = new String(new java.util.zip.GZIPInputStream(zip).readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8);
                    return text.lines().map(line -> line.substring(0, Math.max(0, line.lastIndexOf('\t')))).toList();
                }
            }
        }
        throw new AssertionError("no vocabulary in the stored model");
    }

    JsonNode finished(int number) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            Reply reply = as(forumLead).get(models("/" + number));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            if (!reply.json().path("status").asText().equals("training")) {
                return reply.json();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("retraining " + number + " did not finish in 5 minutes");
    }

    @Test
    void corrections_trainTheAreasOwnModel_andTheAreaSwitchesToItBecauseItIsNotWorse() throws Exception {
        Reply none = as(forumLead).post(models("/retrain"), null);
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.code()).isEqualTo("tagging.too_few_corrections");
        JsonNode shipped = as(forumLead).get(models("")).json();
        assertThat(shipped.path("active").path("origin").asText()).isEqualTo("shipped");
        assertThat(shipped.path("active").path("themes")).hasSizeGreaterThan(20);
        assertThat(shipped.path("items")).isEmpty();
        // Forum leads see how the shipped model does on real families' words, overall and per theme.
        JsonNode realText = shipped.path("active").path("realText");
        assertThat(realText.path("texts").asInt()).isGreaterThanOrEqualTo(100);
        assertThat(realText.path("microF1").asDouble()).isBetween(0.3, 1.0);
        assertThat(realText.path("microF1").asDouble())
                .isLessThan(shipped.path("active").path("heldOut").path("microF1").asDouble());
        JsonNode mentalHealth = java.util.stream.StreamSupport.stream(shipped.path("active").path("themes").spliterator(), false)
                .filter(t -> t.path("theme").asText().equals("mental_health")).findFirst().orElseThrow();
        assertThat(mentalHealth.path("realText").path("texts").asInt()).isGreaterThan(20);
        assertThat(mentalHealth.path("realText").path("f1").asDouble()).isBetween(0.3, 1.0);

        as(forumLead).post("/v1/areas/" + area + "/moderation/themes",
                "{\"id\":\"clubs_and_activities\",\"name\":\"Clubs, sport and holiday activities\","
                        + "\"description\":\"Inclusive leisure, sport, youth clubs and holiday schemes for disabled children\"}");
        List<String> ids = corrected(CLUBS.stream().map(c -> c.get(0)).toList(),
                i -> "[\"" + String.join("\",\"", CLUBS.get(i).get(1).split(";")) + "\"]");
        // Two texts name a child; the forum lead publishes both with the name redacted.
        for (int i = 0; i < CLUBS.size(); i++) {
            int at = CLUBS.get(i).get(0).indexOf("Zebediah");
            if (at >= 0) {
                Reply published = publishComment(forumLead, area, ids.get(i),
                        "\"redactions\":[{\"begin\":" + at + ",\"end\":" + (at + 8) + ",\"kind\":\"person\"}]");
                assertThat(published.status()).as(published.toString()).isEqualTo(200);
            }
        }

        Reply started = as(forumLead).post(models("/retrain"), null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().path("status").asText()).isEqualTo("training");
        int number = started.json().path("number").asInt();
        assertThat(number).isEqualTo(1);
        assertThat(as(forumLead).post(models("/retrain"), null).code()).isEqualTo("tagging.training_running");

        JsonNode training = finished(number);
        assertThat(training.path("status").asText()).as(training.toString()).isEqualTo("switched");
        assertThat(training.path("active").asBoolean()).isTrue();
        assertThat(training.path("corrections").asInt()).isEqualTo(24);
        assertThat(training.path("heldBack").asInt()).isEqualTo(6);
        JsonNode heldBack = training.path("heldBackCorrections");
        assertThat(heldBack.path("after").path("microF1").asDouble())
                .isGreaterThanOrEqualTo(heldBack.path("before").path("microF1").asDouble());
        JsonNode sendTest = training.path("sendTest");
        assertThat(sendTest.path("before").path("texts").asInt()).isGreaterThan(150);
        assertThat(sendTest.path("after").path("microF1").asDouble())
                .isGreaterThanOrEqualTo(sendTest.path("before").path("microF1").asDouble() - 0.01);

        // The model is trained on what forum leads approved: a name they redacted is nowhere in what is stored.
        assertThat(vocabulary(fixtures.text(
                "select encode(model, 'base64') from area_theme_models where area_id = ? and active", area)))
                .hasSizeGreaterThan(1000).noneMatch(feature -> feature.toLowerCase(java.util.Locale.ROOT).contains("zebediah"));

        Reply again = as(forumLead).post(models("/retrain"), null);
        assertThat(again.code()).as("the same corrections are not learned twice").isEqualTo("tagging.nothing_new");

        JsonNode now = as(forumLead).get(models("")).json();
        assertThat(now.path("active").path("origin").asText()).isEqualTo("area");
        assertThat(now.path("active").path("training").asInt()).isEqualTo(number);
        assertThat(now.path("active").path("themesVersion").asText()).isEqualTo("area-" + area + "-1");
        assertThat(now.path("active").path("realText").isNull()).as("an area's own model was not measured on real text").isTrue();
        List<String> known = new ArrayList<>();
        now.path("active").path("themes").forEach(t -> known.add(t.path("theme").asText()));
        assertThat(known).contains("clubs_and_activities", "wheelchairs");
        assertThat(now.path("items").get(0).path("number").asInt()).isEqualTo(number);

        // Everything in the area is re-tagged with the area's model, and new texts are tagged with it.
        String version = as(forumLead).get("/v1/areas/" + area + "/tagging/status").json().path("modelVersion").asText();
        assertThat(version).startsWith("area-" + area + "-1+");
        analyseAll();
        assertThat(fixtures.count("select count(*) from content_tags where area_id = ? and model_version <> ?", area, version))
                .isZero();
        String fresh = post("No swimming club or sports club in our town will take autistic children.");
        analyseAll();
        JsonNode tags = as(forumLead).get("/v1/areas/" + area + "/moderation/items/comment/" + fresh).json().path("analysis").path("tags");
        assertThat(tags.path("modelVersion").asText()).isEqualTo(version);
        List<String> themes = new ArrayList<>();
        tags.path("themes").forEach(t -> themes.add(t.path("theme").asText()));
        assertThat(themes).contains("clubs_and_activities");

        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = 'tagging.retrain_requested' and actor_uid = ?",
                area, forumLead)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = 'tagging.retrain_switched'", area))
                .isEqualTo(1);
    }

    @Test
    void aCandidateWorseOnTheHeldBackCorrectionsIsKeptOutOfUse() throws Exception {
        // Every fifth correction is held back: those say "wheelchairs", as the shipped model does; the
        // ones trained on say "transport". The candidate learns the wrong lesson and must not be used.
        corrected(WHEELCHAIRS, i -> (i + 1) % 5 == 0 ? "[\"wheelchairs\"]" : "[\"transport\"]");
        Reply started = as(forumLead).post(models("/retrain"), null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);

        JsonNode training = finished(started.json().path("number").asInt());
        assertThat(training.path("status").asText()).as(training.toString()).isEqualTo("kept");
        assertThat(training.path("active").asBoolean()).isFalse();
        assertThat(training.path("reason").asText()).contains("worse");
        JsonNode heldBack = training.path("heldBackCorrections");
        assertThat(heldBack.path("after").path("microF1").asDouble())
                .isLessThan(heldBack.path("before").path("microF1").asDouble());
        assertThat(as(forumLead).get(models("")).json().path("active").path("origin").asText()).isEqualTo("shipped");
        assertThat(fixtures.count("select count(*) from area_theme_models where area_id = ? and model is not null", area)).isZero();
        assertThat(as(forumLead).post(models("/retrain"), null).code()).isEqualTo("tagging.nothing_new");
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = 'tagging.retrain_kept'", area))
                .isEqualTo(1);
    }

    @Test
    void onlyTheAreasForumLeadsAndAdminsSeeOrRetrainItsModel() {
        String commissioner = fixtures.member(area, "commissioner");
        String admin = fixtures.member(area, "area_admin");
        String other = fixtures.area();
        String otherLead = fixtures.member(other, "forum_lead");
        for (String uid : List.of(family, commissioner)) {
            assertThat(as(uid).get(models("")).code()).isEqualTo("area.role_forbidden");
            assertThat(as(uid).post(models("/retrain"), null).code()).isEqualTo("area.role_forbidden");
            assertThat(as(uid).get(models("/1")).code()).isEqualTo("area.role_forbidden");
        }
        assertThat(as(otherLead).get(models("")).code()).isEqualTo("area.not_member");
        assertThat(as(otherLead).post(models("/retrain"), null).code()).isEqualTo("area.not_member");
        assertThat(as(otherLead).get(models("/1")).code()).isEqualTo("area.not_member");
        assertThat(as(admin).get(models("")).status()).isEqualTo(200);
        assertThat(as(admin).get(models("/1")).code()).isEqualTo("tagging.training_not_found");
        assertThat(as(forumLead).get(models("/0")).status()).isEqualTo(400);
        assertThat(as(forumLead).get(models("/x")).status()).isEqualTo(400);
        assertThat(as(forumLead).get(models("?limit=0")).status()).isEqualTo(400);
    }
}
