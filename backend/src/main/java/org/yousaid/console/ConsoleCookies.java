package org.yousaid.console;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The console's two cookies: the session (a Firebase session cookie, or a dev one) and the form
 * token that every form posts back (double submit: a page of another site can neither read the
 * cookie nor send it, as both are SameSite=Strict). HttpOnly always; Secure unless the console is
 * reached on this machine's loopback, where there is no TLS to require.
 */
final class ConsoleCookies {

    static final String SESSION = "yousaid_console_session";
    static final String FORM_TOKEN = "yousaid_console_csrf";
    static final Duration SESSION_LENGTH = Duration.ofHours(8);

    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleCookies() {
    }

    static Optional<String> session(HttpRequest<?> request) {
        return request.getCookies().findCookie(SESSION).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    static Optional<String> formToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(FORM_TOKEN).map(Cookie::getValue).filter(v -> v.length() >= 32);
    }

    static String newFormToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether a form's token is the one its cookie holds (compared in constant time). */
    static boolean formTokenMatches(HttpRequest<?> request, String sent) {
        return sent != null && formToken(request)
                .map(cookie -> MessageDigest.isEqual(cookie.getBytes(), sent.getBytes()))
                .orElse(false);
    }

    static Cookie session(HttpRequest<?> request, String value) {
        return strict(request, Cookie.of(SESSION, value)).maxAge(SESSION_LENGTH);
    }

    static Cookie sessionEnded(HttpRequest<?> request) {
        return strict(request, Cookie.of(SESSION, "")).maxAge(0);
    }

    static Cookie formToken(HttpRequest<?> request, String value) {
        return strict(request, Cookie.of(FORM_TOKEN, value));
    }

    private static Cookie strict(HttpRequest<?> request, Cookie cookie) {
        return cookie.httpOnly(true).sameSite(SameSite.Strict).path("/console").secure(!loopback(request));
    }

    /** Reached as localhost, 127.x or [::1] (the Host the browser used; no name is looked up). */
    private static boolean loopback(HttpRequest<?> request) {
        String host = request.getHeaders().get("Host", String.class).orElse("").toLowerCase(java.util.Locale.ROOT);
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceAll(":\\d+$", "");
        return name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]");
    }
}
