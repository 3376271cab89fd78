package org.yousaid.area;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.UUID;
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
}
