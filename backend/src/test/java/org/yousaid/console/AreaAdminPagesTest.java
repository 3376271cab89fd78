package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api;
import org.yousaid.testing.ApiTest;

/**
 * The area admin's pages: members and roles, settings, the push outbox and the audit log, through
 * the same services as the API; everyone else is refused, and a form without its token changes nothing.
 */
@MicronautTest(transactional = false)
class AreaAdminPagesTest extends ApiTest {

    private String roleOf(String area, String uid) {
        Api.Reply reply = as(uid).get("/v1/areas/" + area + "/membership");
        return reply.status() == 200 ? reply.text("role") : reply.code();
    }

    private ConsoleBrowser signedIn(String uid) throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser(server.getURI());
        assertThat(browser.signIn(uid).statusCode()).isEqualTo(303);
        return browser;
    }

    @Test
    void anAdminGrantsAndChangesRolesAndTheAreaKeepsItsLastAdmin() throws Exception {
        String area = fixtures.area();
        String admin = fixtures.member(area, "area_admin");
        String lead = fixtures.member(area, "forum_lead");
        String family = fixtures.member(area, "family");
        String members = "/console/areas/" + area + "/members";
        ConsoleBrowser browser = signedIn(admin);
        assertThat(browser.get("/console/areas/" + area).body()).contains("href=\"" + members + "\"");

        HttpResponse<String> list = browser.get(members);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<title>Members – YouSaid console</title>").contains(admin).contains(lead)
                .contains("Forum lead").contains("Area admin").contains("<caption").doesNotContain(family);

        String newcomer = "newcomer-" + UUID.randomUUID();
        HttpResponse<String> granted = browser.post(members, Map.of("csrf", browser.formToken(), "uid", newcomer, "role", "commissioner"));
        assertThat(granted.statusCode()).isEqualTo(303);
        assertThat(granted.headers().firstValue("Location")).hasValue(members + "?done=granted");
        assertThat(roleOf(area, newcomer)).isEqualTo("commissioner");
        assertThat(browser.get(members + "?done=granted").body()).contains("The role was saved.").contains(newcomer);

        HttpResponse<String> changePage = browser.get(members + "/" + newcomer);
        assertThat(changePage.statusCode()).isEqualTo(200);
        assertThat(changePage.body()).contains("<title>Change a role – YouSaid console</title>").contains("Family member: no staff access");
        assertThat(browser.post(members + "/" + newcomer, Map.of("csrf", browser.formToken(), "role", "forum_lead")).statusCode()).isEqualTo(303);
        assertThat(roleOf(area, newcomer)).isEqualTo("forum_lead");
        assertThat(browser.get(members + "/" + family).statusCode()).isEqualTo(404);

        // The last admin cannot give their role away: a GOV.UK error on the role, nothing changed.
        HttpResponse<String> lastAdmin = browser.post(members + "/" + admin, Map.of("csrf", browser.formToken(), "role", "commissioner"));
        assertThat(lastAdmin.statusCode()).isEqualTo(409);
        assertThat(lastAdmin.body()).contains("<title>Error: Change a role – YouSaid console</title>").contains("govuk-error-summary")
                .contains("href=\"#role\"").contains("last area admin").contains("govuk-form-group--error");
        assertThat(roleOf(area, admin)).isEqualTo("area_admin");

        // Bad input: the error summary links to the field, the values are kept.
        HttpResponse<String> noUid = browser.post(members, Map.of("csrf", browser.formToken(), "uid", " ", "role", "forum_lead"));
        assertThat(noUid.statusCode()).isEqualTo(400);
        assertThat(noUid.body()).contains("<title>Error: Members").contains("href=\"#uid\"").contains("id=\"uid-error\"");
        HttpResponse<String> noRole = browser.post(members, Map.of("csrf", browser.formToken(), "uid", "someone-else"));
        assertThat(noRole.statusCode()).isEqualTo(400);
        assertThat(noRole.body()).contains("href=\"#role\"").contains("value=\"someone-else\"");
        assertThat(roleOf(area, "someone-else")).isEqualTo("area.not_member");

        // A form without its token, or with another, changes nothing.
        for (Map<String, String> form : List.of(Map.of("uid", "sneaky", "role", "area_admin"),
                Map.of("csrf", "x".repeat(43), "uid", "sneaky", "role", "area_admin"))) {
            HttpResponse<String> refused = browser.post(members, form);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("This form has expired");
        }
        assertThat(browser.post(members + "/" + lead, Map.of("role", "commissioner")).statusCode()).isEqualTo(403);
        assertThat(roleOf(area, "sneaky")).isEqualTo("area.not_member");
        assertThat(roleOf(area, lead)).isEqualTo("forum_lead");
    }

    @Test
    void theLastForumLeadStaysWhileASafeguardingCaseIsOpen() throws Exception {
        String area = fixtures.area();
        String admin = fixtures.member(area, "area_admin");
        String lead = fixtures.member(area, "forum_lead");
        fixtures.execute("insert into safeguarding_cases (area_id, content_type, content_id, status, flagged_at, model_version)"
                + " values (?, 'comment', ?, 'new', now(), 'test')", area, UUID.randomUUID());
        ConsoleBrowser browser = signedIn(admin);
        HttpResponse<String> refused = browser.post("/console/areas/" + area + "/members/" + lead,
                Map.of("csrf", browser.formToken(), "role", "commissioner"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("govuk-error-summary").contains("href=\"#role\"").contains("last forum lead");
        assertThat(roleOf(area, lead)).isEqualTo("forum_lead");
    }

    @Test
    void anAdminSetsTheContactAndSupportLinesWithErrorsLinkedToTheirFields() throws Exception {
        String area = fixtures.area();
        String admin = fixtures.member(area, "area_admin");
        String settings = "/console/areas/" + area + "/settings";
        ConsoleBrowser browser = signedIn(admin);

        HttpResponse<String> page = browser.get(settings);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Area settings – YouSaid console</title>").contains("The area has no safeguarding contact")
                .contains("Families are shown the national lines now").contains("safe default").contains("Childline")
                .contains("id=\"line-0-name\"");

        Map<String, String> form = new HashMap<>(Map.of("csrf", browser.formToken(), "contact-name", "Priya Shah",
                "contact-role", "Designated safeguarding lead", "contact-phone", "01632 960 123", "contact-email", "",
                "lines", "own", "line-0-name", "Essex SENDIASS", "line-0-for", "parents of children with SEND",
                "line-0-phone", "0333 013 8913", "line-0-hours", "Monday to Friday, 9am to 5pm"));
        form.putAll(Map.of("line-0-text", "", "line-0-url", ""));
        HttpResponse<String> saved = browser.post(settings, form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).hasValue(settings + "?done=saved");
        Api.Reply now = as(admin).get("/v1/areas/" + area + "/settings");
        assertThat(now.json().path("safeguardingContact").path("name").asText()).isEqualTo("Priya Shah");
        assertThat(now.json().path("supportLines").get(0).path("name").asText()).isEqualTo("Essex SENDIASS");
        assertThat(now.json().path("supportLines").get(0).path("url").isNull()).isTrue();
        assertThat(now.json().path("nationalDefaults").asBoolean()).isFalse();
        HttpResponse<String> after = browser.get(settings + "?done=saved");
        assertThat(after.body()).contains("The area\u2019s settings were saved.").contains("value=\"Essex SENDIASS\"")
                .contains("id=\"line-1-name\"").doesNotContain("The area has no safeguarding contact");

        // A line without a way to reach it, and a contact without a role: each error links to its field.
        HttpResponse<String> bad = browser.post(settings, Map.of("csrf", browser.formToken(), "contact-name", "Someone",
                "contact-role", "", "lines", "own", "line-0-name", "Essex SENDIASS", "line-0-for", "parents",
                "line-1-name", "Half a line", "line-1-for", "anyone"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("<title>Error: Area settings").contains("href=\"#contact-name\"").contains("href=\"#line-0-name\"")
                .contains("href=\"#line-1-name\"").contains("value=\"Half a line\"").contains("govuk-input--error");
        HttpResponse<String> noChoice = browser.post(settings, Map.of("csrf", browser.formToken(), "line-0-name", ""));
        assertThat(noChoice.statusCode()).isEqualTo(400);
        assertThat(noChoice.body()).contains("href=\"#lines\"");
        assertThat(as(admin).get("/v1/areas/" + area + "/settings").json().path("supportLines").get(0).path("phone").asText())
                .isEqualTo("0333 013 8913");

        // Back to the national lines: the contact stays.
        assertThat(browser.post(settings, Map.of("csrf", browser.formToken(), "lines", "national", "line-0-name", "Essex SENDIASS"))
                .statusCode()).isEqualTo(303);
        Api.Reply national = as(admin).get("/v1/areas/" + area + "/settings");
        assertThat(national.json().path("nationalDefaults").asBoolean()).isTrue();
        assertThat(national.json().path("safeguardingContact").path("name").asText()).isEqualTo("Priya Shah");

        // The privacy notice: a web address that is not https is refused at its field; a good one is
        // shown to families beside the area, and kept when the form is saved again without it.
        HttpResponse<String> plain = browser.post(settings, Map.of("csrf", browser.formToken(), "lines", "national",
                "notice-url", "http://example.org/privacy", "notice-updated", "2026-12-01"));
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("href=\"#notice-url\"").contains("value=\"http://example.org/privacy\"");
        HttpResponse<String> badDate = browser.post(settings, Map.of("csrf", browser.formToken(), "lines", "national",
                "notice-url", "https://example.org/privacy", "notice-updated", "1 December"));
        assertThat(badDate.body()).contains("href=\"#notice-updated\"");
        assertThat(browser.post(settings, Map.of("csrf", browser.formToken(), "lines", "national",
                "notice-url", "https://example.org/privacy", "notice-updated", "2026-12-01")).statusCode()).isEqualTo(303);
        assertThat(as(admin).get("/v1/areas/" + area + "/settings").json().path("privacyNotice").path("url").asText())
                .isEqualTo("https://example.org/privacy");
        assertThat(browser.post(settings, Map.of("csrf", browser.formToken(), "lines", "national")).statusCode()).isEqualTo(303);
        assertThat(browser.get(settings).body()).contains("value=\"https://example.org/privacy\"").contains("value=\"2026-12-01\"");

        // Without the form token nothing changes.
        assertThat(browser.post(settings, Map.of("contact-name", "Mallory", "contact-role", "x", "lines", "national")).statusCode())
                .isEqualTo(403);
        assertThat(as(admin).get("/v1/areas/" + area + "/settings").json().path("safeguardingContact").path("name").asText())
                .isEqualTo("Priya Shah");
    }

    @Test
    void anAdminReadsThePushOutboxWithoutTokensOrRecipients() throws Exception {
        String area = fixtures.area();
        String admin = fixtures.member(area, "area_admin");
        String family = fixtures.member(area, "family");
        String token = "device-token-" + UUID.randomUUID();
        String queued = "2026-03-02T10:15:00Z";
        String data = "{\"kind\":\"survey_invitation\",\"surveyId\":\"" + UUID.randomUUID() + "\"}";
        for (String[] row : new String[][] {{"sent", "m-1", null}, {"sent", "m-2", null}, {"dropped", null, "UNREGISTERED"}}) {
            fixtures.execute("""
                    insert into notification_outbox (area_id, id, uid, device_id, token, title, body, data, state, attempts,
                        next_attempt_at, message_id, last_error, created_at)
                    values (?, ?, ?, ?, ?, 'A survey for you: Short breaks', 'Tell us what you think.', cast(? as jsonb), ?, 1,
                        cast(? as timestamptz), ?, ?, cast(? as timestamptz))""",
                    area, UUID.randomUUID(), family, UUID.randomUUID(), token, data, row[0], queued, row[1], row[2], queued);
        }
        ConsoleBrowser browser = signedIn(admin);
        HttpResponse<String> page = browser.get("/console/areas/" + area + "/outbox");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Push outbox – YouSaid console</title>").contains("A survey for you: Short breaks")
                .contains("Survey invitation").contains("2 sent").contains("1 phone no longer registered")
                .contains("The app was removed from the phone").contains("2 Mar 2026, 10:15")
                .doesNotContain(token).doesNotContain(family).doesNotContain("Tell us what you think");
    }

    @Test
    void anAdminReadsTheAuditLogByActionAndPage() throws Exception {
        String area = fixtures.area();
        String admin = fixtures.member(area, "area_admin");
        ConsoleBrowser browser = signedIn(admin);
        String audit = "/console/areas/" + area + "/audit";
        browser.post("/console/areas/" + area + "/members", Map.of("csrf", browser.formToken(), "uid", "granted-one", "role", "forum_lead"));
        browser.post("/console/areas/" + area + "/settings", Map.of("csrf", browser.formToken(), "contact-name", "Priya Shah",
                "contact-role", "Designated safeguarding lead", "contact-email", "priya@example.org", "lines", "national"));

        HttpResponse<String> page = browser.get(audit);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Audit log – YouSaid console</title>").contains("membership.grant")
                .contains("area.settings").contains("granted-one").contains("role: forum_lead").contains(admin)
                .contains("Gave someone a role").contains("Changed the area&#39;s settings");
        assertThat(browser.get(audit + "?action=membership.").body()).contains("membership.grant").doesNotContain("area.settings");

        HttpResponse<String> bad = browser.get(audit + "?action=Drop+table");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("<title>Error: Audit log").contains("href=\"#action\"").contains("value=\"Drop table\"")
                .doesNotContain("granted-one");

        for (int i = 0; i < AuditPages.PAGE + 5; i++) {
            fixtures.execute("insert into audit_log (id, area_id, at, actor_uid, action, detail) values (?, ?, now() - make_interval(secs => ?), ?,"
                    + " 'survey.invite', '{}'::jsonb)", UUID.randomUUID(), area, i + 1, admin);
        }
        HttpResponse<String> first = browser.get(audit + "?action=survey.");
        java.util.regex.Matcher older = java.util.regex.Pattern.compile("href=\"([^\"]*cursor=[^\"]+)\"").matcher(first.body());
        assertThat(older.find()).isTrue();
        HttpResponse<String> second = browser.get(older.group(1).replace("&amp;", "&"));
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Older entries for survey.").contains("Newest entries");
    }

    @Test
    void everyoneButTheAreasAdminIsRefusedOnEveryPageAndForm() throws Exception {
        String area = fixtures.area();
        String admin = fixtures.member(area, "area_admin");
        String base = "/console/areas/" + area;
        List<String> pages = List.of(base + "/members", base + "/members/" + admin, base + "/settings", base + "/outbox", base + "/audit");
        String otherAdmin = fixtures.member(fixtures.area(), "area_admin");
        String lead = fixtures.member(area, "forum_lead");
        // The forum answers for its desk: its leads read the audit log, and nothing else of the admin's.
        assertThat(signedIn(lead).get(base + "/audit").statusCode()).isEqualTo(200);
        for (String uid : List.of(lead, fixtures.member(area, "commissioner"), otherAdmin)) {
            ConsoleBrowser browser = signedIn(uid);
            for (String path : pages) {
                if (uid.equals(lead) && path.endsWith("/audit")) {
                    continue;
                }
                HttpResponse<String> refused = browser.get(path);
                assertThat(refused.statusCode()).as(uid + " " + path).isEqualTo(403);
                assertThat(refused.body()).as(path).doesNotContain(admin);
            }
            assertThat(browser.post(base + "/members", Map.of("csrf", browser.formToken(), "uid", uid, "role", "area_admin")).statusCode())
                    .isEqualTo(403);
            assertThat(browser.post(base + "/members", Map.of("csrf", browser.formToken(), "uid", "", "role", "")).statusCode())
                    .isEqualTo(403);
            assertThat(browser.post(base + "/members/" + admin, Map.of("csrf", browser.formToken(), "role", "family")).statusCode())
                    .isEqualTo(403);
            assertThat(browser.post(base + "/settings", Map.of("csrf", browser.formToken(), "contact-name", "Mallory",
                    "contact-role", "x", "contact-email", "m@example.org", "lines", "national")).statusCode()).isEqualTo(403);
            assertThat(browser.post(base + "/settings", Map.of("csrf", browser.formToken(), "lines", "neither")).statusCode())
                    .isEqualTo(403);
        }
        assertThat(roleOf(area, admin)).isEqualTo("area_admin");
        assertThat(roleOf(area, otherAdmin)).isEqualTo("area.not_member");
        assertThat(as(admin).get(base.replace("/console", "/v1") + "/settings").json().path("safeguardingContact").isNull()).isTrue();

        // A family cannot hold a console session at all: every page and form sends them to sign in.
        String family = fixtures.member(area, "family");
        ConsoleBrowser familyBrowser = new ConsoleBrowser(server.getURI());
        assertThat(familyBrowser.signIn(family).statusCode()).isEqualTo(403);
        for (String path : pages) {
            assertThat(familyBrowser.get(path).headers().firstValue("Location")).as(path).hasValue("/console/sign-in");
        }
        assertThat(familyBrowser.post(base + "/members", Map.of("csrf", familyBrowser.formToken(), "uid", family, "role", "area_admin"))
                .headers().firstValue("Location")).hasValue("/console/sign-in");
        assertThat(roleOf(area, family)).isEqualTo("family");
    }
}
