package org.yousaid.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stands in for GOV.UK Notify's API (not for its client): a real HTTP server on loopback that takes
 * {@code POST /v2/notifications/email} as Notify does, checking the client's JWT (HS256 with the API
 * key's secret, issued by the key's service, within 30 seconds of now), filling the one template it
 * knows, and answering 201 with the notification. It keeps what it received (also served at
 * {@code GET /received} as JSON, for browser tests) and can fail on demand as an outage would.
 */
public final class NotifyEndpoints implements AutoCloseable {

    public static final String SERVICE_ID = "6f2b1f0e-9a4c-4d3e-8b7a-2c1d0e9f8a7b";
    public static final String SECRET = "0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f";
    /** A key in Notify's form: its name, the service id, the secret. */
    public static final String API_KEY = "yousaid_test-" + SERVICE_ID + "-" + SECRET;
    public static final String TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";

    /** The template as it would be set up in Notify (see the README). */
    public static final String SUBJECT = "A safeguarding case in ((area)) needs a person";
    public static final String BODY = """
            A new safeguarding case in ((area)) was flagged on ((flagged_at)), with criticality ((criticality)) of 5.

            Open the safeguarding queue to read it and act: ((link))

            This email does not say what was written or by whom; only the console does.""";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\(\\(([a-z_]+)\\)\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An email Notify accepted: to whom, the template's fields, our reference, and the email as sent. */
    public record Email(String to, String templateId, Map<String, String> personalisation, String reference,
                        String subject, String body) {
    }

    private final HttpServer server;
    private final List<Email> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    public NotifyEndpoints() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v2/notifications/email", this::email);
        server.createContext("/received", this::receivedAsJson);
        server.start();
    }

    /** Where the Notify client is pointed (yousaid.alerts.notify.base-url). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code times} emails are answered 500, as Notify in an outage would. */
    public void failNext(int times) {
        failuresLeft.set(times);
    }

    /** Emails accepted, in order. */
    public List<Email> received() {
        return List.copyOf(received);
    }

    public List<Email> receivedBy(String to) {
        return received.stream().filter(e -> e.to().equals(to)).toList();
    }

    /** Requests answered with an error (outage or a bad token). */
    public int refused() {
        return refused.get();
    }

    public void clear() {
        received.clear();
        failuresLeft.set(0);
        refused.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void email(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, error(405, "MethodNotAllowed", "POST only"));
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || !signedByOurKey(auth.substring(7))) {
                refused.incrementAndGet();
                answer(exchange, 403, error(403, "AuthError", "Invalid token: API key not found"));
                return;
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refused.incrementAndGet();
                answer(exchange, 500, error(500, "Exception", "Internal server error"));
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String templateId = request.path("template_id").asText();
            if (!TEMPLATE_ID.equals(templateId)) {
                answer(exchange, 400, error(400, "BadRequestError", "Template not found"));
                return;
            }
            Map<String, String> personalisation = new LinkedHashMap<>();
            request.path("personalisation").fields().forEachRemaining(f -> personalisation.put(f.getKey(), f.getValue().asText()));
            String subject;
            String body;
            try {
                subject = fill(SUBJECT, personalisation);
                body = fill(BODY, personalisation);
            } catch (IllegalArgumentException missing) {
                answer(exchange, 400, error(400, "BadRequestError", missing.getMessage()));
                return;
            }
            String reference = request.path("reference").isMissingNode() || request.path("reference").isNull() ? null
                    : request.path("reference").asText();
            received.add(new Email(request.path("email_address").asText(), templateId, personalisation, reference, subject, body));
            ObjectNode sent = JSON.createObjectNode();
            sent.put("id", UUID.randomUUID().toString());
            sent.put("reference", reference);
            ObjectNode content = sent.putObject("content");
            content.put("subject", subject);
            content.put("body", body);
            content.put("from_email", "yousaid@notifications.service.gov.uk");
            sent.put("uri", baseUrl() + "/v2/notifications/" + sent.get("id").asText());
            ObjectNode template = sent.putObject("template");
            template.put("id", templateId);
            template.put("version", 1);
            template.put("uri", baseUrl() + "/services/" + SERVICE_ID + "/templates/" + templateId);
            answer(exchange, 201, sent.toString());
        }
    }

    private void receivedAsJson(HttpExchange exchange) throws IOException {
        try (exchange) {
            ArrayNode all = JSON.createArrayNode();
            for (Email e : received) {
                all.add(JSON.valueToTree(e));
            }
            answer(exchange, 200, all.toString());
        }
    }

    /** Notify's check: HS256 over header and claims with the key's secret, issued by its service, recently. */
    static boolean signedByOurKey(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            long iat = claims.path("iat").asLong(0);
            return "HS256".equals(header.path("alg").asText()) && SERVICE_ID.equals(claims.path("iss").asText())
                    && Math.abs(Instant.now().getEpochSecond() - iat) <= 30;
        } catch (Exception e) {
            return false;
        }
    }

    private static String fill(String template, Map<String, String> personalisation) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = personalisation.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Missing personalisation: " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String error(int status, String error, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status_code", status);
        body.putArray("errors").addObject().put("error", error).put("message", message);
        return body.toString();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
