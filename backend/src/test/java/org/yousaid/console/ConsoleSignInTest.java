package org.yousaid.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    @Inject
    EmbeddedServer server;

    @Inject
    Fixtures fixtures;

    @Inject
    GoogleEndpoints google;

    @Test
    void aForumLeadSignsInWithFirebaseSeesTheirAreasAndSigningOutEndsTheSession() throws Exception {
        String area = fixtures.area();
        String lead = fixtures.member(area, "forum_lead");
        ConsoleBrowser browser = new ConsoleBrowser(server.getURI());

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
        ConsoleBrowser browser = new ConsoleBrowser(server.getURI());
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
        HttpResponse<String> css = new ConsoleBrowser(server.getURI()).get("/console/assets/console.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains("govuk-button").contains("arial").doesNotContain("GDS Transport");
        assertThat(new ConsoleBrowser(server.getURI()).get("/console/assets/console.js").body()).contains("initAll");
    }
}
