package org.yousaid.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.yousaid.tagging.TaggingWorker;
import org.yousaid.testing.Api;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.Contract;
import org.yousaid.testing.Fixtures;
import org.yousaid.testing.Tokens;

/**
 * A property-based fuzzer driven by the contract (jqwik): each try picks an operation, a caller
 * (every role of the area, another area's admin, no token, a forged token), path parameters (real
 * ids, strangers' ids, broken strings), query parameters and a body generated from the operation's
 * schemas, then mutated (a required field dropped, a field of the wrong type or null, an unknown
 * field, a huge string, broken JSON, the wrong media type). Whatever it sends, the server answers
 * below 500, every 4xx is a problem with a code from the contract's catalogue, and every answer is
 * valid against the contract (the client checks). A failure shrinks to the smallest request that
 * still fails, and jqwik prints its seed.
 */
class ContractFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> CALLERS = List.of("family", "young_person", "forum_lead", "commissioner",
            "area_admin", "other_area", "no_token", "bad_token");
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final Map<Integer, AtomicInteger> BY_STATUS = new java.util.TreeMap<>();

    private static EmbeddedServer server;
    private static final Map<String, String> UIDS = new LinkedHashMap<>();
    private static final Map<String, String> VALUES = new LinkedHashMap<>();
    private static final Set<String> CODES = new HashSet<>();
    private static final List<Operation> OPERATIONS = new ArrayList<>();

    /** One operation of the contract. */
    record Operation(String id, String method, String path, JsonNode operation) {
        @Override
        public String toString() {
            return id;
        }
    }

    /** A request as the fuzzer built it: shown whole when a try fails, after shrinking. */
    record Request(Operation operation, String caller, String address, String body, String contentType) {
    }

    @BeforeContainer
    static void start() {
        // Built as the server is, so the embedded database is configured as for the README's run.
        server = ApplicationContext.builder().environments("test").run(EmbeddedServer.class);
        JsonNode spec = Contract.get().spec();
        spec.at("/components/schemas/ProblemCode/enum").forEach(n -> CODES.add(n.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!op.getKey().equals("parameters")) {
                    OPERATIONS.add(new Operation(op.getValue().path("operationId").asText(), op.getKey().toUpperCase(),
                            path.getKey(), op.getValue()));
                }
            }
        }
        Fixtures fixtures = server.getApplicationContext().getBean(Fixtures.class);
        String area = fixtures.area();
        for (String role : List.of("family", "young_person", "forum_lead", "commissioner", "area_admin")) {
            UIDS.put(role, fixtures.member(area, role));
        }
        UIDS.put("other_area", fixtures.member(fixtures.area(), "area_admin"));
        Api commissioner = Api.at(server.getURI()).as(Tokens.idToken(UIDS.get("commissioner")));
        String survey = commissioner.post("/v1/areas/" + area + "/surveys", "{\"templateId\":\"equipment\"}").text("id");
        commissioner.post("/v1/areas/" + area + "/surveys/" + survey + "/publish", null);
        String comment = Api.at(server.getURI()).as(Tokens.idToken(UIDS.get("family")))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", "{\"body\":\"The short breaks service has closed.\"}").text("id");
        TaggingWorker worker = server.getApplicationContext().getBean(TaggingWorker.class);
        for (int i = 0; i < 100 && worker.runOnce() != TaggingWorker.Step.IDLE; i++) {
            // analysed, so the desk's rules are reached
        }
        String outcome = commissioner.post("/v1/areas/" + area + "/outcomes", "{\"title\":\"Equipment in time\"}").text("id");
        VALUES.putAll(Map.of("areaId", area, "surveyId", survey, "commentId", comment, "contentId", comment,
                "outcomeId", outcome, "contentType", "comment", "templateId", "equipment", "version", "1",
                "period", "2026-Q3", "uid", UIDS.get("family")));
    }

    @AfterContainer
    static void stop() {
        System.out.println("contract fuzzer: " + SENT.get() + " requests over " + OPERATIONS.size()
                + " operations; answers by status " + BY_STATUS);
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @Property(tries = 2500, shrinking = ShrinkingMode.BOUNDED)
    void nothingGeneratedFromTheContractGetsA5xxOrAnUncataloguedProblem(@ForAll("requests") Request request) throws Exception {
        Api client = switch (request.caller()) {
            case "no_token" -> Api.at(server.getURI());
            case "bad_token" -> Api.at(server.getURI()).as(Tokens.signedByStranger(UIDS.get("family")));
            default -> Api.at(server.getURI()).as(Tokens.idToken(UIDS.get(request.caller())));
        };
        client = client.header("Idempotency-Key", UUID.randomUUID().toString());
        Reply reply;
        if (request.operation().operation().path("responses").path("200").path("content").has("application/pdf")) {
            Api.Download download = client.download(request.address());
            reply = new Reply(download.status(), download.headers(),
                    download.contentType().contains("json") ? JSON.readTree(download.body()) : null);
        } else {
            reply = client.send(request.operation().method(), request.address(), request.body(), request.contentType());
        }
        SENT.incrementAndGet();
        synchronized (BY_STATUS) {
            BY_STATUS.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
        }
        assertThat(reply.status()).as(reply.toString()).isLessThan(500);
        if (reply.status() >= 400) {
            assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(CODES).as("catalogued: " + reply).contains(reply.code());
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        return Arbitraries.of(OPERATIONS).flatMap(op -> Combinators.combine(
                Arbitraries.of(CALLERS), address(op), body(op), contentType()).as((caller, address, body, type) ->
                new Request(op, caller, address, body, body == null ? null : type)));
    }

    private static Arbitrary<String> contentType() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("text/plain", "application/xml", "application/json; charset=latin1")));
    }

    /** The path with each parameter filled (a real id, a stranger's, or broken) and the query parameters. */
    private static Arbitrary<String> address(Operation op) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.path());
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (String name : names) {
            String real = VALUES.getOrDefault(name, UUID.randomUUID().toString());
            parts.add(Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(8, Arbitraries.just(real)),
                    net.jqwik.api.Tuple.of(2, Arbitraries.create(() -> UUID.randomUUID().toString())),
                    net.jqwik.api.Tuple.of(1, Arbitraries.of("x", "%00", "%E2%80%AE", "..%2F..", "a".repeat(300), "-1",
                            "99999999999999999999", "%F0%9F%98%80", "null", "%20"))));
        }
        List<Arbitrary<String>> query = new ArrayList<>();
        for (JsonNode parameter : op.operation().path("parameters")) {
            JsonNode p = resolve(parameter);
            if (!p.path("in").asText().equals("query")) {
                continue;
            }
            String name = p.path("name").asText();
            Arbitrary<String> value = value(p.path("schema"), 0).map(v -> v.isTextual() ? v.asText() : v.toString())
                    .map(v -> name + "=" + java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            query.add(p.path("required").asBoolean() ? value : value.injectNull(0.5).map(v -> v == null ? "" : v));
        }
        Arbitrary<List<String>> filled = parts.isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(parts).as(l -> l);
        Arbitrary<List<String>> queried = query.isEmpty() ? Arbitraries.just(List.of()) : Combinators.combine(query).as(l -> l);
        return Combinators.combine(filled, queried).as((values, q) -> {
            String address = op.path();
            for (int i = 0; i < names.size(); i++) {
                address = address.replace("{" + names.get(i) + "}", values.get(i));
            }
            String joined = String.join("&", q.stream().filter(s -> !s.isEmpty()).toList());
            return joined.isEmpty() ? address : address + "?" + joined;
        });
    }

    /** No body for an operation without one; else one generated from its schema, then perhaps mutated. */
    private static Arbitrary<String> body(Operation op) {
        JsonNode schema = op.operation().path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return Arbitraries.just(null);
        }
        Arbitrary<JsonNode> valid = value(schema, 0);
        return Combinators.combine(valid, Arbitraries.of(Mutation.values()), Arbitraries.integers().between(0, 50))
                .as((node, mutation, pick) -> mutation.apply(node, pick));
    }

    /** What is done to a body generated from the schema before it is sent. */
    enum Mutation {
        NONE, NONE_AGAIN, DROP_FIELD, WRONG_TYPE, NULL_FIELD, UNKNOWN_FIELD, HUGE_STRING, BROKEN_JSON, NOT_AN_OBJECT, EMPTY;

        String apply(JsonNode generated, int pick) {
            JsonNode node = generated.deepCopy();
            List<String> fields = new ArrayList<>();
            node.fieldNames().forEachRemaining(fields::add);
            String field = fields.isEmpty() ? "x" : fields.get(pick % fields.size());
            switch (this) {
                case DROP_FIELD -> {
                    if (node instanceof ObjectNode o) {
                        o.remove(field);
                    }
                }
                case WRONG_TYPE -> {
                    if (node instanceof ObjectNode o) {
                        JsonNode was = o.get(field);
                        o.set(field, was != null && was.isTextual() ? NODES.numberNode(pick) : NODES.textNode("wrong"));
                    }
                }
                case NULL_FIELD -> {
                    if (node instanceof ObjectNode o) {
                        o.putNull(field);
                    }
                }
                case UNKNOWN_FIELD -> {
                    if (node instanceof ObjectNode o) {
                        o.put("unexpected" + pick, true);
                    }
                }
                case HUGE_STRING -> {
                    if (node instanceof ObjectNode o) {
                        o.put(field, "\u00e9".repeat(10_000 + pick));
                    }
                }
                case BROKEN_JSON -> {
                    String text = node.toString();
                    return text.substring(0, Math.max(1, text.length() - 1 - pick % Math.max(1, text.length() - 1)));
                }
                case NOT_AN_OBJECT -> {
                    return pick % 2 == 0 ? "[" + node + "]" : String.valueOf(pick);
                }
                case EMPTY -> {
                    return "";
                }
                default -> {
                    // as generated
                }
            }
            return node.toString();
        }
    }

    /** A JSON value from a schema: the contract's enums, formats, bounds, required and optional fields. */
    private static Arbitrary<JsonNode> value(JsonNode schemaRef, int depth) {
        JsonNode schema = resolve(schemaRef);
        if (schema.has("enum")) {
            List<JsonNode> options = new ArrayList<>();
            schema.get("enum").forEach(options::add);
            return Arbitraries.of(options);
        }
        for (String alternatives : List.of("oneOf", "anyOf")) {
            if (schema.has(alternatives)) {
                List<Arbitrary<JsonNode>> each = new ArrayList<>();
                schema.get(alternatives).forEach(s -> each.add(value(s, depth + 1)));
                return Arbitraries.oneOf(each);
            }
        }
        if (schema.has("allOf")) {
            return value(schema.get("allOf").get(0), depth + 1);
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            List<Arbitrary<JsonNode>> each = new ArrayList<>();
            for (JsonNode t : type) {
                ObjectNode single = schema.deepCopy();
                single.put("type", t.asText());
                each.add(value(single, depth));
            }
            return Arbitraries.oneOf(each);
        }
        return switch (type.asText(schema.has("properties") ? "object" : "string")) {
            case "null" -> Arbitraries.just(NODES.nullNode());
            case "boolean" -> Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b));
            case "integer" -> Arbitraries.longs().between(schema.path("minimum").asLong(-1000), schema.path("maximum").asLong(100_000))
                    .map(n -> (JsonNode) NODES.numberNode(n));
            case "number" -> Arbitraries.doubles().between(schema.path("minimum").asDouble(-1000), schema.path("maximum").asDouble(100_000))
                    .map(n -> (JsonNode) NODES.numberNode(n));
            case "array" -> depth > 4 ? Arbitraries.just(NODES.arrayNode())
                    : value(schema.path("items"), depth + 1).list().ofMaxSize(Math.min(4, schema.path("maxItems").asInt(4)))
                    .map(items -> {
                        ArrayNode array = NODES.arrayNode();
                        items.forEach(array::add);
                        return (JsonNode) array;
                    });
            case "object" -> object(schema, depth);
            default -> string(schema);
        };
    }

    private static Arbitrary<JsonNode> object(JsonNode schema, int depth) {
        if (depth > 4 || !schema.has("properties")) {
            return Arbitraries.just(NODES.objectNode());
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> names = new ArrayList<>();
        List<Arbitrary<JsonNode>> values = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            names.add(p.getKey());
            Arbitrary<JsonNode> v = value(p.getValue(), depth + 1);
            values.add(required.contains(p.getKey()) ? v : v.injectNull(0.4));
        });
        return Combinators.combine(values).as(list -> {
            ObjectNode o = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                if (list.get(i) != null) {
                    o.set(names.get(i), list.get(i));
                }
            }
            return o;
        });
    }

    private static Arbitrary<JsonNode> string(JsonNode schema) {
        String format = schema.path("format").asText("");
        String pattern = schema.path("pattern").asText("");
        Arbitrary<String> text = switch (format) {
            case "uuid" -> Arbitraries.oneOf(Arbitraries.of(new ArrayList<>(new HashSet<>(VALUES.values()))),
                    Arbitraries.create(() -> UUID.randomUUID().toString()));
            case "date" -> Arbitraries.integers().between(-800, 800).map(d -> LocalDate.of(2026, 6, 1).plusDays(d).toString());
            case "date-time" -> Arbitraries.integers().between(-800, 800).map(d -> LocalDate.of(2026, 6, 1).plusDays(d) + "T10:15:30Z");
            case "email" -> Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> s + "@example.org");
            default -> pattern.contains("Q[1-4]")
                    ? Arbitraries.integers().between(2020, 2030).flatMap(y -> Arbitraries.integers().between(1, 4).map(q -> y + "-Q" + q))
                    : pattern.startsWith("^[a-z]")
                    ? Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1).ofMaxLength(20)
                    .filter(s -> Character.isLetter(s.charAt(0)))
                    : Arbitraries.strings().all().ofMinLength(schema.path("minLength").asInt(0))
                    .ofMaxLength(Math.max(schema.path("minLength").asInt(0), Math.min(200, schema.path("maxLength").asInt(200))));
        };
        return text.map(s -> (JsonNode) NODES.textNode(s));
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = Contract.get().spec().at(current.get("$ref").asText().substring(1));
        }
        return current;
    }
}
