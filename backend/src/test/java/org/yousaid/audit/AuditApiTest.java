package org.yousaid.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;

/** The audit log: written by every action, read by area admins a page at a time, changed by nobody. */
@MicronautTest(transactional = false)
class AuditApiTest extends ApiTest {

    String area;
    String family;
    String forumLead;
    String admin;

    @BeforeEach
    void setUp() {
        area = fixtures.area();
        family = fixtures.member(area, "family");
        forumLead = fixtures.member(area, "forum_lead");
        admin = fixtures.member(area, "area_admin");
    }

    String audit(String query) {
        return "/v1/areas/" + area + "/audit" + query;
    }

    @Test
    void areaAdminsReadWhoDidWhatNewestFirstWithBeforeAndAfter() {
        String id = as(family).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", json("body", "The school bus was late again.")).text("id");
        analyseAll();
        publishComment(forumLead, area, id, "");
        as(admin).put("/v1/areas/" + area + "/members/" + fixtures.member(area, "family"), json("role", "forum_lead"));

        Reply page = as(admin).get(audit(""));
        assertThat(page.status()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        page.json().path("items").forEach(e -> actions.add(e.path("action").asText()));
        assertThat(actions.get(actions.size() - 1)).isEqualTo("moderation.publish");
        JsonNode publish = as(admin).get(audit("?action=moderation.")).json().path("items").get(0);
        assertThat(publish.path("actorUid").asText()).isEqualTo(forumLead);
        assertThat(publish.path("contentId").asText()).isEqualTo(id);
        assertThat(publish.path("detail").path("before").asText()).isEqualTo("pending_review");
        assertThat(publish.path("detail").path("after").asText()).isEqualTo("published");
        assertThat(publish.toString()).doesNotContain("school bus");

        Reply first = as(admin).get(audit("?limit=1"));
        Reply second = as(admin).get(audit("?limit=1&cursor=" + first.text("nextCursor")));
        assertThat(first.json().path("items").get(0).path("id").asText())
                .isNotEqualTo(second.json().path("items").get(0).path("id").asText());
        assertThat(as(admin).get(audit("?action=Moderation%20publish")).code()).isEqualTo("request.invalid");
    }

    @Test
    void onlyAreaAdminsAndForumLeadsOfTheAreaReadIt() {
        assertThat(as(fixtures.member(area, "forum_lead")).get(audit("")).status()).isEqualTo(200);
        for (String role : List.of("family", "young_person", "commissioner")) {
            assertThat(as(fixtures.member(area, role)).get(audit("")).code()).as(role).isEqualTo("area.role_forbidden");
        }
        String otherArea = fixtures.area();
        String otherAdmin = fixtures.member(otherArea, "area_admin");
        assertThat(as(otherAdmin).get(audit("")).code()).isEqualTo("area.not_member");
        assertThat(as(otherAdmin).get("/v1/areas/" + otherArea + "/audit").json().path("items")).isEmpty();
        assertThat(api().get(audit("")).status()).isEqualTo(401);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveARow() {
        as(admin).put("/v1/areas/" + area + "/members/" + fixtures.member(area, "family"), json("role", "forum_lead"));
        long rows = fixtures.count("select count(*) from audit_log where area_id = ?", area);
        assertThat(rows).isPositive();

        for (String statement : List.of("update audit_log set actor_uid = 'someone-else' where area_id = ?",
                "delete from audit_log where area_id = ?")) {
            assertThatThrownBy(() -> fixtures.execute(statement, area)).as(statement)
                    .hasRootCauseInstanceOf(SQLException.class)
                    .rootCause().hasMessageContaining("append-only");
        }
        assertThatThrownBy(() -> fixtures.execute("truncate audit_log")).rootCause().hasMessageContaining("append-only");
        assertThat(fixtures.count("select count(*) from audit_log where area_id = ?", area)).isEqualTo(rows);
    }
}
