package org.yousaid.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api;
import org.yousaid.testing.Fixtures;
import org.yousaid.testing.GoogleEndpoints;
import org.yousaid.testing.Tokens;

/**
 * Web and workers apart, as a deployment scales them (issue 28's two Deployments): a web instance
 * with no tagging workers and no push senders takes the requests; a worker instance, taking no
 * requests, tags and sends; both on one PostgreSQL. A family's words that show a risk, posted to
 * the web instance, are tagged by the worker, open a safeguarding case, and the forum lead's phone
 * is pushed once, by the worker.
 */
class WebAndWorkerInstancesTest {

    private static final String RISK = "My daughter says she wants to die and has started cutting herself.";

    @Test
    void aCommentPostedToTheWebInstanceIsTaggedByTheWorkerAndItsPushGoesOutOnce() throws Exception {
        try (FaultDatabase db = FaultDatabase.start();
             EmbeddedServer web = ApplicationContext.run(EmbeddedServer.class, settings(db, 0), "test");
             ApplicationContext worker = ApplicationContext.run(settings(db, 1), "test")) {
            Fixtures fixtures = web.getApplicationContext().getBean(Fixtures.class);
            String area = fixtures.area();
            String family = fixtures.member(area, "family");
            String forumLead = fixtures.member(area, "forum_lead");
            Api lead = Api.at(web.getURI()).as(Tokens.idToken(forumLead));
            assertThat(lead.post("/v1/areas/" + area + "/me/devices", "{\"token\":\"lead-phone\",\"platform\":\"android\"}").status())
                    .isEqualTo(200);

            Api.Reply posted = Api.at(web.getURI()).as(Tokens.idToken(family)).header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/v1/areas/" + area + "/comments", "{\"body\":\"" + RISK + "\"}");
            assertThat(posted.status()).isEqualTo(201);

            GoogleEndpoints workerFcm = worker.getBean(GoogleEndpoints.class);
            GoogleEndpoints webFcm = web.getApplicationContext().getBean(GoogleEndpoints.class);
            long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (workerFcm.pushesTo("lead-phone").isEmpty() && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            // Time for a second push, if anything would send one.
            Thread.sleep(2_000);
            assertThat(db.count("select count(*) from tagging_jobs where state = 'done' and content_id = ?::uuid", posted.text("id")))
                    .as("tagged, by the only instance with workers").isEqualTo(1);
            assertThat(db.count("select count(*) from safeguarding_cases where content_id = ?::uuid", posted.text("id"))).isEqualTo(1);
            assertThat(workerFcm.pushesTo("lead-phone")).hasSize(1);
            assertThat(webFcm.pushes()).as("the web instance sends nothing").isEmpty();
            assertThat(db.count("select count(*) from notification_outbox where state = 'sent'")).isEqualTo(1);
        }
    }

    private static Map<String, Object> settings(FaultDatabase db, int workers) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("datasources.default.url", db.jdbcUrl());
        settings.put("datasources.default.username", "postgres");
        settings.put("datasources.default.password", "");
        settings.put("yousaid.tagging.workers", workers);
        settings.put("yousaid.notify.senders", workers);
        settings.put("yousaid.notify.poll-interval", "50ms");
        return settings;
    }
}
