package org.yousaid.area;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Tokens;

@MicronautTest(transactional = false)
class MembershipApiTest extends ApiTest {

    String area;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
    }

    @Test
    void anAnonymousParentJoinsAsAFamilyAndCanPostAtOnce() {
        String uid = "anon-" + UUID.randomUUID();
        Api parent = api().as(Tokens.anonymous(uid));

        Reply joined = parent.put("/v1/areas/" + area + "/membership", json("role", "family"));
        Reply again = parent.put("/v1/areas/" + area + "/membership", json("role", "family"));

        assertThat(joined.status()).isEqualTo(201);
        assertThat(joined.text("role")).isEqualTo("family");
        assertThat(again.status()).isEqualTo(200);
        assertThat(parent.get("/v1/me/memberships").json().path("items")).hasSize(1);
        assertThat(parent.get("/v1/areas/" + area + "/membership").text("areaName")).startsWith("Test area");
        assertThat(parent.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", json("body", "Hello from a new parent.")).status()).isEqualTo(201);
    }

    @Test
    void staffRolesCannotBeSelfChosen() {
        String uid = "x-" + UUID.randomUUID();
        for (String role : new String[] {"forum_lead", "commissioner", "area_admin"}) {
            assertThat(as(uid).put("/v1/areas/" + area + "/membership", json("role", role)).code()).isEqualTo("area.role_not_self_service");
        }
        assertThat(as(uid).put("/v1/areas/" + area + "/membership", json("role", "wizard")).code()).isEqualTo("request.invalid");
        assertThat(as(uid).put("/v1/areas/" + area + "/membership", "{}").code()).isEqualTo("request.invalid");
        assertThat(as(uid).get("/v1/me/memberships").json().path("items")).isEmpty();
    }

    @Test
    void joiningWithAnotherRoleIsAConflict() {
        String uid = fixtures.member(area, "family");
        assertThat(as(uid).put("/v1/areas/" + area + "/membership", json("role", "young_person")).code()).isEqualTo("area.already_member");
    }

    @Test
    void joiningAnUnknownAreaIsNotFound() {
        assertThat(as("someone").put("/v1/areas/nowhere-at-all/membership", json("role", "family")).code()).isEqualTo("area.not_found");
        assertThat(as("someone").get("/v1/areas/nowhere-at-all/membership").code()).isEqualTo("area.not_found");
    }

    @Test
    void anAreaAdminGrantsRolesInTheirOwnAreaOnly() {
        String admin = fixtures.member(area, "area_admin");
        String newcomer = "lead-" + UUID.randomUUID();

        Reply granted = as(admin).put("/v1/areas/" + area + "/members/" + newcomer, json("role", "forum_lead"));
        assertThat(granted.status()).isEqualTo(201);
        assertThat(as(newcomer).get("/v1/areas/" + area + "/moderation/queue").status()).isEqualTo(200);

        Reply changed = as(admin).put("/v1/areas/" + area + "/members/" + newcomer, json("role", "commissioner"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("role")).isEqualTo("commissioner");
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ? and action = 'membership.grant'", area)).isEqualTo(2);

        String otherArea = fixtures.area();
        assertThat(as(admin).put("/v1/areas/" + otherArea + "/members/" + newcomer, json("role", "forum_lead")).code())
                .isEqualTo("area.not_member");
    }

    @Test
    void onlyAreaAdminsGrant() {
        for (String role : new String[] {"family", "young_person", "forum_lead", "commissioner"}) {
            String uid = fixtures.member(area, role);
            assertThat(as(uid).put("/v1/areas/" + area + "/members/" + uid, json("role", "area_admin")).code())
                    .isEqualTo("area.role_forbidden");
        }
    }

    @Test
    void membershipsAreOnlyOnesOwn() {
        String family = fixtures.member(area, "family");
        String otherArea = fixtures.area();
        String stranger = fixtures.member(otherArea, "family");

        assertThat(as(stranger).get("/v1/areas/" + area + "/membership").code()).isEqualTo("area.not_member");
        assertThat(as(stranger).get("/v1/me/memberships").json().path("items")).hasSize(1);
        assertThat(as(stranger).get("/v1/me/memberships").json().path("items").get(0).path("areaId").asText()).isEqualTo(otherArea);
        assertThat(as(family).get("/v1/me/memberships").json().path("items").get(0).path("areaId").asText()).isEqualTo(area);
    }

    @Test
    void theAreasAreListedForTheJoinScreenOnePageAtATime() {
        String second = fixtures.area();
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Reply page = as("newcomer").get("/v1/areas?limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().path("items").size()).isLessThanOrEqualTo(7);
            page.json().path("items").forEach(a -> seen.add(a.path("id").asText()));
            cursor = page.json().path("nextCursor").isNull() ? null : page.text("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(seen).contains(area, second).doesNotHaveDuplicates();
        assertThat(as("someone-else").get("/v1/areas?limit=7&cursor="
                + as("newcomer").get("/v1/areas?limit=1").text("nextCursor")).code()).isEqualTo("request.invalid_parameter");
        assertThat(as("newcomer").get("/v1/areas?limit=101").code()).isEqualTo("request.invalid");
    }

    long admins(String areaId) {
        return fixtures.count("select count(*) from memberships where area_id = ? and role = 'area_admin'", areaId);
    }

    @Test
    void theLastAreaAdminCannotBeDemotedNorDemoteThemselves() {
        String first = fixtures.member(area, "area_admin");
        String second = fixtures.member(area, "area_admin");

        assertThat(as(second).put("/v1/areas/" + area + "/members/" + first, json("role", "family")).status()).isEqualTo(200);
        Reply itself = as(second).put("/v1/areas/" + area + "/members/" + second, json("role", "commissioner"));

        assertThat(itself.status()).isEqualTo(409);
        assertThat(itself.code()).isEqualTo("area.last_admin");
        assertThat(admins(area)).isEqualTo(1);
        assertThat(as(first).put("/v1/areas/" + area + "/members/" + second, json("role", "family")).code())
                .isEqualTo("area.role_forbidden");
        // Granting the role already held changes nothing and is not a demotion.
        assertThat(as(second).put("/v1/areas/" + area + "/members/" + second, json("role", "area_admin")).status()).isEqualTo(200);
        // Another admin first, then the old one may step down.
        assertThat(as(second).put("/v1/areas/" + area + "/members/" + first, json("role", "area_admin")).status()).isEqualTo(200);
        assertThat(as(second).put("/v1/areas/" + area + "/members/" + second, json("role", "family")).status()).isEqualTo(200);
        assertThat(admins(area)).isEqualTo(1);
    }

    @Test
    void twoAdminsDemotingEachOtherAtOnceLeaveOneOfThem() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String areaId = fixtures.area();
                String a = fixtures.member(areaId, "area_admin");
                String b = fixtures.member(areaId, "area_admin");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Reply>> replies = List.of(
                        pool.submit(() -> {
                            start.await();
                            return as(a).put("/v1/areas/" + areaId + "/members/" + b, json("role", "family"));
                        }),
                        pool.submit(() -> {
                            start.await();
                            return as(b).put("/v1/areas/" + areaId + "/members/" + a, json("role", "family"));
                        }));
                start.countDown();
                Reply one = replies.get(0).get();
                Reply other = replies.get(1).get();

                assertThat(List.of(one.status(), other.status())).as(one + " / " + other).containsExactlyInAnyOrder(200, 403);
                Reply refused = one.status() == 200 ? other : one;
                assertThat(refused.code()).isEqualTo("area.role_forbidden");
                assertThat(admins(areaId)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLastForumLeadStaysWhileASafeguardingCaseIsOpen() {
        String admin = fixtures.member(area, "area_admin");
        String lead = fixtures.member(area, "forum_lead");
        String family = fixtures.member(area, "family");
        postComment(family, area, "My daughter says she wants to die and has started cutting herself.");
        analyseAll();
        assertThat(fixtures.count("select count(*) from safeguarding_cases where area_id = ? and status <> 'handled'", area))
                .isEqualTo(1);

        Reply refused = as(admin).put("/v1/areas/" + area + "/members/" + lead, json("role", "family"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("area.last_forum_lead");
        assertThat(as(lead).get("/v1/areas/" + area + "/moderation/safeguarding").status()).isEqualTo(200);
        // With a second forum lead, the first may go.
        String next = fixtures.member(area, "forum_lead");
        assertThat(as(admin).put("/v1/areas/" + area + "/members/" + lead, json("role", "family")).status()).isEqualTo(200);
        assertThat(as(admin).put("/v1/areas/" + area + "/members/" + next, json("role", "commissioner")).code())
                .isEqualTo("area.last_forum_lead");

        // An area with no open case may be left without a forum lead for a while.
        String quiet = fixtures.area();
        String quietAdmin = fixtures.member(quiet, "area_admin");
        String quietLead = fixtures.member(quiet, "forum_lead");
        assertThat(as(quietAdmin).put("/v1/areas/" + quiet + "/members/" + quietLead, json("role", "family")).status())
                .isEqualTo(200);
    }
}
