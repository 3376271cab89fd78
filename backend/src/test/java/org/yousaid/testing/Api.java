package org.yousaid.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An HTTP client for tests that validates every response against the contract before the test
 * sees it.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final String token;
    private final List<String[]> headers;

    private Api(URI base, String token, List<String[]> headers) {
        this.base = base;
        this.token = token;
        this.headers = headers;
    }

    public static Api at(URI base) {
        return new Api(base, null, List.of());
    }

    /** The same client acting with this bearer token. */
    public Api as(String bearerToken) {
        return new Api(base, bearerToken, headers);
    }

    public Api header(String name, String value) {
        List<String[]> more = new ArrayList<>(headers);
        more.add(new String[] {name, value});
        return new Api(base, token, more);
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Reply send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(h -> request.header(h[0], h[1]));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String requestPath = URI.create(path).getPath();
            Contract.get().validate(method, requestPath, response.statusCode(),
                    response.headers().firstValue("Content-Type"), response.body());
            return new Reply(response.statusCode(), response.headers(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A document (a PDF or CSV) as downloaded, its status and type checked against the contract. */
    public record Download(int status, String contentType, byte[] body, java.net.http.HttpHeaders headers) {
    }

    public Download download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(h -> request.header(h[0], h[1]));
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            java.util.Optional<String> type = response.headers().firstValue("Content-Type");
            Contract.get().validate("GET", URI.create(path).getPath(), response.statusCode(), type,
                    type.orElse("").contains("json") ? new String(response.body(), java.nio.charset.StandardCharsets.UTF_8) : "");
            return new Download(response.statusCode(), type.orElse(""), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A validated response. */
    public record Reply(int status, java.net.http.HttpHeaders headers, JsonNode json) {

        /** The problem code, for error responses. */
        public String code() {
            return json == null ? null : json.path("code").asText(null);
        }

        public String text(String field) {
            return json.path(field).asText(null);
        }

        @Override
        public String toString() {
            return status + " " + json;
        }
    }
}
