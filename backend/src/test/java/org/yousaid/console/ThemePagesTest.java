package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yousaid.testing.ApiTest;

/**
 * The forum lead's theme work as pages: themes changed through the same service as the API (checked
 * through the API), similar words, the model and its retraining; everyone else refused, forms
 * without their token changing nothing, bad input shown as GOV.UK errors on their fields.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThemePagesTest extends ApiTest {

    static final List<String> SAME = List.of("We have waited eleven months for a wheelchair repair.",
            "We waited eleven months to get the wheelchair repaired.",
            "Eleven months waiting for the wheelchair service to repair his chair.");
    /** Ten texts a forum lead files under transport: the fewest corrections a retraining learns from. */
    static final List<String> CORRECTED = List.of(
            "We have waited eleven months for a wheelchair repair.",
            "The wheelchair service took a year to assess my son for a new chair.",
            "Her wheelchair is too small now and nobody will measure her again.",
            "The powered wheelchair broke and we had no loan chair for six weeks.",
            "Wheelchair services keep cancelling the fitting appointment.",
            "My son has outgrown his wheelchair and the replacement is still not ordered.",
            "The wheelchair cushion causes pressure sores and we cannot get a new one.",
            "We were told the wheelchair would take nine months to arrive.",
            "The wheelchair repair service never rings back.",
            "His wheelchair has a broken brake and it is not safe to use.");
    static final String DIFFERENT = "Thank you to the wheelchair service, the new chair came quickly and fits him well.";

    JsonNode taxonomy(String area, String lead) {
        return as(lead).get("/v1/areas/" + area + "/moderation/themes").json();
    }

    static JsonNode theme(JsonNode taxonomy, String id) {
        for (JsonNode t : taxonomy.path("themes")) {
            if (t.path("themeId").asText().equals(id)) {
                return t;
            }
        }
        return null;
    }

    static List<Map.Entry<String, String>> form(String... pairs) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(Map.entry(pairs[i], pairs[i + 1]));
        }
        return form;
    }

    ConsoleBrowser signedIn(String uid) throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser(server.getURI());
        browser.signIn(uid);
        return browser;
    }

    @Test
    @Order(1)
    void aForumLeadAddsRenamesMergesSplitsAndRetiresThemes() throws Exception {
        String area = fixtures.area();
        String lead = fixtures.member(area, "forum_lead");
        String themes = "/console/areas/" + area + "/themes";
        ConsoleBrowser b = signedIn(lead);
        String csrf = b.formToken();

        assertThat(b.get("/console/areas/" + area).body()).contains("href=\"" + themes + "\"");
        HttpResponse<String> list = b.get(themes);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<title>Themes – YouSaid console</title>").contains("themes in use</caption>")
                .contains(themes + "/wheelchairs").contains("ys-table-scroll");

        for (String[] t : new String[][] {{"clubs", "Clubs"}, {"holiday_schemes", "Holiday schemes"}, {"sport", "Sport"}}) {
            HttpResponse<String> added = b.post(themes, Map.of("csrf", csrf, "id", t[0], "name", t[1], "description", t[1] + " for disabled children"));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
            assertThat(added.headers().firstValue("Location")).hasValue(themes + "?done=added");
        }
        assertThat(b.get(themes + "?done=added").body()).contains("The theme was added.").contains("Holiday schemes");
        assertThat(theme(taxonomy(area, lead), "clubs").path("origin").asText()).isEqualTo("added");

        HttpResponse<String> onePage = b.get(themes + "/clubs");
        assertThat(onePage.statusCode()).isEqualTo(200);
        assertThat(onePage.body()).contains("<title>Theme: Clubs – YouSaid console</title>").contains("Rename or describe")
                .contains("Split this theme").contains("Retire this theme");
        HttpResponse<String> renamed = b.post(themes + "/clubs", Map.of("csrf", csrf, "name", "Clubs and activities",
                "description", "Inclusive clubs, sport and holiday activities"));
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(303);
        assertThat(theme(taxonomy(area, lead), "clubs").path("name").asText()).isEqualTo("Clubs and activities");
        assertThat(theme(taxonomy(area, lead), "clubs").path("description").asText()).isEqualTo("Inclusive clubs, sport and holiday activities");

        // Two themes into a third at once.
        HttpResponse<String> merged = b.post(themes + "/merge-themes",
                form("csrf", csrf, "merge", "holiday_schemes", "merge", "sport", "into", "clubs"));
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(303);
        JsonNode afterMerge = taxonomy(area, lead);
        assertThat(theme(afterMerge, "holiday_schemes").path("status").asText()).isEqualTo("merged");
        assertThat(theme(afterMerge, "holiday_schemes").path("mergedInto").asText()).isEqualTo("clubs");
        assertThat(theme(afterMerge, "sport").path("mergedInto").asText()).isEqualTo("clubs");
        assertThat(b.get(themes).body()).contains("Merged into Clubs and activities");

        // A merge that cannot be done whole is not done in part: the retired theme refuses, so sport... stays.
        b.post(themes, Map.of("csrf", csrf, "id", "youth_clubs", "name", "Youth clubs"));
        HttpResponse<String> half = b.post(themes + "/merge-themes",
                form("csrf", csrf, "merge", "youth_clubs", "merge", "holiday_schemes", "into", "clubs"));
        assertThat(half.statusCode()).isEqualTo(404);
        assertThat(half.body()).contains("There is a problem").contains("href=\"#merge-into\"").contains("<title>Error: Themes");
        assertThat(theme(taxonomy(area, lead), "youth_clubs").path("status").asText()).isEqualTo("active");

        HttpResponse<String> split = b.post(themes + "/clubs/split", Map.of("csrf", csrf,
                "part1Id", "clubs_indoor", "part1Name", "Indoor clubs", "part1Description", "",
                "part2Id", "clubs_outdoor", "part2Name", "Outdoor activities", "part2Description", "Sport and outings",
                "part3Id", "", "part3Name", "", "part3Description", ""));
        assertThat(split.statusCode()).as(split.body()).isEqualTo(303);
        JsonNode afterSplit = taxonomy(area, lead);
        assertThat(theme(afterSplit, "clubs").path("status").asText()).isEqualTo("retired");
        assertThat(theme(afterSplit, "clubs_indoor").path("origin").asText()).isEqualTo("split");
        assertThat(theme(afterSplit, "clubs_outdoor").path("status").asText()).isEqualTo("active");

        HttpResponse<String> retired = b.post(themes + "/youth_clubs/retire", Map.of("csrf", csrf));
        assertThat(retired.statusCode()).isEqualTo(303);
        assertThat(retired.headers().firstValue("Location")).hasValue(themes + "?done=retired");
        assertThat(theme(taxonomy(area, lead), "youth_clubs").path("status").asText()).isEqualTo("retired");
        // A theme no longer in use has no page of its own to change it from.
        assertThat(b.get(themes + "/youth_clubs").statusCode()).isEqualTo(404);

        HttpResponse<String> history = b.get(themes + "/change-history");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("Started from the shipped SEND taxonomy")
                .contains("Renamed “Clubs” to “Clubs and activities”")
                .contains("Merged “Holiday schemes” into “Clubs and activities”")
                .contains("Split “Clubs and activities” into “Indoor clubs” and “Outdoor activities”")
                .contains("Retired “Youth clubs”").contains("<caption");
        assertThat(taxonomy(area, lead).path("version").asInt()).isEqualTo(10);
    }

    @Test
    @Order(2)
    void badInputIsShownOnItsFieldAndAFormWithoutItsTokenChangesNothing() throws Exception {
        String area = fixtures.area();
        String lead = fixtures.member(area, "forum_lead");
        String themes = "/console/areas/" + area + "/themes";
        ConsoleBrowser b = signedIn(lead);
        String csrf = b.formToken();
        int version = taxonomy(area, lead).path("version").asInt();

        HttpResponse<String> empty = b.post(themes, Map.of("csrf", csrf, "id", "", "name", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("<title>Error: Themes – YouSaid console</title>").contains("There is a problem")
                .contains("href=\"#add-id\"").contains("href=\"#add-name\"").contains("govuk-form-group--error")
                .contains("Enter a name for the theme");
        HttpResponse<String> badId = b.post(themes, Map.of("csrf", csrf, "id", "Bad Id", "name", "Kept <name>"));
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("href=\"#add-id\"").contains("value=\"Kept &lt;name&gt;\"");
        HttpResponse<String> duplicate = b.post(themes, Map.of("csrf", csrf, "id", "wheelchairs", "name", "Wheelchairs again"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("href=\"#add-id\"").contains("The area already has a theme");

        HttpResponse<String> nothingChosen = b.post(themes + "/merge-themes", form("csrf", csrf));
        assertThat(nothingChosen.statusCode()).isEqualTo(400);
        assertThat(nothingChosen.body()).contains("href=\"#merge-from\"").contains("href=\"#merge-into\"").contains("id=\"merge-from\"");
        HttpResponse<String> intoItself = b.post(themes + "/merge-themes", form("csrf", csrf, "merge", "wheelchairs", "into", "wheelchairs"));
        assertThat(intoItself.statusCode()).isEqualTo(400);
        assertThat(intoItself.body()).contains("href=\"#merge-into\"");

        HttpResponse<String> noName = b.post(themes + "/wheelchairs", Map.of("csrf", csrf, "name", ""));
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("<title>Error: Theme:").contains("href=\"#describe-name\"").contains("id=\"describe-name\"");
        HttpResponse<String> onePart = b.post(themes + "/wheelchairs/split", Map.of("csrf", csrf, "part1Id", "chairs", "part1Name", "Chairs"));
        assertThat(onePart.statusCode()).isEqualTo(400);
        assertThat(onePart.body()).contains("href=\"#split-2-id\"").contains("href=\"#split-2-name\"").contains("value=\"chairs\"");
        HttpResponse<String> sameIds = b.post(themes + "/wheelchairs/split", Map.of("csrf", csrf, "part1Id", "chairs", "part1Name", "Chairs",
                "part2Id", "chairs", "part2Name", "More chairs"));
        assertThat(sameIds.statusCode()).isEqualTo(400);
        assertThat(sameIds.body()).contains("href=\"#split-2-id\"");
        HttpResponse<String> clash = b.post(themes + "/wheelchairs/split", Map.of("csrf", csrf, "part1Id", "chairs", "part1Name", "Chairs",
                "part2Id", "transport", "part2Name", "Transport"));
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.body()).contains("href=\"#split-2-id\"").contains("already has a theme");
        assertThat(theme(taxonomy(area, lead), "chairs")).isNull();

        for (Map<String, String> token : List.of(Map.<String, String>of(), Map.of("csrf", "x".repeat(43)))) {
            Map<String, String> add = new java.util.HashMap<>(token);
            add.putAll(Map.of("id", "no_token", "name", "No token"));
            HttpResponse<String> refused = b.post(themes, add);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("This form has expired");
            assertThat(b.post(themes + "/wheelchairs/retire", token).statusCode()).isEqualTo(403);
            assertThat(b.post(themes + "/wheelchairs", new java.util.HashMap<>(Map.of("name", "Renamed"))).statusCode()).isEqualTo(403);
            assertThat(b.post(themes + "/merge-themes", form("merge", "transport", "into", "wheelchairs")).statusCode()).isEqualTo(403);
            assertThat(b.post(themes + "/wheelchairs/split", Map.of("part1Id", "a", "part1Name", "A", "part2Id", "b", "part2Name", "B"))
                    .statusCode()).isEqualTo(403);
            assertThat(b.post("/console/areas/" + area + "/model/retrain", token).statusCode()).isEqualTo(403);
        }
        JsonNode after = taxonomy(area, lead);
        assertThat(after.path("version").asInt()).isEqualTo(version);
        assertThat(theme(after, "no_token")).isNull();
        assertThat(theme(after, "wheelchairs").path("status").asText()).isEqualTo("active");
    }

    @Test
    @Order(3)
    void otherRolesOtherAreasAndFamiliesAreRefusedEveryPageAndForm() throws Exception {
        String area = fixtures.area();
        String lead = fixtures.member(area, "forum_lead");
        String family = fixtures.member(area, "family");
        String said = SAME.get(0);
        postComment(family, area, said);
        analyseAll();
        int version = taxonomy(area, lead).path("version").asInt();
        String base = "/console/areas/" + area;
        List<String> pages = List.of(base + "/themes", base + "/themes/wheelchairs", base + "/themes/change-history",
                base + "/groups", base + "/groups?theme=wheelchairs", base + "/model");

        List<String> others = List.of(fixtures.member(area, "commissioner"), fixtures.member(area, "area_admin"),
                fixtures.member(fixtures.area(), "forum_lead"));
        for (String other : others) {
            ConsoleBrowser b = signedIn(other);
            String csrf = b.formToken();
            for (String page : pages) {
                HttpResponse<String> refused = b.get(page);
                assertThat(refused.statusCode()).as(other + " " + page).isEqualTo(403);
                assertThat(refused.body()).doesNotContain("eleven months").doesNotContain("Wheelchairs");
            }
            assertThat(b.post(base + "/themes", Map.of("csrf", csrf, "id", "intruder", "name", "Intruder")).statusCode()).isEqualTo(403);
            assertThat(b.post(base + "/themes", Map.of("csrf", csrf, "id", "", "name", "")).statusCode()).isEqualTo(403);
            assertThat(b.post(base + "/themes/merge-themes", form("csrf", csrf, "merge", "transport", "into", "wheelchairs")).statusCode())
                    .isEqualTo(403);
            assertThat(b.post(base + "/themes/wheelchairs", Map.of("csrf", csrf, "name", "Renamed")).statusCode()).isEqualTo(403);
            assertThat(b.post(base + "/themes/wheelchairs/split", Map.of("csrf", csrf, "part1Id", "a", "part1Name", "A",
                    "part2Id", "b", "part2Name", "B")).statusCode()).isEqualTo(403);
            assertThat(b.post(base + "/themes/wheelchairs/retire", Map.of("csrf", csrf)).statusCode()).isEqualTo(403);
            assertThat(b.post(base + "/model/retrain", Map.of("csrf", csrf)).statusCode()).isEqualTo(403);
        }
        // A family cannot hold a console session: every page and form sends them to sign in.
        ConsoleBrowser familyBrowser = new ConsoleBrowser(server.getURI());
        assertThat(familyBrowser.signIn(family).statusCode()).isEqualTo(403);
        String csrf = familyBrowser.formToken();
        for (String page : pages) {
            HttpResponse<String> refused = familyBrowser.get(page);
            assertThat(refused.statusCode()).isEqualTo(303);
            assertThat(refused.headers().firstValue("Location")).hasValue("/console/sign-in");
        }
        assertThat(familyBrowser.post(base + "/themes/wheelchairs/retire", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
        assertThat(familyBrowser.post(base + "/model/retrain", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);

        JsonNode after = taxonomy(area, lead);
        assertThat(after.path("version").asInt()).isEqualTo(version);
        assertThat(theme(after, "intruder")).isNull();
        assertThat(theme(after, "wheelchairs").path("name").asText()).isNotEqualTo("Renamed");
        assertThat(as(lead).get("/v1/areas/" + area + "/tagging/models").json().path("items")).isEmpty();
    }

    @Test
    @Order(4)
    void aForumLeadSeesTheWordsFamiliesSaidAlikeWithThePeopleAndMeToos() throws Exception {
        String area = fixtures.area();
        String lead = fixtures.member(area, "forum_lead");
        String family = fixtures.member(area, "family");
        List<String> same = new ArrayList<>();
        SAME.forEach(text -> same.add(postComment(family, area, text)));
        String different = postComment(family, area, DIFFERENT);
        analyseAll();
        publishComment(lead, area, same.get(0), null);
        String other = fixtures.member(area, "family");
        assertThat(as(other).put("/v1/areas/" + area + "/comments/" + same.get(0) + "/me-too", null).status()).isEqualTo(200);
        String groups = "/console/areas/" + area + "/groups";
        ConsoleBrowser b = signedIn(lead);

        HttpResponse<String> chooser = b.get(groups);
        assertThat(chooser.statusCode()).isEqualTo(200);
        assertThat(chooser.body()).contains("<title>Similar words – YouSaid console</title>").contains("<select")
                .contains("value=\"wheelchairs\"").doesNotContain("Group 1");

        HttpResponse<String> page = b.get(groups + "?theme=wheelchairs");
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("4 texts in 2 groups").contains("Group 1 of 2").contains("Group 2 of 2")
                .contains("2 people (who wrote or said “me too”)").contains("1 person (who wrote or said “me too”)");
        SAME.forEach(text -> assertThat(body).contains(text));
        assertThat(body).contains("Thank you to the wheelchair service, the new chair came quickly and fits him well.")
                .contains("Published").contains("Waiting for review").contains("<caption");
        // The larger group (two people behind it) comes first, with all three of its texts before the other group.
        assertThat(body.indexOf("Group 2 of 2")).isGreaterThan(body.lastIndexOf("Eleven months waiting"));
        assertThat(body.indexOf("Group 2 of 2")).isLessThan(body.indexOf("Thank you to the wheelchair service"));
        assertThat(different).isNotBlank();

        HttpResponse<String> unknown = b.get(groups + "?theme=no_such_theme");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("<title>Error: Similar words").contains("href=\"#theme\"").contains("id=\"theme\"");
    }

    @Test
    @Order(5)
    void aForumLeadSeesTheModelsFiguresAndStartsARetraining() throws Exception {
        String area = fixtures.area();
        String lead = fixtures.member(area, "forum_lead");
        String family = fixtures.member(area, "family");
        String model = "/console/areas/" + area + "/model";
        ConsoleBrowser b = signedIn(lead);
        String csrf = b.formToken();

        HttpResponse<String> shipped = b.get(model);
        assertThat(shipped.statusCode()).isEqualTo(200);
        assertThat(shipped.body()).contains("<title>Theme model – YouSaid console</title>").contains("The model YouSaid ships")
                .contains("On real families' words").contains("Wheelchairs").contains("Precision").contains("Recall")
                .contains("has not been retrained yet");

        HttpResponse<String> tooFew = b.post(model + "/retrain", Map.of("csrf", csrf));
        assertThat(tooFew.statusCode()).isEqualTo(409);
        assertThat(tooFew.body()).contains("<title>Error: Theme model").contains("href=\"#retrain\"").contains("at least 10");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(postComment(family, area, CORRECTED.get(i)));
        }
        analyseAll();
        for (String id : ids) {
            String item = "/v1/areas/" + area + "/moderation/items/comment/" + id;
            int v = as(lead).get(item).json().path("version").asInt();
            assertThat(as(lead).put(item + "/themes", "{\"version\":" + v + ",\"themes\":[\"transport\"]}").status()).isEqualTo(200);
        }
        HttpResponse<String> started = b.post(model + "/retrain", Map.of("csrf", csrf));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        assertThat(started.headers().firstValue("Location")).hasValue(model + "?done=retraining");
        JsonNode retrainings = as(lead).get("/v1/areas/" + area + "/tagging/models").json().path("items");
        assertThat(retrainings).hasSize(1);
        HttpResponse<String> after = b.get(model + "?done=retraining");
        assertThat(after.body()).contains("Retraining started").contains("Retrainings, newest first");
        assertThat(after.body()).containsAnyOf("Training</strong>", "In use</strong>", "Not used: the model in use was better", "Failed</strong>");
    }
}
