package org.yousaid.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * What every console response carries: a strict Content-Security-Policy (no inline script or
 * style, nothing from another origin, no framing), no caching of pages that show families' words,
 * and the form token every form posts back, made on the first page a browser asks for.
 */
@ServerFilter("/console/**")
final class ConsoleEdge {

    static final String FORM_TOKEN_ATTRIBUTE = "yousaid.console.formToken";

    private final String policy;

    ConsoleEdge(FirebaseWebSignIn firebase) {
        // Only the sign-in script talks to another origin: Firebase Authentication (or its emulator).
        String connect = ("'self' " + firebase.connectSources()).trim();
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
                + "connect-src " + connect + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    @RequestFilter
    void formToken(HttpRequest<?> request) {
        String token = ConsoleCookies.formToken(request).orElseGet(ConsoleCookies::newFormToken);
        request.setAttribute(FORM_TOKEN_ATTRIBUTE, token);
    }

    @ResponseFilter
    void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", policy)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
        // Pages show families' words: never kept. The assets may be kept, asked after each time.
        response.header("Cache-Control", request.getPath().startsWith("/console/assets/") ? "no-cache" : "no-store");
        if (ConsoleCookies.formToken(request).isEmpty()) {
            request.getAttribute(FORM_TOKEN_ATTRIBUTE, String.class)
                    .ifPresent(token -> response.cookie(ConsoleCookies.formToken(request, token)));
        }
    }

    static String formTokenOf(HttpRequest<?> request) {
        return request.getAttribute(FORM_TOKEN_ATTRIBUTE, String.class).orElseThrow();
    }
}
