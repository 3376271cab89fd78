package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Fixtures;
import org.yousaid.testing.GoogleEndpoints;
import org.yousaid.testing.Tokens;

/**
 * Signing in to the console as a browser does (cookies, forms, redirects) against the real server,
 * the real Firebase Admin SDK's session cookies and real PostgreSQL.
 */
@MicronautTest(transactional = false)
class ConsoleSignInTest {

    static final Pattern FORM_TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    GoogleEndpoints google;

    /** A browser: keeps the cookies it is given, does not follow redirects, so the test sees each one. */
    final class Browser {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(server.getURI().resolve(path)).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
            String body = form.entrySet().stream()
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(server.getURI().resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }

        /** The form token the sign-in page embeds (and sets as a cookie). */
        String formToken() throws IOException, InterruptedException {
            Matcher m = FORM_TOKEN.matcher(get("/console/sign-in").body());
            return m.find() ? m.group(1) : "no token on the page";
        }
    }

    @Test
    void aForumLeadSignsInWithFirebaseSeesTheirAreasAndSigningOutEndsTheSession() throws Exception {
        String area = fixtures.area();
        String lead = fixtures.member(area, "forum_lead");
        Browser browser = new Browser();

        HttpResponse<String> signInPage = browser.get("/console/sign-in");
        assertThat(signInPage.statusCode()).isEqualTo(200);
        assertThat(signInPage.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(signInPage.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith(ConsoleCookies.FORM_TOKEN).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        assertThat(browser.get("/console").headers().firstValue("Location")).hasValue("/console/sign-in");

        String token = browser.formToken();
        HttpResponse<String> started = browser.post("/console/session", Map.of("csrf", token, "idToken", Tokens.idToken(lead)));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        assertThat(started.headers().firstValue("Location")).hasValue("/console");
        String sessionCookie = started.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleCookies.SESSION)).findFirst().orElseThrow();
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .doesNotContainIgnoringCase("Secure"); // reached on loopback: no TLS to require

        HttpResponse<String> home = browser.get("/console");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<title>Your areas – YouSaid console</title>").contains("forum lead")
                .contains("Skip to main content").doesNotContain("<script>");
        assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-store");

        assertThat(browser.post("/console/sign-out", Map.of("csrf", token)).headers().firstValue("Location"))
                .hasValue("/console/sign-in");
        // The cookie is gone from the browser and the session itself is revoked with Firebase.
        assertThat(browser.get("/console").statusCode()).isEqualTo(303);
        assertThat(google.lookups()).isPositive();
    }

    @Test
    void aFamilyAccountAFormWithoutItsTokenAndAStrangersTokenAreRefused() throws Exception {
        String area = fixtures.area();
        String family = fixtures.member(area, "family");
        Browser browser = new Browser();
        String token = browser.formToken();

        HttpResponse<String> familySignIn = browser.post("/console/session", Map.of("csrf", token, "idToken", Tokens.idToken(family)));
        assertThat(familySignIn.statusCode()).isEqualTo(403);
        assertThat(familySignIn.body()).contains("The console is for staff");

        for (Map<String, String> form : List.of(Map.of("idToken", Tokens.idToken(family)),
                Map.of("csrf", "x".repeat(43), "idToken", Tokens.idToken(family)))) {
            HttpResponse<String> refused = browser.post("/console/session", form);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("This form has expired");
        }
        assertThat(browser.post("/console/sign-out", Map.of()).statusCode()).isEqualTo(403);

        HttpResponse<String> stranger = browser.post("/console/session",
                Map.of("csrf", token, "idToken", Tokens.signedByStranger("lead-" + UUID.randomUUID())));
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(stranger.body()).contains("You are not signed in");
    }

    @Test
    void theAssetsAreServedFromTheJarWithoutTheGovukBrandFont() throws Exception {
        HttpResponse<String> css = new Browser().get("/console/assets/console.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("govuk-button").contains("arial").doesNotContain("GDS Transport");
        assertThat(new Browser().get("/console/assets/console.js").body()).contains("initAll");
    }
}
