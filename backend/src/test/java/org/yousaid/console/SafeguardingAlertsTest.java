package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.GoogleEndpoints;
import org.yousaid.testing.NotifyEndpoints;

/**
 * Safeguarding alerts that need no phone, with the real tagger, PostgreSQL, Firebase SDK and GOV.UK
 * Notify's own client (against NotifyEndpoints): a forum lead's open console page hears of a new case
 * within seconds, and every forum lead and the area's safeguarding contact get one email each, with
 * no family words in either, through a Notify outage too. The alert sender runs as in production.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafeguardingAlertsTest extends ApiTest implements TestPropertyProvider {

    static final String RISK = "My daughter says she wants to die and has started cutting herself.";
    static final List<String> FAMILY_WORDS = List.of("daughter", "die", "cutting", "herself");
    static final String CONSOLE = "https://console.example.org";

    final NotifyEndpoints notify = new NotifyEndpoints();

    String area;
    String family;
    String lead;
    String otherLead;
    String contactEmail;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "yousaid.alerts.senders", "1",
                "yousaid.alerts.poll-interval", "100ms",
                "yousaid.alerts.backoff", "200ms",
                "yousaid.alerts.console-base-url", CONSOLE,
                "yousaid.alerts.notify.api-key", NotifyEndpoints.API_KEY,
                "yousaid.alerts.notify.template-id", NotifyEndpoints.TEMPLATE_ID,
                "yousaid.alerts.notify.base-url", notify.baseUrl());
    }

    @AfterAll
    void stopNotify() {
        notify.close();
    }

    @BeforeEach
    void setUp() {
        // Cases other test classes opened (their servers send no email) would be sent by this one's
        // sender, to this stand-in: closed first, so each test sees only its own area's emails.
        fixtures.execute("update alert_outbox set state = 'not_sent', last_error = 'left by another test', leased_until = null"
                + " where state in ('pending', 'sending')");
        // One may be on its way to the stand-in already: let it arrive, then forget it.
        pause(Duration.ofMillis(500));
        notify.clear();
        area = fixtures.area();
        family = fixtures.member(area, "family");
        lead = fixtures.member(area, "forum_lead");
        otherLead = fixtures.member(area, "forum_lead");
        contactEmail = "dsl-" + UUID.randomUUID() + "@council.example.org";
        String admin = fixtures.member(area, "area_admin");
        assertThat(as(admin).put("/v1/areas/" + area + "/settings", """
                {"safeguardingContact": {"name": "Sam Patel", "role": "Designated safeguarding lead", "email": "%s"}}"""
                .formatted(contactEmail)).status()).isEqualTo(200);
    }

    String flagACase() {
        String id = postComment(family, area, RISK);
        analyseAll();
        assertThat(fixtures.count("select count(*) from safeguarding_cases where area_id = ?", area)).isEqualTo(1);
        return id;
    }

    @Test
    void aForumLeadsOpenPageHearsOfANewCaseWithinSecondsWithNoFamilyWords() throws Exception {
        ConsoleBrowser browser = new ConsoleBrowser(server.getURI());
        browser.signIn(lead);
        String alerts = "/console/areas/" + area + "/alerts";
        assertThat(browser.get("/console/areas/" + area + "/safeguarding").body())
                .contains("aria-live=\"assertive\" data-alerts=\"" + alerts + "\"");

        HttpResponse<Stream<String>> stream = browser.stream(alerts);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
        try {
            awaitLine(lines, "listening");
            String id = flagACase();
            // The case is committed once tagging returns (the first analysis loads the models, which takes a while).
            Instant opened = Instant.now();

            String data = eventData(lines, "safeguarding-case");
            assertThat(Duration.between(opened, Instant.now())).isLessThan(Duration.ofSeconds(5));
            assertThat(data).contains("\"criticality\":4").contains("\"queue\":\"/console/areas/" + area + "/safeguarding\"")
                    .contains("\"flagged\":\"");
            assertThat(data).doesNotContain(id).doesNotContain(family);
            FAMILY_WORDS.forEach(w -> assertThat(data).doesNotContainIgnoringCase(w));
        } finally {
            reader.interrupt();
            stream.body().close();
        }
    }

    @Test
    void eachForumLeadAndTheSafeguardingContactGetOneEmailWithNoFamilyWords() {
        String id = flagACase();
        List<String> to = List.of(GoogleEndpoints.defaultEmail(lead), GoogleEndpoints.defaultEmail(otherLead), contactEmail);

        await(() -> to.stream().allMatch(address -> notify.receivedBy(address).size() == 1));
        for (String address : to) {
            NotifyEndpoints.Email email = notify.receivedBy(address).get(0);
            assertThat(email.personalisation()).containsEntry("criticality", "4")
                    .containsEntry("link", CONSOLE + "/console/areas/" + area + "/safeguarding");
            assertThat(email.subject()).startsWith("A safeguarding case in ");
            String all = email.subject() + email.body() + email.personalisation();
            assertThat(all).doesNotContain(id).doesNotContain(family);
            FAMILY_WORDS.forEach(w -> assertThat(all).doesNotContainIgnoringCase(w));
        }
        assertThat(fixtures.count("select count(*) from alert_outbox where area_id = ? and state = 'sent'", area)).isEqualTo(3);
        // Nothing is sent twice, and nobody outside the area is written to.
        pause(Duration.ofSeconds(1));
        assertThat(notify.received()).hasSize(3);
    }

    @Test
    void aNotifyOutageDelaysTheEmailsAndLosesNoneNorSendsAnyTwice() {
        notify.failNext(4);
        flagACase();

        await(() -> notify.received().size() == 3);
        assertThat(notify.refused()).isEqualTo(4);
        assertThat(fixtures.count("select count(*) from alert_outbox where area_id = ? and state = 'sent'", area)).isEqualTo(3);
        assertThat(fixtures.count("select sum(attempts) from alert_outbox where area_id = ?", area)).isEqualTo(7);
        pause(Duration.ofSeconds(1));
        assertThat(notify.received()).hasSize(3);
        assertThat(notify.received().stream().map(NotifyEndpoints.Email::to).distinct()).hasSize(3);
    }

    @Test
    void onlyTheAreasForumLeadsMayListen() throws Exception {
        String alerts = "/console/areas/" + area + "/alerts";
        assertThat(new ConsoleBrowser(server.getURI()).stream(alerts).statusCode()).isEqualTo(401);
        Map<String, String> others = Map.of(
                "commissioner", fixtures.member(area, "commissioner"),
                "area admin", fixtures.member(area, "area_admin"),
                "family", family,
                "another area's forum lead", fixtures.member(fixtures.area(), "forum_lead"));
        for (Map.Entry<String, String> other : others.entrySet()) {
            ConsoleBrowser browser = new ConsoleBrowser(server.getURI());
            browser.signIn(other.getValue());
            HttpResponse<Stream<String>> refused = browser.stream(alerts);
            int status = refused.statusCode();
            String body = String.join("\n", refused.body().toList());
            assertThat(status).as(other.getKey()).isIn(other.getKey().equals("family") ? List.of(401, 403) : List.of(403));
            assertThat(body).as(other.getKey()).doesNotContain("safeguarding-case");
            if (!other.getKey().equals("family")) {
                // Their pages carry no alerts region either.
                assertThat(browser.get("/console").statusCode()).isEqualTo(200);
            }
        }
        ConsoleBrowser commissioner = new ConsoleBrowser(server.getURI());
        String commissionerUid = fixtures.member(area, "commissioner");
        commissioner.signIn(commissionerUid);
        assertThat(commissioner.get("/console/areas/" + area).body()).doesNotContain("data-alerts");
    }

    static void awaitLine(BlockingQueue<String> lines, String event) throws InterruptedException {
        eventData(lines, event);
    }

    /** The data of the next event of this name (as EventSource reads the stream), waiting at most 10 seconds. */
    static String eventData(BlockingQueue<String> lines, String event) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String name = "message";
        StringBuilder data = new StringBuilder();
        List<String> seen = new java.util.ArrayList<>();
        while (System.nanoTime() < until) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            if (line.isEmpty()) {
                if (name.equals(event)) {
                    return data.toString();
                }
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).trim());
            }
        }
        throw new AssertionError("no " + event + " event within 10 s; the stream said " + seen);
    }

    static void await(BooleanSupplier done) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 15 s");
            }
            pause(Duration.ofMillis(100));
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
