package org.yousaid.shared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.MethodBasedRouteInfo;
import io.micronaut.web.router.RouteAttributes;
import java.io.IOException;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The edge every request crosses before any feature reads it. What a database cannot store (a NUL
 * character, a lone surrogate) or a client could not have meant is refused here with a 4xx, never
 * left to surface as a 500 from deep inside: control characters in the path or query, a body sent
 * without a Content-Type, JSON that is not strictly JSON (trailing commas, duplicate keys, text
 * after the value), and JSON whose types differ from the contract's ({@link ContractRequests}).
 */
@ServerFilter("/v1/**")
final class RequestEdge implements Ordered {

    /** Nothing in the contract nests deeper than a survey definition's show-if values (6 levels). */
    static final int MAX_DEPTH = 32;
    private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final List<HttpMethod> WITH_BODY = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ContractRequests contract;

    RequestEdge(ContractRequests contract) {
        this.contract = contract;
    }

    @Override
    public int getOrder() {
        // Before authentication: a malformed request is refused without verifying a token.
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request, @Nullable @Body byte[] body) {
        Optional<HttpResponse<?>> refused = checkAddress(request).or(() -> checkQuery(request));
        if (refused.isPresent()) {
            return refused.get();
        }
        if (body == null || body.length == 0 || !WITH_BODY.contains(request.getMethod())) {
            return null;
        }
        Optional<MediaType> type = request.getContentType();
        if (type.isEmpty()) {
            return ProblemResponses.of(RequestProblem.UNSUPPORTED_MEDIA_TYPE,
                    "Say what the body is: send it with Content-Type: application/json.");
        }
        if (!type.get().matchesExtension(MediaType.EXTENSION_JSON) && !MediaType.APPLICATION_JSON_TYPE.matches(type.get())) {
            return null;
        }
        return checkJson(request, body);
    }

    private static Optional<HttpResponse<?>> checkAddress(HttpRequest<?> request) {
        String path;
        try {
            path = URI.create(request.getUri().toString()).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.of(ProblemResponses.of(RequestProblem.INVALID_PARAMETER, "The address is not a valid URI."));
        }
        if (path != null && hasUnusable(path)) {
            return Optional.of(ProblemResponses.of(RequestProblem.INVALID_PARAMETER,
                    "The address contains a control character; ids and names never do.", Map.of("path", "control character")));
        }
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            if (hasUnusable(parameter.getKey()) || parameter.getValue().stream().anyMatch(RequestEdge::hasUnusable)) {
                String name = hasUnusable(parameter.getKey()) ? "query" : parameter.getKey();
                return Optional.of(ProblemResponses.of(RequestProblem.INVALID_PARAMETER,
                        "The parameter '" + name + "' contains a control character.", Map.of(name, "control character")));
            }
        }
        return Optional.empty();
    }

    /**
     * Query values are read as the contract types them. The framework would take an empty value as
     * absent (so {@code limit=} quietly meant 20) and "yes", "on" or "1" as true: a client that sent
     * them did not mean what the server would have done.
     */
    private Optional<HttpResponse<?>> checkQuery(HttpRequest<?> request) {
        Optional<String> operation = operationOf(request);
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> types = contract.queryTypes(operation.get());
        for (Map.Entry<String, List<String>> parameter : request.getParameters().asMap().entrySet()) {
            String type = types.get(parameter.getKey());
            if (type == null) {
                continue;
            }
            for (String value : parameter.getValue()) {
                String wanted = value.isEmpty() ? "a value (leave the parameter out for its default)"
                        : "boolean".equals(type) && !value.equals("true") && !value.equals("false") ? "true or false"
                        : "integer".equals(type) && !value.matches("-?[0-9]{1,10}") ? "a whole number"
                        : null;
                if (wanted != null) {
                    return Optional.of(ProblemResponses.of(RequestProblem.INVALID_PARAMETER,
                            "The parameter '" + parameter.getKey() + "' must be " + wanted + ".", Map.of(parameter.getKey(), "must be " + wanted)));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> operationOf(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request)
                .filter(MethodBasedRouteInfo.class::isInstance)
                .map(r -> ((MethodBasedRouteInfo<?, ?>) r).getTargetMethod().getMethodName());
    }

    private @Nullable HttpResponse<?> checkJson(HttpRequest<?> request, byte[] body) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            // RFC 8259 forbids sending one; a parser that skips it hides a client that writes files, not JSON.
            return ProblemResponses.of(RequestProblem.MALFORMED_JSON,
                    "The request body starts with a byte-order mark; send JSON text without one.");
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(body);
        } catch (StreamConstraintsException e) {
            return ProblemResponses.of(RequestProblem.MALFORMED_JSON,
                    "The request body nests deeper than " + MAX_DEPTH + " levels; nothing the API takes does.");
        } catch (JsonProcessingException e) {
            // The parser's message may quote the body: never echoed.
            return ProblemResponses.of(RequestProblem.MALFORMED_JSON,
                    "The request body is not well-formed JSON (no trailing commas, duplicate keys or comments).");
        } catch (IOException e) {
            return ProblemResponses.of(RequestProblem.MALFORMED_JSON, "The request body could not be read.");
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            // A JSON null is how generated clients send an optional body they have not got.
            return null;
        }
        Map<String, String> unstorable = new LinkedHashMap<>();
        findUnstorable(tree, "", unstorable);
        if (!unstorable.isEmpty()) {
            return ProblemResponses.of(RequestProblem.INVALID,
                    "Some text contains a NUL character or a broken surrogate pair, which cannot be stored.", unstorable);
        }
        Optional<String> operation = operationOf(request);
        if (operation.isEmpty()) {
            return null;
        }
        return contract.check(operation.get(), tree).filter(m -> !m.isEmpty()).<HttpResponse<?>>map(m -> {
            if (m.wrongType().containsKey("$")) {
                return ProblemResponses.of(RequestProblem.MALFORMED_JSON, "The request body does not match the expected JSON shape.");
            }
            if (!m.unknown().isEmpty()) {
                String first = m.unknown().keySet().iterator().next();
                return ProblemResponses.of(RequestProblem.UNKNOWN_FIELD, "The field '" + first + "' is not part of this request.",
                        m.unknown());
            }
            return ProblemResponses.of(RequestProblem.INVALID,
                    "Some fields have the wrong JSON type for this request; see errors.", m.wrongType());
        }).orElse(null);
    }

    private static void findUnstorable(JsonNode node, String at, Map<String, String> found) {
        if (node.isTextual() && !isStorable(node.textValue())) {
            found.putIfAbsent(at.isEmpty() ? "$" : at, "contains a NUL character or a lone surrogate");
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
                if (!isStorable(field.getKey())) {
                    found.putIfAbsent(at.isEmpty() ? "$" : at, "a field name contains a NUL character or a lone surrogate");
                }
                findUnstorable(field.getValue(), name, found);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findUnstorable(node.get(i), at + "[" + i + "]", found);
            }
        }
    }

    /** PostgreSQL text and jsonb hold neither U+0000 nor half a surrogate pair. */
    private static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Ids, names and parameters never hold control characters, and the database stores no NUL. */
    private static boolean hasUnusable(String text) {
        return !isStorable(text) || text.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL);
    }
}
