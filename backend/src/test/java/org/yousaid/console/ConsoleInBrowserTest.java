package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yousaid.area.AreaAccess;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.FirebaseAuthEmulator;
import org.yousaid.testing.GoogleEndpoints;
import org.yousaid.testing.NotifyEndpoints;

/**
 * The console in a real browser: Debian's Chromium, driven by Playwright (src/test/browser/flows.mjs),
 * signs staff in with the Firebase web SDK against a stand-in for Firebase Authentication, and does
 * the work of each role on the real server with real PostgreSQL; axe-core checks every page visited.
 * Set {@code -Dyousaid.browser.shots=DIR} to keep a screenshot of every page at 1280 and 320 px.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleInBrowserTest extends ApiTest implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery staple";

    private final FirebaseAuthEmulator firebase = new FirebaseAuthEmulator();
    private final NotifyEndpoints notify = new NotifyEndpoints();

    @Inject
    AreaAccess access;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("yousaid.console.firebase-web.api-key", "test-web-api-key",
                "yousaid.console.firebase-web.emulator-url", firebase.url(),
                // Alert emails are sent as in production, to a local server speaking GOV.UK Notify's API.
                "yousaid.alerts.senders", "1",
                "yousaid.alerts.poll-interval", "100ms",
                "yousaid.alerts.notify.api-key", NotifyEndpoints.API_KEY,
                "yousaid.alerts.notify.template-id", NotifyEndpoints.TEMPLATE_ID,
                "yousaid.alerts.notify.base-url", notify.baseUrl());
    }

    @AfterAll
    void stopStandIns() {
        firebase.close();
        notify.close();
    }

    @Test
    void staffDoTheirWorkInARealBrowserAndEveryPagePassesAxe() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assertThat(Files.isExecutable(chromium))
                .as("Debian's Chromium at " + chromium + " (apt-get install chromium; .ci/run installs it)").isTrue();

        String area = fixtures.area();
        Map<String, Object> people = new LinkedHashMap<>();
        for (String[] person : new String[][] {{"forumLead", "forum_lead"}, {"commissioner", "commissioner"},
                {"areaAdmin", "area_admin"}, {"family", "family"}}) {
            String uid = fixtures.member(area, person[1]);
            String email = person[0].toLowerCase(java.util.Locale.ROOT) + "@" + area + ".example.org";
            firebase.account(email, PASSWORD, uid);
            people.put(person[0], Map.of("uid", uid, "email", email, "password", PASSWORD));
        }
        // Has a Firebase account but no role anywhere yet: the area admin gives them one.
        String newcomer = "newcomer-" + java.util.UUID.randomUUID();
        firebase.account("newcomer@" + area + ".example.org", PASSWORD, newcomer);
        people.put("newcomer", Map.of("uid", newcomer, "email", "newcomer@" + area + ".example.org", "password", PASSWORD));
        Path out = Path.of("target", "console-browser");
        Files.createDirectories(out);
        Path report = out.resolve("report.json");
        Files.deleteIfExists(report);
        Map<String, Object> world = Map.of("base", server.getURI().toString().replaceAll("/$", ""), "area", area,
                "areaName", access.name(area), "people", people);

        ProcessBuilder flows = new ProcessBuilder("node", "src/test/browser/flows.mjs")
                .redirectError(out.resolve("flows.stderr.txt").toFile());
        flows.environment().put("YOUSAID_WORLD", JSON.writeValueAsString(world));
        flows.environment().put("YOUSAID_REPORT", report.toString());
        flows.environment().put("CHROMIUM", chromium.toString());
        String shots = System.getProperty("yousaid.browser.shots");
        if (shots != null && !shots.isBlank()) {
            flows.environment().put("YOUSAID_SHOTS", shots);
        }
        long started = System.nanoTime();
        Process node = flows.start();
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                if (!node.waitFor(10, TimeUnit.MINUTES)) {
                    node.destroyForcibly();
                }
            } catch (InterruptedException e) {
                node.destroyForcibly();
            }
        });
        answerAsks(node);
        int exit = node.waitFor();
        watchdog.interrupt();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        assertThat(report).as("flows.mjs wrote no report; see " + out.resolve("flows.stderr.txt") + ":\n"
                + readOrEmpty(out.resolve("flows.stderr.txt"))).exists();
        JsonNode result = JSON.readTree(report.toFile());
        StringBuilder summary = new StringBuilder("Console in Chromium, " + seconds + " s:\n");
        result.path("flows").forEach(f -> summary.append(String.format("  flow %-55s %s %6d ms%n", f.path("name").asText(),
                f.path("ok").asBoolean() ? "ok  " : "FAIL", f.path("ms").asLong())));
        result.path("pages").forEach(p -> summary.append(String.format("  axe  %-40s %-45s critical %d serious %d moderate %d minor %d %s%n",
                p.path("title").asText(), p.path("path").asText(), p.path("critical").asInt(), p.path("serious").asInt(),
                p.path("moderate").asInt(), p.path("minor").asInt(), p.path("rules"))));
        System.out.println(summary);
        StringBuilder failures = new StringBuilder();
        result.path("flows").forEach(f -> {
            if (!f.path("ok").asBoolean()) {
                failures.append(f.path("name").asText()).append(": ").append(f.path("error").asText()).append("\n");
            }
        });
        assertThat(failures.toString()).as("flows that failed").isEmpty();
        assertThat(exit).isZero();
        assertThat(result.path("pages").size()).as("pages checked by axe").isGreaterThan(5);
    }

    /** The flows ask for what only the test can do; each answer is one line of JSON. */
    private void answerAsks(Process node) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
             Writer answers = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("@@ask ")) {
                    System.out.println("flows: " + line);
                    continue;
                }
                JsonNode ask = JSON.readTree(line.substring("@@ask ".length()));
                answers.write(JSON.writeValueAsString(answer(ask)) + "\n");
                answers.flush();
            }
        }
    }

    private Object answer(JsonNode ask) {
        return switch (ask.path("name").asText()) {
            case "comment" -> Map.of("id", postComment(ask.path("uid").asText(), ask.path("area").asText(), ask.path("body").asText()));
            case "surveyAnswer" -> Map.of("id", answeredSurvey(ask.path("area").asText(), ask.path("commissioner").asText(),
                    ask.path("uid").asText(), ask.path("body").asText()));
            case "publishedComment" -> publishedComment(ask.path("area").asText(), ask.path("uid").asText(),
                    ask.path("lead").asText(), ask.path("body").asText());
            case "mailbox" -> Map.of("subjects", mailbox(ask.path("uid").asText()));
            case "analyse" -> {
                analyseAll();
                yield Map.of("done", true);
            }
            default -> Map.of("error", "no such ask: " + ask.path("name").asText());
        };
    }

    /** A family's answer to a survey the commissioner published through the API, {@code words} its free text. */
    private String answeredSurvey(String area, String commissioner, String family, String words) {
        String definition = """
                {"title": "Short breaks", "kind": "other", "questions": [
                  {"id": "rating", "type": "likert", "text": "Short breaks meet our needs."},
                  {"id": "more", "type": "free_text", "text": "Tell us more"}]}""";
        String survey = as(commissioner).post("/v1/areas/" + area + "/surveys", "{\"definition\":" + definition + "}").text("id");
        as(commissioner).post("/v1/areas/" + area + "/surveys/" + survey + "/publish", null);
        String answer = java.util.UUID.randomUUID().toString();
        as(family).put("/v1/areas/" + area + "/surveys/" + survey + "/answers/" + answer,
                "{\"version\":1,\"submit\":true,\"quoteConsent\":true,\"answers\":{\"rating\":2,\"more\":" + quote(words) + "}}");
        return answer;
    }

    /** A family's wall comment, tagged and published by a forum lead through the API: its id and first theme. */
    private Map<String, String> publishedComment(String area, String family, String lead, String words) {
        String id = postComment(family, area, words);
        analyseAll();
        // Filed under waiting times by the forum lead, whatever tagging proposed, so the flow knows its theme.
        String theme = "waiting_times";
        String item = "/v1/areas/" + area + "/moderation/items/comment/" + id;
        int version = as(lead).get(item).json().path("version").asInt();
        assertThat(as(lead).put(item + "/themes", "{\"version\":" + version + ",\"themes\":[\"" + theme + "\"]}").status())
                .isEqualTo(200);
        assertThat(publishComment(lead, area, id, null).status()).isEqualTo(200);
        return Map.of("id", id, "theme", theme);
    }

    /** The alert emails a member of staff was sent (at their Firebase account's address), waiting up to 10 s for one. */
    private java.util.List<String> mailbox(String uid) {
        String address = GoogleEndpoints.defaultEmail(uid);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (notify.receivedBy(address).isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return notify.receivedBy(address).stream().map(NotifyEndpoints.Email::subject).toList();
    }

    private static String readOrEmpty(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
