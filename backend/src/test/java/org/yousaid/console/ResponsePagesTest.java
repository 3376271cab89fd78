package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Words;

/**
 * "You said, we did" through the console: a commissioner drafts, cites, aims, acts and submits; the
 * forum lead signs off on the page; the commissioner publishes and the families see it in the app.
 */
@MicronautTest(transactional = false)
class ResponsePagesTest extends ApiTest {

    String area;
    String lead;
    String commissioner;
    List<String> families = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    String outcome;
    String indicator;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        lead = fixtures.member(area, "forum_lead");
        commissioner = fixtures.member(area, "commissioner");
        families.clear();
        comments.clear();
        for (int i = 0; i < 5; i++) {
            String family = fixtures.member(area, "family");
            families.add(family);
            comments.add(postComment(family, area, Words.EQUIPMENT_WAITS[i]));
        }
        analyseAll();
        for (String id : comments) {
            assertThat(publishComment(lead, area, id, null).status()).isEqualTo(200);
        }
        Reply created = as(commissioner).post("/v1/areas/" + area + "/outcomes", "{\"title\":\"Children get the equipment they need in time\"}");
        assertThat(created.status()).isEqualTo(201);
        outcome = created.json().path("id").asText();
        Reply measured = as(commissioner).post("/v1/areas/" + area + "/outcomes/" + outcome + "/indicators", """
                {"title":"Equipment delivered within 6 weeks","kind":"how_well","unit":"%","polarity":"higher_is_better",
                 "periodKind":"quarter"}""");
        assertThat(measured.status()).as(measured.toString()).isEqualTo(201);
        indicator = measured.json().path("id").asText();
    }

    String theme() {
        return fixtures.text("select themes[1] from moderation_items where area_id = ? and content_id = ?::uuid", area, comments.get(0));
    }

    String base() {
        return "/console/areas/" + area + "/responses";
    }

    static String token(HttpResponse<String> page) {
        Matcher m = ConsoleBrowser.FORM_TOKEN.matcher(page.body());
        assertThat(m.find()).as("a form token on the page").isTrue();
        return m.group(1);
    }

    static String version(HttpResponse<String> page) {
        Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The draft form as the commissioner fills it in, citing the first comment on its own. */
    Map<String, String> draftForm(String csrf) {
        Map<String, String> form = new HashMap<>();
        form.put("csrf", csrf);
        form.put("title", "Equipment without the long wait");
        form.put("summary", "Families told us they wait months for wheelchairs, seats and hoists.");
        form.put("weDid", "We have added a second wheelchair clinic. We now order equipment the week it is prescribed.");
        form.put("themes", theme());
        form.put("from", LocalDate.now().minusDays(30).toString());
        form.put("to", LocalDate.now().toString());
        form.put("outcomes", outcome);
        form.put("indicators", indicator);
        return form;
    }

    @Test
    void aResponseGoesFromDraftThroughTheForumToFamilies() throws Exception {
        ConsoleBrowser c = new ConsoleBrowser(server.getURI());
        c.signIn(commissioner);
        HttpResponse<String> list = c.get(base());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<title>You said, we did – YouSaid console</title>").contains("Start a response");
        HttpResponse<String> blank = c.get(base() + "/new");
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("Children get the equipment they need in time").contains("Equipment delivered within 6 weeks")
                .contains("aria-live=\"polite\"").contains("hx-post=\"" + base() + "/wording\"")
                .contains("hx-trigger=\"input changed delay:800ms\"").contains("hx-target=\"#wording-check\"");
        // As they type (htmx posts the form, token included), the check of words not yet saved comes back as a fragment.
        HttpResponse<String> live = c.postHtmx(base() + "/wording", Map.of("csrf", token(blank), "title", "Equipment",
                "summary", "Families wait.",
                "weDid", "The wheelchair clinic was reviewed by the CCG and a new process was implemented to facilitate faster delivery."));
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("Reading ease").contains("Passive voice").doesNotContain("<html").doesNotContain("<title>");
        // Signed out meanwhile: htmx is told to take the whole page to sign-in, not to put the sign-in page in the check's place.
        ConsoleBrowser signedOut = new ConsoleBrowser(server.getURI());
        HttpResponse<String> expired = signedOut.postHtmx(base() + "/wording", Map.of("csrf", signedOut.formToken(), "title", "x"));
        assertThat(expired.headers().firstValue("HX-Redirect")).hasValue("/console/sign-in");
        assertThat(expired.body()).doesNotContain("<html");

        // Bad input: the form again, with the error summary linking to the field and what was typed kept.
        Map<String, String> bad = draftForm(token(blank));
        bad.put("title", " ");
        HttpResponse<String> refused = c.post(base() + "/new", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<title>Error: Start a response").contains("govuk-error-summary").contains("href=\"#title\"")
                .contains("govuk-form-group--error").contains("We have added a second wheelchair clinic");

        // Sent empty: every missing field is named at once, in the words of its label.
        HttpResponse<String> empty = c.post(base() + "/new", Map.of("csrf", token(blank)));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("href=\"#title\">Enter a title").contains("href=\"#summary\">Enter what families told us")
                .contains("href=\"#weDid\">Enter what has changed, or will").contains("href=\"#themes\">Select the themes it answers");

        HttpResponse<String> created = c.post(base() + "/new", draftForm(token(blank)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(303);
        String page = created.headers().firstValue("Location").orElseThrow();
        String id = page.substring(base().length() + 1, page.indexOf('?'));
        HttpResponse<String> draft = c.get(page);
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(draft.body()).contains("The draft is saved").contains("Reading ease").contains(">Draft</strong>")
                .contains("comment|" + comments.get(0) + "|alone").contains(Words.EQUIPMENT_WAITS[0].substring(0, 30));

        // Cite the published words: the first on its own, two more as one group.
        Map<String, String> edit = draftForm(token(draft));
        edit.put("version", version(draft));
        String body = formBody(edit) + "&cite=" + enc("comment|" + comments.get(0) + "|alone")
                + "&cite=" + enc("comment|" + comments.get(1) + "|1") + "&cite=" + enc("comment|" + comments.get(2) + "|1");
        HttpResponse<String> saved = c.postRaw(page.substring(0, page.indexOf('?')), body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        JsonNode view = as(commissioner).get("/v1/areas/" + area + "/responses/" + id).json();
        assertThat(view.path("youSaid").path("comments")).hasSize(1);
        assertThat(view.path("youSaid").path("groups")).hasSize(1);
        assertThat(view.path("outcomes").get(0).path("id").asText()).isEqualTo(outcome);
        assertThat(view.path("indicators").get(0).path("id").asText()).isEqualTo(indicator);

        // The live plain-English check answers as a fragment.
        String responsePage = base() + "/" + id;
        HttpResponse<String> check = c.post(responsePage + "/wording", Map.of("csrf", c.formToken(),
                "title", "Equipment", "summary", "Families wait.",
                "weDid", "The wheelchair clinic was reviewed by the CCG and a new process was implemented to facilitate faster delivery."));
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("Reading ease").contains("Passive voice").doesNotContain("<html");

        // An action, and the publishing refused before sign-off.
        HttpResponse<String> shown = c.get(responsePage);
        String csrf = token(shown);
        assertThat(c.post(responsePage + "/actions", Map.of("csrf", csrf, "text", "Open a second wheelchair clinic", "owner", "nhs",
                "startsOn", LocalDate.now().toString(), "dueOn", LocalDate.now().plusMonths(3).toString())).statusCode()).isEqualTo(303);
        HttpResponse<String> badAction = c.post(responsePage + "/actions", Map.of("csrf", csrf, "text", "Something", "owner", "",
                "startsOn", LocalDate.now().toString(), "dueOn", LocalDate.now().toString()));
        assertThat(badAction.statusCode()).isEqualTo(400);
        assertThat(badAction.body()).contains("<title>Error: ").contains("govuk-error-summary").contains("href=\"#action-owner\"")
                .contains("Open a second wheelchair clinic");
        shown = c.get(responsePage);
        assertThat(shown.body()).contains("Open a second wheelchair clinic").contains("NHS").contains("due " + LocalDate.now().plusMonths(3).format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
        String action = as(commissioner).get("/v1/areas/" + area + "/responses/" + id).json().path("actions").get(0).path("id").asText();
        HttpResponse<String> badProgress = c.post(responsePage + "/actions/" + action, Map.of("csrf", csrf, "status", "in_progress",
                "progress", "most of it"));
        assertThat(badProgress.statusCode()).isEqualTo(400);
        assertThat(badProgress.body()).contains("govuk-error-summary").contains("href=\"#progress-" + action + "\"")
                .contains("id=\"progress-" + action + "\"");
        assertThat(as(commissioner).get("/v1/areas/" + area + "/responses/" + id).json().path("actions").get(0).path("status").asText())
                .isEqualTo("planned");
        HttpResponse<String> unsigned = c.post(responsePage + "/publish", Map.of("csrf", csrf, "version", version(shown)));
        assertThat(unsigned.statusCode()).isEqualTo(409);
        assertThat(unsigned.body()).contains("govuk-error-summary").contains("cannot be published").contains("href=\"#status\"")
                .contains("id=\"status\"");
        assertThat(c.post(responsePage + "/submit", Map.of("csrf", csrf, "version", version(shown))).statusCode()).isEqualTo(303);
        assertThat(as(commissioner).get("/v1/areas/" + area + "/responses/" + id).json().path("status").asText()).isEqualTo("awaiting_sign_off");

        // The forum lead finds it waiting and signs it off on its page.
        ConsoleBrowser l = new ConsoleBrowser(server.getURI());
        l.signIn(lead);
        HttpResponse<String> waiting = l.get(base());
        assertThat(waiting.statusCode()).isEqualTo(200);
        assertThat(waiting.body()).contains("Waiting for your sign-off (1)").contains("href=\"" + responsePage + "\"");
        HttpResponse<String> toSign = l.get(responsePage);
        assertThat(toSign.body()).contains("Sign it off").contains("Send it back").contains(Words.EQUIPMENT_WAITS[0].substring(0, 30))
                .doesNotContain("Save changes");
        HttpResponse<String> noReason = l.post(responsePage + "/send-back", Map.of("csrf", token(toSign), "version", version(toSign), "reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("href=\"#reason\"");
        HttpResponse<String> signed = l.post(responsePage + "/sign-off", Map.of("csrf", token(toSign), "version", version(toSign),
                "comment", "Agreed at the forum meeting"));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(303);
        assertThat(as(commissioner).get("/v1/areas/" + area + "/responses/" + id).json().path("status").asText()).isEqualTo("signed_off");

        // The commissioner publishes, then marks the action done; families see both in the app.
        shown = c.get(responsePage);
        assertThat(shown.body()).contains("Agreed at the forum meeting").contains("Publish to families");
        assertThat(c.post(responsePage + "/publish", Map.of("csrf", csrf, "version", version(shown))).statusCode()).isEqualTo(303);
        assertThat(c.get(responsePage + "?done=published").body()).contains("The response is published");
        assertThat(c.post(responsePage + "/actions/" + action, Map.of("csrf", csrf, "status", "done", "progress", "")).statusCode())
                .isEqualTo(303);
        assertThat(c.get(responsePage).body()).doesNotContain("Send to the forum")
                .contains(">Done</strong>").contains("100% done");
        // A published response is edited in place: the edit says what it changes and is published at once as a revision.
        HttpResponse<String> publishedPage = c.get(responsePage);
        assertThat(publishedPage.body()).contains("What this edit changes");
        Map<String, String> revised = draftForm(token(publishedPage));
        revised.put("version", version(publishedPage));
        revised.put("weDid", "We have added a second wheelchair clinic, on Saturdays too.");
        String cites = "&cite=" + enc("comment|" + comments.get(0) + "|alone");
        HttpResponse<String> noNote = c.postRaw(responsePage, formBody(revised) + cites);
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(noNote.body()).contains("govuk-error-summary").contains("href=\"#changeNote\"")
                .contains("on Saturdays too");
        revised.put("changeNote", "Added the Saturday clinic");
        HttpResponse<String> revisedSaved = c.postRaw(responsePage, formBody(revised) + cites);
        assertThat(revisedSaved.statusCode()).as(revisedSaved.body()).isEqualTo(303);
        JsonNode revision = as(commissioner).get("/v1/areas/" + area + "/responses/" + id).json();
        assertThat(revision.path("status").asText()).isEqualTo("published");
        assertThat(revision.path("revision").asInt()).isEqualTo(2);
        assertThat(revision.path("weDid").asText()).contains("on Saturdays too");
        assertThat(c.get(responsePage).body()).contains("Revision 2, updated since first published");
        JsonNode mine = as(families.get(0)).get("/v1/areas/" + area + "/me/responses").json().path("items").get(0).path("response");
        assertThat(mine.path("id").asText()).isEqualTo(id);
        assertThat(mine.path("status").asText()).isEqualTo("published");
        assertThat(mine.path("actions").get(0).path("status").asText()).isEqualTo("done");
        assertThat(c.get(base()).body()).contains("Published (1)");
    }

    @Test
    void othersAreRefusedEveryPageAndPostAndAPostWithoutTheTokenChangesNothing() throws Exception {
        String id = as(commissioner).post("/v1/areas/" + area + "/responses", """
                {"title":"Secret draft title","summary":"Families wait.","weDid":"We act.","themes":["%s"],"from":"%s","to":"%s","comments":["%s"]}"""
                .formatted(theme(), LocalDate.now().minusDays(30), LocalDate.now(), comments.get(0))).text("id");
        String page = base() + "/" + id;
        String action = as(commissioner).post("/v1/areas/" + area + "/responses/" + id + "/actions", """
                {"text":"Open a second clinic","owner":"nhs","startsOn":"%s","dueOn":"%s"}"""
                .formatted(LocalDate.now(), LocalDate.now().plusMonths(3))).text("id");
        int versionBefore = as(commissioner).get("/v1/areas/" + area + "/responses/" + id).json().path("version").asInt();
        Map<String, ConsoleBrowser> others = new HashMap<>();
        ConsoleBrowser admin = new ConsoleBrowser(server.getURI());
        admin.signIn(fixtures.member(area, "area_admin"));
        others.put("area_admin", admin);
        ConsoleBrowser family = new ConsoleBrowser(server.getURI());
        family.signIn(familyWhoIsStaffElsewhere(area));
        others.put("family", family);
        // A family with no staff role anywhere has no session: every page sends them to sign in.
        ConsoleBrowser onlyFamily = new ConsoleBrowser(server.getURI());
        assertThat(onlyFamily.signIn(families.get(0)).statusCode()).isEqualTo(403);
        assertThat(onlyFamily.get(page).headers().firstValue("Location")).hasValue("/console/sign-in");
        ConsoleBrowser otherArea = new ConsoleBrowser(server.getURI());
        otherArea.signIn(fixtures.member(fixtures.area(), "commissioner"));
        others.put("other area", otherArea);
        ConsoleBrowser leadBrowser = new ConsoleBrowser(server.getURI());
        leadBrowser.signIn(lead);

        for (Map.Entry<String, ConsoleBrowser> other : others.entrySet()) {
            ConsoleBrowser b = other.getValue();
            String who = other.getKey();
            if (!"area_admin".equals(who)) {
                for (String path : List.of(base(), page, base() + "/new")) {
                    HttpResponse<String> refused = b.get(path);
                    // A family is told a draft does not exist, as the API tells them.
                    assertThat(refused.statusCode()).as(who + " " + path).isIn(403, 404);
                    assertThat(refused.body()).doesNotContain("Secret draft title").doesNotContain("five months");
                }
            }
            String csrf = b.formToken();
            for (String step : List.of("", "/submit", "/publish", "/sign-off", "/send-back", "/actions", "/actions/" + action,
                    "/wording")) {
                Map<String, String> form = new HashMap<>(Map.of("csrf", csrf, "version", "1", "title", "Taken over",
                        "summary", "x", "weDid", "x", "themes", theme(), "from", LocalDate.now().toString(), "to", LocalDate.now().toString()));
                form.putAll(Map.of("reason", "no", "text", "x", "owner", "nhs", "status", "done", "progress", "100"));
                HttpResponse<String> refused = b.post(page + step, form);
                assertThat(refused.statusCode()).as(who + " " + step).isEqualTo(403);
                assertThat(refused.body()).doesNotContain("Secret draft title").doesNotContain("five months");
            }
            assertThat(b.post(base() + "/new", Map.of("csrf", csrf, "title", "x")).statusCode()).as(who).isEqualTo(403);
            assertThat(b.post(base() + "/wording", Map.of("csrf", csrf, "title", "x")).statusCode()).as(who).isEqualTo(403);
        }
        // A forum lead may not draft, edit, act or publish, only sign off or send back; a commissioner may not sign off.
        String leadToken = leadBrowser.formToken();
        String v = Integer.toString(versionBefore);
        Map<String, Map<String, String>> commissionersForms = Map.of(
                "", Map.of("csrf", leadToken, "version", v, "title", "Taken over", "summary", "x", "weDid", "x", "themes", theme(),
                        "from", LocalDate.now().toString(), "to", LocalDate.now().toString()),
                "/submit", Map.of("csrf", leadToken, "version", v),
                "/publish", Map.of("csrf", leadToken, "version", v),
                "/actions", Map.of("csrf", leadToken, "text", "x", "owner", "nhs", "startsOn", LocalDate.now().toString(),
                        "dueOn", LocalDate.now().toString()),
                "/actions/" + action, Map.of("csrf", leadToken, "status", "done"),
                "/wording", Map.of("csrf", leadToken, "title", "x"));
        for (Map.Entry<String, Map<String, String>> step : commissionersForms.entrySet()) {
            assertThat(leadBrowser.post(page + step.getKey(), step.getValue()).statusCode()).as("lead " + step.getKey()).isEqualTo(403);
        }
        assertThat(leadBrowser.post(base() + "/new", Map.of("csrf", leadToken, "title", "x")).statusCode()).isEqualTo(403);
        assertThat(leadBrowser.get(base() + "/new").statusCode()).isEqualTo(403);
        assertThat(leadBrowser.get(page).body()).doesNotContain("Save changes").doesNotContain("Add the action");
        // A draft is the commissioner's until it is sent: the forum's list does not offer it.
        assertThat(leadBrowser.get(base()).body()).contains("Waiting for your sign-off (0)").doesNotContain("Secret draft title");

        ConsoleBrowser c = new ConsoleBrowser(server.getURI());
        c.signIn(commissioner);
        String commissionerToken = c.formToken();
        for (String step : List.of("/sign-off", "/send-back")) {
            assertThat(c.post(page + step, Map.of("csrf", commissionerToken, "version", v, "reason", "no")).statusCode()).as(step)
                    .isEqualTo(403);
        }
        HttpResponse<String> noToken = c.post(page + "/submit", Map.of("version", "1"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("This form has expired");
        assertThat(c.post(page, Map.of("csrf", "forged", "version", v, "title", "Changed")).statusCode()).isEqualTo(403);
        assertThat(c.post(page + "/actions/" + action, Map.of("version", v, "status", "done")).statusCode()).isEqualTo(403);
        assertThat(c.post(page + "/actions", Map.of("csrf", "forged", "text", "Another", "owner", "nhs",
                "startsOn", LocalDate.now().toString(), "dueOn", LocalDate.now().toString())).statusCode()).isEqualTo(403);
        assertThat(c.post(base() + "/new", Map.of("title", "Another draft")).statusCode()).isEqualTo(403);
        JsonNode view = as(commissioner).get("/v1/areas/" + area + "/responses/" + id).json();
        assertThat(view.path("status").asText()).isEqualTo("draft");
        assertThat(view.path("title").asText()).isEqualTo("Secret draft title");
        assertThat(view.path("version").asInt()).isEqualTo(versionBefore);
        assertThat(view.path("actions")).hasSize(1);
        assertThat(view.path("actions").get(0).path("status").asText()).isEqualTo("planned");
        assertThat(as(commissioner).get("/v1/areas/" + area + "/responses?status=draft").json().path("items")).hasSize(1);
    }

    @Test
    void theForumSendsItBackWithAReasonAndTheCommissionerSendsItAgain() throws Exception {
        String api = "/v1/areas/" + area + "/responses/";
        String id = as(commissioner).post("/v1/areas/" + area + "/responses", """
                {"title":"Equipment without the long wait","summary":"Families wait.","weDid":"We act.","themes":["%s"],"from":"%s","to":"%s"}"""
                .formatted(theme(), LocalDate.now().minusDays(30), LocalDate.now())).text("id");
        int drafted = as(commissioner).get(api + id).json().path("version").asInt();
        Reply submitted = as(commissioner).post(api + id + "/submit", "{\"version\":" + drafted + "}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        String page = base() + "/" + id;

        ConsoleBrowser l = new ConsoleBrowser(server.getURI());
        l.signIn(lead);
        HttpResponse<String> toSign = l.get(page);
        HttpResponse<String> back = l.post(page + "/send-back", Map.of("csrf", token(toSign), "version", version(toSign),
                "reason", "Say when the second clinic opens"));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).hasValue(base() + "?done=sent-back");
        assertThat(l.get(base() + "?done=sent-back").body()).contains("You sent the response back")
                .contains("Waiting for your sign-off (0)");
        JsonNode view = as(commissioner).get(api + id).json();
        assertThat(view.path("status").asText()).isEqualTo("changes_requested");
        // Deciding again on the page shown before is refused on the page, pointing at where it stands.
        HttpResponse<String> late = l.post(page + "/sign-off", Map.of("csrf", token(toSign), "version", version(toSign)));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("govuk-error-summary").contains("href=\"#status\"").doesNotContain("Sign it off");
        assertThat(as(commissioner).get(api + id).json().path("status").asText()).isEqualTo("changes_requested");

        ConsoleBrowser c = new ConsoleBrowser(server.getURI());
        c.signIn(commissioner);
        HttpResponse<String> shown = c.get(page);
        assertThat(shown.body()).contains("Sent back by the forum").contains("Say when the second clinic opens")
                .contains("Send to the forum for sign-off");
        assertThat(c.post(page + "/submit", Map.of("csrf", token(shown), "version", version(shown))).statusCode()).isEqualTo(303);
        assertThat(as(commissioner).get(api + id).json().path("status").asText()).isEqualTo("awaiting_sign_off");
        assertThat(l.get(base()).body()).contains("Waiting for your sign-off (1)");
    }

    /** A member of {@code area} as a family who has a console session as a commissioner of another area. */
    String familyWhoIsStaffElsewhere(String area) {
        String uid = fixtures.member(fixtures.area(), "commissioner");
        fixtures.execute("insert into memberships (area_id, id, uid, role) values (?, ?, ?, ?)", area, java.util.UUID.randomUUID(),
                uid, "family");
        return uid;
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String formBody(Map<String, String> form) {
        return String.join("&", form.entrySet().stream().map(e -> e.getKey() + "=" + enc(e.getValue())).toList());
    }
}
