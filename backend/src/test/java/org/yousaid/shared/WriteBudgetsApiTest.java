package org.yousaid.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Tokens;

/**
 * A script's burst meets the budgets (small here, to be reached): 429 with a catalogued code and a
 * Retry-After, nothing stored for what was refused, and one account's budget is not another's.
 * The client checks each reply against the contract.
 */
@MicronautTest(transactional = false)
@Property(name = "yousaid.limits.comments", value = "5")
@Property(name = "yousaid.limits.writes", value = "8")
@Property(name = "yousaid.limits.joins", value = "4")
class WriteBudgetsApiTest extends ApiTest {

    @Test
    void oneAccountPostingInABurstIsToldToWaitAndNothingRefusedIsStored() {
        String area = fixtures.area();
        String family = fixtures.member(area, "family");
        List<Api.Reply> replies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            replies.add(as(family).header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/v1/areas/" + area + "/comments", json("body", "Comment number " + i + " about short breaks.")));
        }
        assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(5);
        List<Api.Reply> refused = replies.stream().filter(r -> r.status() == 429).toList();
        assertThat(refused).hasSize(25);
        assertThat(refused).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo("request.too_many");
            assertThat(Integer.parseInt(r.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 600);
        });
        assertThat(fixtures.count("select count(*) from comments where area_id = ? and author_uid = ?", area, family))
                .isEqualTo(5);

        // Another family of the same area posts as if nothing happened.
        String other = fixtures.member(area, "family");
        assertThat(as(other).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", json("body", "Our first comment.")).status()).isEqualTo(201);
        // Reading is never budgeted.
        assertThat(as(family).get("/v1/areas/" + area + "/comments").status()).isEqualTo(200);
    }

    @Test
    void everyKindOfWriteCountsTowardsTheAccountsBudget() {
        String area = fixtures.area();
        String family = fixtures.member(area, "family");
        String comment = postComment(family, area, "The equipment service took 14 weeks.");
        int ok = 1;
        Api.Reply last = null;
        for (int i = 0; i < 12 && (last == null || last.status() != 429); i++) {
            last = as(family).post("/v1/areas/" + area + "/comments/" + comment + "/withdraw", null);
            if (last.status() != 429) {
                ok++;
            }
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(ok).isEqualTo(8);
    }

    @Test
    void oneAddressJoiningOverAndOverIsToldToWait() {
        String area = fixtures.area();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(api().as(Tokens.idToken("new-" + UUID.randomUUID())).put("/v1/areas/" + area + "/membership",
                    "{\"role\":\"family\"}").status());
        }
        assertThat(statuses.subList(0, 4)).allMatch(s -> s == 201 || s == 200);
        assertThat(statuses.subList(4, 10)).containsOnly(429);
    }
}
