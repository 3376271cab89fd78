package org.yousaid.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for Firebase Authentication's servers for the Firebase web SDK in a real browser, in
 * the Auth emulator's shape (the SDK's {@code connectAuthEmulator}): email and password sign-in
 * answers with an ID token signed by our test key, which the real Admin SDK then verifies. It
 * speaks CORS, as the browser asks it to: the console is on another origin.
 */
public final class FirebaseAuthEmulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Account(String uid, String password) {
    }

    private final HttpServer server;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    public FirebaseAuthEmulator() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/identitytoolkit.googleapis.com/v1/", this::identityToolkit);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An email and password account for {@code uid}, as the Firebase console would make one. */
    public void account(String email, String password, String uid) {
        accounts.put(email.toLowerCase(java.util.Locale.ROOT), new Account(uid, password));
    }

    private void identityToolkit(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            if ("OPTIONS".equals(exchange.getRequestMethod())) {
                String asked = exchange.getRequestHeaders().getFirst("Access-Control-Request-Headers");
                exchange.getResponseHeaders().add("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
                exchange.getResponseHeaders().add("Access-Control-Allow-Headers", asked == null ? "content-type" : asked);
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("accounts:signInWithPassword")) {
                Account account = accounts.get(body.path("email").asText("").toLowerCase(java.util.Locale.ROOT));
                if (account == null || !account.password().equals(body.path("password").asText())) {
                    send(exchange, 400, Map.of("error", Map.of("code", 400, "message", "INVALID_LOGIN_CREDENTIALS")));
                    return;
                }
                send(exchange, 200, Map.of("kind", "identitytoolkit#VerifyPasswordResponse", "localId", account.uid(),
                        "email", body.path("email").asText(), "displayName", "", "registered", true,
                        "idToken", Tokens.idToken(account.uid()), "refreshToken", "refresh-" + account.uid(), "expiresIn", "3600"));
            } else if (path.endsWith("accounts:lookup")) {
                String[] parts = body.path("idToken").asText("..").split("\\.");
                String uid = parts.length < 2 ? "" : JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1])).path("sub").asText();
                String email = accounts.entrySet().stream().filter(e -> e.getValue().uid().equals(uid)).map(Map.Entry::getKey)
                        .findFirst().orElse("");
                send(exchange, 200, Map.of("kind", "identitytoolkit#GetAccountInfoResponse", "users", java.util.List.of(Map.of(
                        "localId", uid, "email", email, "emailVerified", true, "providerUserInfo",
                        java.util.List.of(Map.of("providerId", "password", "email", email, "federatedId", email, "rawId", email))))));
            } else {
                send(exchange, 404, Map.of("error", Map.of("code", 404, "message", "NOT_FOUND")));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
