package org.yousaid.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.Fixtures;
import org.yousaid.testing.Tokens;

/**
 * Losing PostgreSQL: requests answer 503 server.unavailable with Retry-After in seconds, readiness
 * goes DOWN, and the server uses the database again when it is back, without a restart.
 */
class DatabaseOutageTest {

    /** What "fast" means to a family's phone: well under a mobile client's usual timeouts. */
    private static final Duration FAST = Duration.ofSeconds(3);

    @Test
    void anExternalDatabaseThatGoesAwayAnswers503FastAndIsUsedAgainWhenItIsBack() throws Exception {
        Path dataDir = Files.createTempDirectory("yousaid-external-pg-").resolve("pg");
        int port = freePort();
        // A separate PostgreSQL standing in for an external server: its own data, its own port.
        EmbeddedPostgres external = EmbeddedDatabase.builder(false, dataDir, port).start();
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "datasources.default.username", "postgres",
                "datasources.default.password", ""), "test")) {
            Fixtures fixtures = server.getApplicationContext().getBean(Fixtures.class);
            assertThat(fixtures.text("select current_setting('port')")).isEqualTo(String.valueOf(port));
            String area = fixtures.area();
            Api family = Api.at(server.getURI()).as(Tokens.idToken(fixtures.member(area, "family")));
            Api anyone = Api.at(server.getURI());
            assertThat(anyone.get("/health/readiness").status()).isEqualTo(200);
            // Signed in once before the outage: the Firebase SDK's first check has a cost of its own.
            assertThat(family.get("/v1/areas/" + area + "/comments").status()).isEqualTo(200);

            external.close();

            String key = UUID.randomUUID().toString();
            String words = "The school transport did not come for a week.";
            assertUnavailableFast(() -> family.header("Idempotency-Key", key)
                    .post("/v1/areas/" + area + "/comments", "{\"body\":\"" + words + "\"}"));
            assertUnavailableFast(() -> family.get("/v1/areas/" + area + "/comments"));
            assertDownFast(() -> anyone.get("/health/readiness"));
            assertDownFast(() -> anyone.get("/health"));
            assertThat(timed(() -> anyone.get("/health/liveness")).status()).isEqualTo(200);

            external = EmbeddedDatabase.builder(false, dataDir, port).start();

            assertThat(waitFor(() -> anyone.get("/health/readiness"), Duration.ofSeconds(20)).status()).isEqualTo(200);
            assertStoredOnceWhenSentAgain(family, fixtures, area, key, words);
        } finally {
            external.close();
            deleteTree(dataDir.getParent());
        }
    }

    @Test
    void theEmbeddedDatabaseKilledIsStartedAgainOnItsDataAndPortWithoutRestartingYouSaid() throws Exception {
        // Built as the server is, so the embedded database is configured as for the README's run.
        try (EmbeddedServer server = ApplicationContext.builder().environments("test").run(EmbeddedServer.class)) {
            Fixtures fixtures = server.getApplicationContext().getBean(Fixtures.class);
            Path dataDir = Path.of(fixtures.text("select current_setting('data_directory')"));
            String port = fixtures.text("select current_setting('port')");
            String area = fixtures.area();
            Api family = Api.at(server.getURI()).as(Tokens.idToken(fixtures.member(area, "family")));
            Api anyone = Api.at(server.getURI());
            assertThat(family.get("/v1/areas/" + area + "/comments").status()).isEqualTo(200);
            long postmaster = postmasterPid(dataDir);
            // The tests' throwaway database commits without waiting for its log (synchronous_commit
            // off), so a kill could take the area just made with it: what came before the outage is
            // written out first, as a durable database would have at each commit.
            fixtures.execute("checkpoint");

            String key = UUID.randomUUID().toString();
            String words = "Nobody answered the phone at the SEND team for three weeks.";
            // Held so the test sees what a family sees while it is down; the watch restarts it after.
            EmbeddedDatabase.holdRestarts(true);
            try {
                ProcessHandle killed = ProcessHandle.of(postmaster).orElseThrow();
                killed.destroyForcibly();
                killed.onExit().get(10, TimeUnit.SECONDS);
                assertUnavailableFast(() -> family.header("Idempotency-Key", key)
                        .post("/v1/areas/" + area + "/comments", "{\"body\":\"" + words + "\"}"));
                assertDownFast(() -> anyone.get("/health/readiness"));
            } finally {
                EmbeddedDatabase.holdRestarts(false);
            }

            assertThat(waitFor(() -> anyone.get("/health/readiness"), Duration.ofSeconds(30)).status()).isEqualTo(200);
            assertThat(postmasterPid(dataDir)).isNotEqualTo(postmaster);
            assertThat(fixtures.text("select current_setting('port')")).isEqualTo(port);
            assertStoredOnceWhenSentAgain(family, fixtures, area, key, words);
        }
    }

    /** The phone sends its write again with the same key: stored now, and once however often it is sent. */
    static void assertStoredOnceWhenSentAgain(Api family, Fixtures fixtures, String area, String key, String words) {
        Reply stored = family.header("Idempotency-Key", key).post("/v1/areas/" + area + "/comments", "{\"body\":\"" + words + "\"}");
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        Reply retried = family.header("Idempotency-Key", key).post("/v1/areas/" + area + "/comments", "{\"body\":\"" + words + "\"}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(fixtures.count("select count(*) from comments where area_id = ?", area)).isEqualTo(1);
    }

    static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    static void assertUnavailableFast(Supplier<Reply> request) {
        Reply reply = timed(request);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("server.unavailable");
        assertThat(reply.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    }

    static void assertDownFast(Supplier<Reply> request) {
        Reply reply = timed(request);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
        assertThat(reply.text("status")).isEqualTo("DOWN");
    }

    static Reply timed(Supplier<Reply> request) {
        long start = System.nanoTime();
        Reply reply = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("answered in %s: %s", took, reply).isLessThan(FAST);
        return reply;
    }

    /** The request's answer once it is a 2xx, or its last answer after {@code limit}. */
    static Reply waitFor(Supplier<Reply> request, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        Reply reply = request.get();
        while (reply.status() >= 300 && System.nanoTime() < end) {
            Thread.sleep(250);
            reply = request.get();
        }
        return reply;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
