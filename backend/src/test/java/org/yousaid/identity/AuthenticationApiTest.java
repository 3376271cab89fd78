package org.yousaid.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Tokens;

/** Tokens are checked by the real Firebase Admin SDK against our test signing key. */
@MicronautTest(transactional = false)
class AuthenticationApiTest extends ApiTest {

    String area;
    String family;
    String wall;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        family = fixtures.member(area, "family");
        wall = "/v1/areas/" + area + "/comments";
    }

    @Test
    void aValidTokenIsAccepted() {
        assertThat(api().as(Tokens.idToken(family)).get(wall).status()).isEqualTo(200);
    }

    @Test
    void noTokenIsRefused() {
        Reply reply = api().get(wall);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("auth.token_missing");
        assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(api().header("Authorization", "Basic Zm9vOmJhcg==").get(wall).code()).isEqualTo("auth.token_missing");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertThat(api().as(Tokens.expired(family)).get(wall).code()).isEqualTo("auth.token_expired");
    }

    @Test
    void aTokenNotSignedByGoogleIsRefused() {
        assertThat(api().as(Tokens.signedByStranger(family)).get(wall).code()).isEqualTo("auth.token_invalid");
        assertThat(api().as("not.a.jwt").get(wall).code()).isEqualTo("auth.token_invalid");
        assertThat(api().as("garbage").get(wall).code()).isEqualTo("auth.token_invalid");
    }

    @Test
    void devTokensAreRefusedOutsideDev() {
        assertThat(api().as("dev:" + family).get(wall).code()).isEqualTo("auth.token_invalid");
    }

    @Test
    void aRevokedTokenIsRefusedForStaffActions() {
        String forumLead = fixtures.member(area, "forum_lead");
        String token = Tokens.issuedAt(forumLead, Instant.now().minusSeconds(60));
        String id = as(family).header("Idempotency-Key", UUID.randomUUID().toString()).post(wall, json("body", "hello")).text("id");
        assertThat(api().as(token).get("/v1/areas/" + area + "/moderation/queue").status()).isEqualTo(200);

        google.revoke(forumLead);

        Reply refused = api().as(token).post("/v1/areas/" + area + "/moderation/items/comment/" + id + "/publish", "{\"version\":1}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("auth.token_revoked");
        assertThat(as(family).get("/v1/areas/" + area + "/comments/" + id).text("status")).isEqualTo("pending_review");
    }

    @Test
    void aDisabledStaffAccountIsRefused() {
        String admin = fixtures.member(area, "area_admin");
        google.disable(admin);

        assertThat(as(admin).put("/v1/areas/" + area + "/members/someone", json("role", "forum_lead")).code())
                .isEqualTo("auth.user_disabled");
    }

    @Test
    void healthNeedsNoToken() {
        assertThat(api().get("/health").status()).isEqualTo(200);
        assertThat(api().get("/health/liveness").status()).isEqualTo(200);
        assertThat(api().get("/health/readiness").status()).isEqualTo(200);
        assertThat(api().get("/v1/nothing-here").code()).isEqualTo("auth.token_missing");
        assertThat(as(family).get("/v1/nothing-here").code()).isEqualTo("request.not_found");
    }
}
