package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Tokens;

/** The forum lead's queues as pages: the area's forum leads only, the raw words, counts, why a case was raised. */
@MicronautTest(transactional = false)
class ReviewQueuePagesTest extends ApiTest {

    @Test
    void aForumLeadReadsTheQueueAndOthersAreRefused() throws Exception {
        String area = fixtures.area();
        String lead = fixtures.member(area, "forum_lead");
        String family = fixtures.member(area, "family");
        String words = "We waited 40 weeks for a wheelchair <and> nobody told us why.";
        Api.at(server.getURI()).as(Tokens.idToken(family)).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", "{\"body\":\"" + words + "\"}");
        String queue = "/console/areas/" + area + "/queue";

        assertThat(new ConsoleBrowser(server.getURI()).get(queue).headers().firstValue("Location")).hasValue("/console/sign-in");

        ConsoleBrowser leadBrowser = new ConsoleBrowser(server.getURI());
        assertThat(leadBrowser.signIn(lead).statusCode()).isEqualTo(303);
        assertThat(leadBrowser.get("/console").body()).contains("href=\"" + queue + "\"");
        HttpResponse<String> page = leadBrowser.get(queue);
        assertThat(page.statusCode()).isEqualTo(200);
        // The family's words, escaped as text (never as markup), with where they came from and the counts.
        assertThat(page.body()).contains("<title>Review queue – YouSaid console</title>")
                .contains("We waited 40 weeks for a wheelchair &lt;and&gt; nobody told us why.").contains("Wall comment")
                .contains("Wall comments (1)").contains("Survey answers (0)").contains("<caption");
        assertThat(leadBrowser.get(queue + "?source=survey_answer").body()).doesNotContain("40 weeks").contains("Nothing is waiting");

        for (String role : new String[] {"commissioner", "area_admin"}) {
            ConsoleBrowser staff = new ConsoleBrowser(server.getURI());
            staff.signIn(fixtures.member(area, role));
            HttpResponse<String> refused = staff.get(queue);
            assertThat(refused.statusCode()).as(role).isEqualTo(403);
            assertThat(refused.body()).contains("You cannot see this queue").doesNotContain("40 weeks");
        }
        String otherArea = fixtures.area();
        ConsoleBrowser otherLead = new ConsoleBrowser(server.getURI());
        otherLead.signIn(fixtures.member(otherArea, "forum_lead"));
        HttpResponse<String> crossArea = otherLead.get(queue);
        assertThat(crossArea.statusCode()).isEqualTo(403);
        assertThat(crossArea.body()).doesNotContain("40 weeks");
    }

    @Test
    void aForumLeadSeesEveryOpenSafeguardingCaseWithWhyItWasRaised() throws Exception {
        String area = fixtures.area();
        String lead = fixtures.member(area, "forum_lead");
        String family = fixtures.member(area, "family");
        Api.at(server.getURI()).as(Tokens.idToken(family)).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", "{\"body\":\"My daughter says she wants to die and has started cutting herself.\"}");
        analyseAll();
        String cases = "/console/areas/" + area + "/safeguarding";

        ConsoleBrowser leadBrowser = new ConsoleBrowser(server.getURI());
        leadBrowser.signIn(lead);
        assertThat(leadBrowser.get("/console").body()).contains("href=\"" + cases + "\"");
        HttpResponse<String> page = leadBrowser.get(cases);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Safeguarding queue – YouSaid console</title>").contains("1 open, oldest flag first")
                .contains("wants to die").contains("4 of 5").contains("New: nobody has acted yet").contains("self harm or suicide");
        // The case is not in the review queue, where it could be published.
        assertThat(leadBrowser.get("/console/areas/" + area + "/queue").body()).doesNotContain("wants to die");

        ConsoleBrowser commissioner = new ConsoleBrowser(server.getURI());
        commissioner.signIn(fixtures.member(area, "commissioner"));
        HttpResponse<String> refused = commissioner.get(cases);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("wants to die");
        ConsoleBrowser otherLead = new ConsoleBrowser(server.getURI());
        otherLead.signIn(fixtures.member(fixtures.area(), "forum_lead"));
        assertThat(otherLead.get(cases).body()).doesNotContain("wants to die");
    }
}
