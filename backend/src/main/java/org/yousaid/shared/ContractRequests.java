package org.yousaid.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.InputStreamSource;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The request bodies of the OpenAPI contract (packaged by mobile-api-spec) as JSON Schemas, by
 * operationId. The server reads JSON exactly as the contract types it: a string is a string, an
 * integer has no fraction, a boolean is true or false. Range, length and pattern rules stay with the
 * features, which answer with their own, more precise problem codes.
 */
@Singleton
final class ContractRequests {

    static final String SPEC = "yousaid-api/openapi.yaml";
    private static final String BASE = "https://contract.yousaid.invalid/openapi.json";
    /** Keywords about the JSON's shape; everything else is a feature's rule. */
    private static final Set<String> SHAPE = Set.of("type", "additionalProperties", "unevaluatedProperties");
    /** Fields checked in full by their own validator (survey definitions against their JSON Schema). */
    private static final Set<String> OWN_VALIDATOR = Set.of("definition");

    /** What is wrong with a body's shape: unknown fields, and fields of the wrong JSON type. */
    record Mismatch(Map<String, String> unknown, Map<String, String> wrongType) {
        boolean isEmpty() {
            return unknown.isEmpty() && wrongType.isEmpty();
        }
    }

    private final Map<String, JsonSchema> bodies = new HashMap<>();
    /** The JSON type of each query parameter, by operationId and parameter name. */
    private final Map<String, Map<String, String>> queryTypes = new HashMap<>();

    ContractRequests() {
        ObjectNode spec;
        try (InputStream in = ContractRequests.class.getClassLoader().getResourceAsStream(SPEC)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SPEC + " (packaged by mobile-api-spec)");
            }
            spec = (ObjectNode) new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode components = spec.path("components");
        spec.path("paths").forEach(path -> path.forEach(operation -> {
            if (operation.has("operationId")) {
                Map<String, String> types = new HashMap<>();
                List<JsonNode> parameters = new ArrayList<>();
                path.path("parameters").forEach(parameters::add);
                operation.path("parameters").forEach(parameters::add);
                for (JsonNode parameter : parameters) {
                    JsonNode p = resolve(components, parameter);
                    if ("query".equals(p.path("in").asText())) {
                        types.put(p.path("name").asText(), resolve(components, p.path("schema")).path("type").asText("string"));
                    }
                }
                queryTypes.put(operation.get("operationId").asText(), Map.copyOf(types));
            }
        }));
        ObjectNode requests = ((ObjectNode) spec.path("components")).putObject("x-requests");
        spec.path("paths").forEach(path -> path.forEach(operation -> {
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            if (!schema.isMissingNode() && operation.has("operationId")) {
                requests.set(operation.get("operationId").asText(), schema);
            }
        }));
        byte[] document;
        try {
            document = new ObjectMapper().writeValueAsBytes(spec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaLoaders(loaders -> loaders.add(iri -> iri.toString().startsWith(BASE)
                        ? (InputStreamSource) () -> new ByteArrayInputStream(document) : null)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build();
        requests.fieldNames().forEachRemaining(operationId -> {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(BASE + "#/components/x-requests/" + operationId), config);
            schema.initializeValidators();
            bodies.put(operationId, schema);
        });
    }

    /** The JSON type of each query parameter the operation declares ("integer", "boolean", "string"). */
    Map<String, String> queryTypes(String operationId) {
        return queryTypes.getOrDefault(operationId, Map.of());
    }

    private static JsonNode resolve(JsonNode components, JsonNode node) {
        JsonNode at = node;
        for (int hops = 0; at.has("$ref") && hops < 8; hops++) {
            String[] ref = at.get("$ref").asText().split("/");
            at = components.path(ref[ref.length - 2]).path(ref[ref.length - 1]);
        }
        return at;
    }

    /** Empty when the operation takes no JSON body in the contract. */
    Optional<Mismatch> check(String operationId, JsonNode body) {
        JsonSchema schema = bodies.get(operationId);
        if (schema == null) {
            return Optional.empty();
        }
        Map<String, String> unknown = new LinkedHashMap<>();
        Map<String, String> wrongType = new LinkedHashMap<>();
        for (ValidationMessage m : schema.validate(body)) {
            String field = field(m);
            if (!SHAPE.contains(m.getType()) || OWN_VALIDATOR.contains(firstSegment(m))) {
                continue;
            }
            if ("type".equals(m.getType())) {
                wrongType.putIfAbsent(field, "must be " + expected(m));
            } else if (m.getProperty() != null) {
                String name = m.getProperty();
                unknown.putIfAbsent(field.equals("$") ? name : field + "." + name, "not a known field");
            }
        }
        return Optional.of(new Mismatch(unknown, wrongType));
    }

    private static String field(ValidationMessage m) {
        String path = m.getInstanceLocation().toString();
        return path.startsWith("$.") ? path.substring(2) : path;
    }

    private static String firstSegment(ValidationMessage m) {
        String field = field(m);
        int end = field.indexOf('.');
        int bracket = field.indexOf('[');
        if (bracket >= 0 && (end < 0 || bracket < end)) {
            end = bracket;
        }
        return end < 0 ? field : field.substring(0, end);
    }

    private static String expected(ValidationMessage m) {
        Object[] args = m.getArguments();
        String type = args != null && args.length > 1 ? String.valueOf(args[1]) : "of another type";
        return switch (type) {
            case "string" -> "a string";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "object" -> "an object";
            case "array" -> "an array";
            default -> type.replace("[", "").replace("]", "").replace(", ", " or ");
        };
    }
}
