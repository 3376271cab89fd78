package org.yousaid.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

/** Forum leads own their area's themes: versions with history, and merges and splits that move the items. */
@MicronautTest(transactional = false)
class TaxonomyApiTest extends ApiTest {

    String area;
    String family;
    String forumLead;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        family = fixtures.member(area, "family");
        forumLead = fixtures.member(area, "forum_lead");
    }

    String themes(String suffix) {
        return "/v1/areas/" + area + "/moderation/themes" + suffix;
    }

    String post(String body) {
        return postComment(family, area, body);
    }

    static List<String> queueIds(Reply page) {
        List<String> ids = new ArrayList<>();
        page.json().path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    JsonNode theme(Reply taxonomy, String id) {
        for (JsonNode t : taxonomy.json().path("themes")) {
            if (t.path("themeId").asText().equals(id)) {
                return t;
            }
        }
        return null;
    }

    @Test
    void anAreaStartsFromTheShippedTaxonomyAndEveryChangeIsAVersion() {
        Reply start = as(forumLead).get(themes(""));
        assertThat(start.json().path("version").asInt()).isEqualTo(1);
        assertThat(theme(start, "wheelchairs").path("origin").asText()).isEqualTo("shipped");

        Reply added = as(forumLead).post(themes(""), "{\"id\":\"toilet_access\",\"name\":\"Accessible toilets\","
                + "\"description\":\"Changing Places toilets and accessible toilets in public places.\"}");
        assertThat(added.json().path("version").asInt()).isEqualTo(2);
        assertThat(theme(added, "toilet_access").path("status").asText()).isEqualTo("active");
        assertThat(as(forumLead).post(themes(""), "{\"id\":\"toilet_access\",\"name\":\"Again\"}").code())
                .isEqualTo("moderation.theme_exists");
        assertThat(as(forumLead).post(themes(""), "{\"id\":\"Bad Id\",\"name\":\"x\"}").code()).isEqualTo("moderation.theme_invalid");

        Reply renamed = as(forumLead).put(themes("/transport"), "{\"name\":\"Home to school transport\"}");
        assertThat(theme(renamed, "transport").path("name").asText()).isEqualTo("Home to school transport");
        Reply retired = as(forumLead).post(themes("/equity_between_areas/retire"), null);
        assertThat(theme(retired, "equity_between_areas").path("status").asText()).isEqualTo("retired");
        assertThat(as(forumLead).post(themes("/equity_between_areas/retire"), null).code()).isEqualTo("moderation.theme_not_found");

        JsonNode history = as(forumLead).get(themes("/history")).json().path("items");
        assertThat(history.get(0).path("version").asInt()).isEqualTo(4);
        assertThat(history.get(0).path("change").path("action").asText()).isEqualTo("retire");
        assertThat(history.get(0).path("changedBy").asText()).isEqualTo(forumLead);
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action like 'taxonomy.%'", area)).isEqualTo(3);

        // A theme a forum lead added can be given at once.
        String id = post("There is no Changing Places toilet anywhere in the town centre.");
        analyseAll();
        int version = as(forumLead).get("/v1/areas/" + area + "/moderation/items/comment/" + id).json().path("version").asInt();
        Reply corrected = as(forumLead).put("/v1/areas/" + area + "/moderation/items/comment/" + id + "/themes",
                "{\"version\":" + version + ",\"themes\":[\"toilet_access\"]}");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        assertThat(queueIds(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?theme=toilet_access"))).containsExactly(id);
        int next = corrected.json().path("version").asInt();
        assertThat(as(forumLead).put("/v1/areas/" + area + "/moderation/items/comment/" + id + "/themes",
                "{\"version\":" + next + ",\"themes\":[\"equity_between_areas\"]}").code()).isEqualTo("moderation.themes_invalid");
    }

    @Test
    void aMergeRefilesTheItemsAndLaterTagsAndASplitRequeuesThem() {
        String wheelchair = post("We have waited eleven months for a wheelchair repair.");
        analyseAll();
        assertThat(queueIds(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?theme=wheelchairs"))).contains(wheelchair);

        as(forumLead).post(themes(""), "{\"id\":\"mobility_equipment\",\"name\":\"Wheelchairs and mobility equipment\"}");
        Reply merged = as(forumLead).post(themes("/wheelchairs/merge"), "{\"into\":\"mobility_equipment\"}");
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(theme(merged, "wheelchairs").path("mergedInto").asText()).isEqualTo("mobility_equipment");
        assertThat(queueIds(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?theme=wheelchairs"))).isEmpty();
        assertThat(queueIds(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?theme=mobility_equipment"))).contains(wheelchair);
        JsonNode change = as(forumLead).get(themes("/history")).json().path("items").get(0).path("change");
        assertThat(change.path("items").asInt()).isEqualTo(1);

        // The model still says "wheelchairs": the tag is filed under what it was merged into.
        String later = post("The wheelchair service never returns our calls.");
        analyseAll();
        assertThat(queueIds(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?theme=mobility_equipment"))).contains(later);
        assertThat(queueIds(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?theme=wheelchairs"))).isEmpty();

        Reply split = as(forumLead).post(themes("/waiting_times/split"), """
                {"into": [{"id": "waiting_for_assessment", "name": "Waiting for an assessment"},
                          {"id": "waiting_for_delivery", "name": "Waiting for a service or equipment"}]}""");
        assertThat(split.status()).as(split.toString()).isEqualTo(200);
        assertThat(theme(split, "waiting_times").path("status").asText()).isEqualTo("retired");
        assertThat(theme(split, "waiting_for_delivery").path("origin").asText()).isEqualTo("split");
        assertThat(fixtures.count("select count(*) from tagging_jobs where area_id = ? and state = 'queued' and reason = 'retag'", area))
                .isGreaterThanOrEqualTo(1);
        assertThat(as(forumLead).post(themes("/transport/split"), "{\"into\":[{\"id\":\"only_one\",\"name\":\"x\"}]}").code())
                .isEqualTo("moderation.theme_invalid");
        assertThat(as(forumLead).post(themes("/transport/merge"), "{\"into\":\"transport\"}").code()).isEqualTo("moderation.theme_invalid");
        assertThat(as(forumLead).post(themes("/transport/merge"), "{\"into\":\"wheelchairs\"}").code()).isEqualTo("moderation.theme_not_found");
    }

    @Test
    void onlyForumLeadsChangeTheAreasThemes() {
        String commissioner = fixtures.member(area, "commissioner");
        String otherArea = fixtures.area();
        String otherLead = fixtures.member(otherArea, "forum_lead");
        assertThat(as(commissioner).get(themes("")).status()).isEqualTo(200);
        for (String uid : List.of(family, commissioner, fixtures.member(area, "area_admin"))) {
            assertThat(as(uid).post(themes(""), "{\"id\":\"x_theme\",\"name\":\"x\"}").code()).isEqualTo("area.role_forbidden");
            assertThat(as(uid).post(themes("/transport/retire"), null).code()).isEqualTo("area.role_forbidden");
        }
        assertThat(as(family).get(themes("")).code()).isEqualTo("area.role_forbidden");
        assertThat(as(otherLead).post(themes("/transport/merge"), "{\"into\":\"physiotherapy\"}").code()).isEqualTo("area.not_member");
        assertThat(as(otherLead).get(themes("/history")).code()).isEqualTo("area.not_member");
        // Another area's changes leave this one's themes alone.
        as(otherLead).post("/v1/areas/" + otherArea + "/moderation/themes/transport/retire", null);
        assertThat(theme(as(forumLead).get(themes("")), "transport").path("status").asText()).isEqualTo("active");
    }

    @Test
    void aThemeAForumLeadAddsTagsAtOnceBeforeAnyTrainingExample() {
        as(forumLead).post(themes(""), "{\"id\":\"toilet_access\",\"name\":\"Accessible toilets\","
                + "\"description\":\"Changing Places toilets and accessible toilets with hoists and changing benches in public places.\"}");
        String about = post("There is no Changing Places toilet anywhere in the town centre, so we cannot go out as a family.");
        String unrelated = post("The speech and language therapist cancelled our appointment again.");

        analyseAll();

        JsonNode tags = as(forumLead).get("/v1/areas/" + area + "/moderation/items/comment/" + about).json().path("analysis").path("tags");
        List<String> given = new ArrayList<>();
        tags.path("themes").forEach(t -> given.add(t.path("theme").asText() + "=" + t.path("score").asText()));
        assertThat(given).as(given.toString()).anyMatch(t -> t.startsWith("toilet_access="));
        assertThat(queueIds(as(forumLead).get("/v1/areas/" + area + "/moderation/queue?theme=toilet_access"))).containsExactly(about);
        JsonNode other = as(forumLead).get("/v1/areas/" + area + "/moderation/items/comment/" + unrelated).json()
                .path("analysis").path("tags").path("themes");
        List<String> otherThemes = new ArrayList<>();
        other.forEach(t -> otherThemes.add(t.path("theme").asText()));
        assertThat(otherThemes).doesNotContain("toilet_access");
        // Another area, which added no such theme, is not given it.
        String otherArea = fixtures.area();
        String otherFamily = fixtures.member(otherArea, "family");
        String elsewhere = as(otherFamily).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + otherArea + "/comments", json("body", "There is no Changing Places toilet in our town.")).text("id");
        analyseAll();
        assertThat(fixtures.text("select themes::text from content_tags where area_id = ? and content_id = ?::uuid", otherArea, elsewhere))
                .doesNotContain("toilet_access");
    }
}
