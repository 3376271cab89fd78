package org.yousaid.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The OpenAPI contract (mobile-api-spec/openapi.yaml, from the classpath) as a validator: every
 * response a test receives must be a declared status of its operation, with the declared media
 * type and a body matching the declared JSON Schema (2020-12, formats asserted).
 */
public final class Contract {

    public static final String SPEC_RESOURCE = "yousaid-api/openapi.yaml";
    private static final String BASE = "https://contract.yousaid.test/openapi.json";
    private static final Contract INSTANCE = new Contract();

    private final JsonNode spec;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Set<String> exercised = ConcurrentHashMap.newKeySet();

    private record Route(String template, Pattern pattern, int params) {
    }

    private Contract() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SPEC_RESOURCE + " is not on the test classpath");
            }
            spec = yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode document = spec.deepCopy();
        ObjectNode generated = ((ObjectNode) document.path("components")).putObject("x-responses");
        // Response schemas are registered under plain names so they can be addressed by a simple pointer.
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            op.getValue().path("responses").fields().forEachRemaining(response -> {
                JsonNode resolved = resolve(response.getValue());
                resolved.path("content").fields().forEachRemaining(media -> {
                    if (media.getValue().has("schema")) {
                        generated.set(key(path.getKey(), op.getKey(), response.getKey(), media.getKey()), media.getValue().get("schema"));
                    }
                });
            });
        }));
        byte[] bytes;
        try {
            bytes = new ObjectMapper().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaLoaders(loaders -> loaders.add(iri -> iri.toString().startsWith(BASE)
                        ? (InputStreamSource) () -> new ByteArrayInputStream(bytes) : null)));
        config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        spec.path("paths").fieldNames().forEachRemaining(template -> routes.add(new Route(template,
                Pattern.compile("^" + template.replaceAll("\\{[^/]+}", "[^/]+") + "$"),
                template.split("\\{", -1).length - 1)));
        routes.sort(Comparator.comparingInt(Route::params));
    }

    public static Contract get() {
        return INSTANCE;
    }

    public JsonNode spec() {
        return spec;
    }

    /** "METHOD template" of every operation any test has validated a response of. */
    public Set<String> exercised() {
        return Set.copyOf(exercised);
    }

    /**
     * Checks one response; throws AssertionError naming what breaks the contract.
     *
     * @param path the request path without query string
     */
    public void validate(String method, String path, int status, Optional<String> contentType, String body) {
        Optional<Route> matched = routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst();
        if (matched.isEmpty()) {
            // An address the contract does not have may only answer with a problem document.
            validateProblem(method, path, status, contentType, body);
            return;
        }
        Route route = matched.get();
        String op = method.toLowerCase();
        JsonNode operation = spec.path("paths").path(route.template()).path(op);
        if (operation.isMissingNode()) {
            // Only the framework's own 405 may answer an undeclared method.
            if (status != 405) {
                throw new AssertionError(method + " " + route.template() + " is not in the contract but answered " + status);
            }
            return;
        }
        exercised.add(method.toUpperCase() + " " + route.template());
        String statusKey = String.valueOf(status);
        JsonNode response = operation.path("responses").path(statusKey);
        if (response.isMissingNode()) {
            response = operation.path("responses").path("default");
            statusKey = "default";
            if (response.isMissingNode()) {
                throw new AssertionError(method + " " + route.template() + " does not declare status " + status);
            }
        }
        JsonNode content = resolve(response).path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!body.isEmpty()) {
                throw new AssertionError(method + " " + route.template() + " " + status + " declares no body but sent one");
            }
            return;
        }
        String media = contentType.map(ct -> ct.split(";")[0].trim().toLowerCase())
                .orElseThrow(() -> new AssertionError(method + " " + route.template() + " " + status + " has no Content-Type"));
        if (!content.has(media)) {
            throw new AssertionError(method + " " + route.template() + " " + status + " answered " + media
                    + " but the contract declares " + content.fieldNames().next());
        }
        if (!media.endsWith("json")) {
            // A document (a PDF, a CSV) is checked by the test that reads it; the contract fixes its type.
            return;
        }
        String pointer = "#/components/x-responses/" + key(route.template(), op, statusKey, media);
        JsonSchema schema = schemas.computeIfAbsent(pointer, p -> factory.getSchema(SchemaLocation.of(BASE + p), config));
        Set<ValidationMessage> errors = schema.validate(body, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + path + " " + status + " breaks the contract: " + errors + "\nbody: " + body);
        }
    }

    private void validateProblem(String method, String path, int status, Optional<String> contentType, String body) {
        if (status < 400 || !contentType.orElse("").startsWith("application/problem+json")) {
            throw new AssertionError(method + " " + path + " is not in the contract but answered " + status + " " + contentType);
        }
        String pointer = "#/components/schemas/Problem";
        JsonSchema schema = schemas.computeIfAbsent(pointer, p -> factory.getSchema(SchemaLocation.of(BASE + p), config));
        Set<ValidationMessage> errors = schema.validate(body, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError(method + " " + path + " " + status + " is not a problem document: " + errors);
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            current = spec.at(ref.substring(1));
        }
        return current;
    }

    private static String key(String template, String op, String status, String media) {
        String raw = op + "_" + template + "_" + status + "_" + media;
        StringBuilder out = new StringBuilder();
        for (Iterator<Integer> it = raw.codePoints().iterator(); it.hasNext(); ) {
            int c = it.next();
            out.append(Character.isLetterOrDigit(c) ? Character.toString(c) : "_");
        }
        return out.toString();
    }
}
