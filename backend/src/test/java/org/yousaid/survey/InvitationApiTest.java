package org.yousaid.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.notify.OutboxSender;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

/**
 * Invitations, the EHC-plan event and push delivery through the real Firebase Admin SDK's
 * FirebaseMessaging, whose HTTP calls are captured by {@code GoogleEndpoints}.
 */
@MicronautTest(transactional = false)
class InvitationApiTest extends ApiTest {

    @Inject
    OutboxSender sender;

    String area;
    String family;
    String commissioner;
    String forumLead;
    String token;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        family = fixtures.member(area, "family");
        commissioner = fixtures.member(area, "commissioner");
        forumLead = fixtures.member(area, "forum_lead");
        token = "fcm-" + UUID.randomUUID();
    }

    String base() {
        return "/v1/areas/" + area;
    }

    String publishedTemplate(String template) {
        String id = as(commissioner).post(base() + "/surveys", "{\"templateId\":\"" + template + "\"}").text("id");
        as(commissioner).post(base() + "/surveys/" + id + "/publish", null);
        return id;
    }

    Reply registerDevice(String uid, String deviceToken) {
        return as(uid).post(base() + "/me/devices", "{\"token\":\"" + deviceToken + "\",\"platform\":\"android\"}");
    }

    Reply ehcEvent(String eventId, String familyUid, String issuedOn) {
        return as(commissioner).post(base() + "/events/ehc-plan-issued",
                "{\"eventId\":\"" + eventId + "\",\"familyUid\":\"" + familyUid + "\",\"issuedOn\":\"" + issuedOn + "\"}");
    }

    void drain() {
        for (int i = 0; i < 1000 && sender.runOnce() != OutboxSender.Step.IDLE; i++) {
            // keep sending
        }
    }

    String outboxState(String deviceToken) {
        return fixtures.text("select state from notification_outbox where area_id = ? and token = ?", area, deviceToken);
    }

    @Test
    void devicesRegisterOnceAndOnlyTheirOwnerRemovesThem() {
        Reply first = registerDevice(family, token);
        Reply again = registerDevice(family, token);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(first.json().has("token")).isFalse();
        assertThat(as(family).get(base() + "/me/devices").json().path("items")).hasSize(1);
        assertThat(as(family).post(base() + "/me/devices", "{\"token\":\"t\",\"platform\":\"nokia\"}").code())
                .isEqualTo("notify.device_invalid");
        assertThat(as(family).post(base() + "/me/devices", "{\"platform\":\"ios\"}").code()).isEqualTo("notify.device_invalid");
        String other = fixtures.member(area, "family");
        assertThat(as(other).send("DELETE", base() + "/me/devices/" + first.text("id"), null, null).code())
                .isEqualTo("notify.device_not_found");
        assertThat(as(family).send("DELETE", base() + "/me/devices/" + first.text("id"), null, null).status()).isEqualTo(204);
        assertThat(as(family).get(base() + "/me/devices").json().path("items")).isEmpty();
    }

    @Test
    void anEhcPlanIssuedEventCreatesExactlyOneInvitationAndOnePush() {
        String survey = publishedTemplate("ehc-plan");
        registerDevice(family, token);
        String today = LocalDate.now().toString();

        Reply created = ehcEvent("case-1", family, today);
        Reply repeated = ehcEvent("case-1", family, today);
        Reply conflicting = ehcEvent("case-1", family, "2020-01-01");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("surveyId")).isEqualTo(survey);
        assertThat(created.json().path("notifications").asInt()).isEqualTo(1);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(repeated.text("invitationId")).isEqualTo(created.text("invitationId"));
        assertThat(conflicting.code()).isEqualTo("survey.event_conflict");
        assertThat(fixtures.count("select count(*) from invitations where area_id = ?", area)).isEqualTo(1);
        assertThat(outboxState(token)).isEqualTo("pending");

        drain();
        drain();

        assertThat(google.pushesTo(token)).hasSize(1);
        assertThat(google.pushesTo(token).get(0).body()).contains(created.text("invitationId")).contains("EHC plan survey");
        JsonNode log = as(commissioner).get(base() + "/notifications/outbox").json().path("items").get(0);
        assertThat(log.path("state").asText()).isEqualTo("sent");
        assertThat(log.path("messageId").asText()).startsWith("projects/yousaid-test/messages/");
        assertThat(log.path("data").path("invitationId").asText()).isEqualTo(created.text("invitationId"));
        JsonNode mine = as(family).get(base() + "/me/invitations").json().path("items").get(0);
        assertThat(mine.path("origin").asText()).isEqualTo("ehc_plan_issued");
        assertThat(mine.path("state").asText()).isEqualTo("sent");
    }

    @Test
    void theEventIsRefusedWithoutAnEhcSurveyOrAFamilyAndFromFamilies() {
        String today = LocalDate.now().toString();
        assertThat(ehcEvent("case-2", family, today).code()).isEqualTo("survey.no_ehc_plan_survey");
        publishedTemplate("ehc-plan");
        assertThat(ehcEvent("case-3", forumLead, today).code()).isEqualTo("survey.invitation_invalid");
        assertThat(ehcEvent("case-4", family, "2999-01-01").code()).isEqualTo("survey.invitation_invalid");
        assertThat(ehcEvent("", family, today).code()).isEqualTo("survey.invitation_invalid");
        assertThat(as(family).post(base() + "/events/ehc-plan-issued",
                "{\"eventId\":\"x\",\"familyUid\":\"" + family + "\",\"issuedOn\":\"" + today + "\"}").code())
                .isEqualTo("area.role_forbidden");
        String otherArea = fixtures.area();
        String otherCommissioner = fixtures.member(otherArea, "commissioner");
        assertThat(as(otherCommissioner).post(base() + "/events/ehc-plan-issued",
                "{\"eventId\":\"x\",\"familyUid\":\"" + family + "\",\"issuedOn\":\"" + today + "\"}").code())
                .isEqualTo("area.not_member");
        assertThat(fixtures.count("select count(*) from invitations where area_id = ?", area)).isZero();
    }

    @Test
    void aCohortIsInvitedOnceAndInvitationsMoveFromSentToOpenedToAnswered() {
        String survey = publishedTemplate("i-statements");
        String youngPerson = fixtures.member(area, "young_person");
        registerDevice(youngPerson, token);

        Reply first = as(forumLead).post(base() + "/surveys/" + survey + "/invitations", "{\"allFamilies\":true}");
        Reply second = as(forumLead).post(base() + "/surveys/" + survey + "/invitations", "{\"allFamilies\":true}");

        assertThat(first.json().path("invited").asInt()).isEqualTo(2);
        assertThat(first.json().path("notifications").asInt()).isEqualTo(1);
        assertThat(second.json().path("invited").asInt()).isZero();
        assertThat(second.json().path("alreadyInvited").asInt()).isEqualTo(2);
        String invitation = as(youngPerson).get(base() + "/me/invitations").json().path("items").get(0).path("id").asText();
        assertThat(as(youngPerson).post(base() + "/me/invitations/" + invitation + "/open", null).text("state")).isEqualTo("opened");
        assertThat(as(family).post(base() + "/me/invitations/" + invitation + "/open", null).code())
                .isEqualTo("survey.invitation_not_found");

        as(youngPerson).put(base() + "/surveys/" + survey + "/answers/" + UUID.randomUUID(),
                "{\"version\":1,\"submit\":true,\"answers\":{\"who\":\"young_person\",\"i_listened\":4}}");

        JsonNode states = as(commissioner).get(base() + "/surveys/" + survey + "/invitations").json().path("items");
        assertThat(states.findValuesAsText("state")).containsExactlyInAnyOrder("sent", "answered");
        assertThat(as(forumLead).post(base() + "/surveys/" + survey + "/invitations", "{\"uids\":[\"" + forumLead + "\"]}").code())
                .isEqualTo("survey.invitation_invalid");
        assertThat(as(family).post(base() + "/surveys/" + survey + "/invitations", "{\"allFamilies\":true}").code())
                .isEqualTo("area.role_forbidden");
        assertThat(as(family).get(base() + "/surveys/" + survey + "/invitations").code()).isEqualTo("area.role_forbidden");
    }

    @Test
    void anInvitationPastItsDateIsExpiredAndTheFamilyCanBeInvitedAgain() {
        String survey = publishedTemplate("annual-impact");
        as(forumLead).post(base() + "/surveys/" + survey + "/invitations", "{\"uids\":[\"" + family + "\"],\"expiresInDays\":7}");
        fixtures.execute("update invitations set expires_at = now() - interval '1 minute' where area_id = ?", area);

        assertThat(as(family).get(base() + "/me/invitations").json().path("items").get(0).path("state").asText()).isEqualTo("expired");
        Reply again = as(forumLead).post(base() + "/surveys/" + survey + "/invitations", "{\"uids\":[\"" + family + "\"]}");

        assertThat(again.json().path("invited").asInt()).isEqualTo(1);
        assertThat(as(family).get(base() + "/me/invitations").json().path("items").findValuesAsText("state"))
                .containsExactly("sent", "expired");
        assertThat(as(forumLead).post(base() + "/surveys/" + survey + "/invitations", "{\"allFamilies\":true,\"expiresInDays\":0}").code())
                .isEqualTo("survey.invitation_invalid");
    }

    @Test
    void aFailedPushIsRetriedWithBackoffAndSentOnce() {
        String survey = publishedTemplate("equipment");
        registerDevice(family, token);
        google.failNext(token, 1);
        as(forumLead).post(base() + "/surveys/" + survey + "/invitations", "{\"uids\":[\"" + family + "\"]}");

        drain();

        assertThat(outboxState(token)).isEqualTo("pending");
        assertThat(fixtures.text("select last_error from notification_outbox where area_id = ? and token = ?", area, token))
                .isEqualTo("QUOTA_EXCEEDED");
        assertThat(fixtures.count("select count(*) from notification_outbox where area_id = ? and token = ? and attempts = 1"
                + " and next_attempt_at > now() + interval '5 seconds'", area, token)).isEqualTo(1);
        assertThat(google.pushesTo(token)).isEmpty();

        fixtures.execute("update notification_outbox set next_attempt_at = now() where area_id = ? and token = ?", area, token);
        drain();
        drain();

        assertThat(outboxState(token)).isEqualTo("sent");
        assertThat(google.pushesTo(token)).hasSize(1);
    }

    @Test
    void anUnregisteredTokenIsDroppedAndItsDeviceRemoved() {
        String survey = publishedTemplate("equipment");
        registerDevice(family, token);
        String otherToken = "fcm-" + UUID.randomUUID();
        registerDevice(family, otherToken);
        google.unregister(token);

        as(forumLead).post(base() + "/surveys/" + survey + "/invitations", "{\"uids\":[\"" + family + "\"]}");
        drain();

        assertThat(outboxState(token)).isEqualTo("dropped");
        assertThat(outboxState(otherToken)).isEqualTo("sent");
        assertThat(fixtures.count("select count(*) from devices where area_id = ? and token = ?", area, token)).isZero();
        assertThat(as(family).get(base() + "/me/devices").json().path("items")).hasSize(1);
    }

    @Test
    void onlyStaffOfTheAreaReadTheOutboxAndFamiliesOnlyTheirOwnInvitations() {
        String survey = publishedTemplate("equipment");
        as(forumLead).post(base() + "/surveys/" + survey + "/invitations", "{\"uids\":[\"" + family + "\"]}");
        String other = fixtures.member(area, "family");
        String otherArea = fixtures.area();
        String otherLead = fixtures.member(otherArea, "forum_lead");

        assertThat(as(family).get(base() + "/notifications/outbox").code()).isEqualTo("area.role_forbidden");
        assertThat(as(forumLead).get(base() + "/notifications/outbox").code()).isEqualTo("area.role_forbidden");
        assertThat(as(commissioner).get(base() + "/notifications/outbox").status()).isEqualTo(200);
        assertThat(as(otherLead).get(base() + "/notifications/outbox").code()).isEqualTo("area.not_member");
        assertThat(as(other).get(base() + "/me/invitations").json().path("items")).isEmpty();
        String otherCommissioner = fixtures.member(otherArea, "commissioner");
        assertThat(as(otherCommissioner).get("/v1/areas/" + otherArea + "/surveys/" + survey + "/invitations").code())
                .isEqualTo("survey.not_found");
        assertThat(as(otherCommissioner).get(base() + "/surveys/" + survey + "/invitations").code()).isEqualTo("area.not_member");
        assertThat(as(otherLead).post(base() + "/surveys/" + survey + "/invitations", "{\"allFamilies\":true}").code())
                .isEqualTo("area.not_member");
    }

    @Test
    void forumLeadsSeeHowInvitationsAreGoingButNotWhichFamiliesHadAPlanIssued() {
        String ehc = publishedTemplate("ehc-plan");
        String other = fixtures.member(area, "family");
        ehcEvent("case-77", family, "2026-01-05");
        as(forumLead).post(base() + "/surveys/" + ehc + "/invitations", "{\"uids\":[\"" + other + "\"]}");
        as(other).post(base() + "/me/invitations/"
                + as(other).get(base() + "/me/invitations").json().path("items").get(0).path("id").asText() + "/open", null);
        String admin = fixtures.member(area, "area_admin");
        String otherArea = fixtures.area();
        String otherLead = fixtures.member(otherArea, "forum_lead");

        Reply listed = as(forumLead).get(base() + "/surveys/" + ehc + "/invitations");
        assertThat(listed.status()).isEqualTo(403);
        assertThat(listed.code()).isEqualTo("area.role_forbidden");
        assertThat(listed.json().toString()).doesNotContain(family).doesNotContain("ehc_plan_issued");
        Reply summary = as(forumLead).get(base() + "/surveys/" + ehc + "/invitations/summary");
        assertThat(summary.status()).isEqualTo(200);
        // Two invitations, one of them an EHC plan's: every count is withheld, none is worked out from another.
        for (String count : List.of("invited", "waiting", "opened", "answered", "expired")) {
            JsonNode c = summary.json().path(count);
            assertThat(c.path("suppressed").asBoolean() || c.path("value").asLong() == 0).as(count).isTrue();
        }
        assertThat(summary.json().path("invited").path("suppressed").asBoolean()).isTrue();
        assertThat(summary.json().path("waiting").path("suppressed").asBoolean()).isTrue();
        assertThat(summary.json().toString()).doesNotContain(family).doesNotContain("ehc");
        assertThat(as(forumLead).get(base() + "/notifications/outbox").code()).isEqualTo("area.role_forbidden");

        // Council staff see who and why.
        for (String staff : new String[] {commissioner, admin}) {
            JsonNode items = as(staff).get(base() + "/surveys/" + ehc + "/invitations").json().path("items");
            assertThat(items.findValuesAsText("origin")).containsExactlyInAnyOrder("ehc_plan_issued", "cohort");
            assertThat(items.findValuesAsText("inviteeUid")).containsExactlyInAnyOrder(family, other);
        }
        assertThat(as(family).get(base() + "/surveys/" + ehc + "/invitations/summary").code()).isEqualTo("area.role_forbidden");
        assertThat(as(otherLead).get(base() + "/surveys/" + ehc + "/invitations/summary").code()).isEqualTo("area.not_member");
        assertThat(as(otherLead).get("/v1/areas/" + otherArea + "/surveys/" + ehc + "/invitations/summary").code())
                .isEqualTo("survey.not_found");
    }

    @Test
    void everyInvitationListPagesWithABoundedLimit() {
        String survey = publishedTemplate("annual-impact");
        java.util.List<String> cohort = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cohort.add(fixtures.member(area, "family"));
        }
        as(forumLead).post(base() + "/surveys/" + survey + "/invitations", "{\"allFamilies\":true}");
        String path = base() + "/surveys/" + survey + "/invitations?limit=2";

        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Reply page = as(commissioner).get(path + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
            seen.addAll(page.json().path("items").findValuesAsText("inviteeUid"));
            cursor = page.json().path("nextCursor").isNull() ? null : page.text("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsAll(cohort).doesNotHaveDuplicates();
        String first = as(commissioner).get(path).text("nextCursor");
        assertThat(as(commissioner).get(base() + "/me/invitations?cursor=" + first).code()).isEqualTo("request.invalid_parameter");
        assertThat(as(commissioner).get(base() + "/surveys/" + survey + "/invitations?limit=1000").code()).isEqualTo("request.invalid");
    }

    @Test
    void devicesPageAndUnregisterWhateverTheAcceptHeader() {
        for (int i = 0; i < 3; i++) {
            registerDevice(family, "fcm-" + UUID.randomUUID());
        }
        Reply first = as(family).get(base() + "/me/devices?limit=2");
        Reply second = as(family).get(base() + "/me/devices?limit=2&cursor=" + first.text("nextCursor"));
        java.util.List<String> ids = new java.util.ArrayList<>(first.json().path("items").findValuesAsText("id"));
        ids.addAll(second.json().path("items").findValuesAsText("id"));
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();

        for (String accept : new String[] {"application/problem+json", "application/json", "*/*"}) {
            String id = ids.remove(0);
            Reply removed = as(family).header("Accept", accept).send("DELETE", base() + "/me/devices/" + id, null, null);
            assertThat(removed.status()).as(accept).isEqualTo(204);
        }
        assertThat(as(family).get(base() + "/me/devices").json().path("items")).isEmpty();
        Reply gone = as(family).header("Accept", "application/problem+json")
                .send("DELETE", base() + "/me/devices/" + UUID.randomUUID(), null, null);
        assertThat(gone.code()).isEqualTo("notify.device_not_found");
    }
}
