package org.yousaid.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.Api;
import org.yousaid.testing.Api.Reply;
import org.yousaid.testing.ApiTest;
import org.yousaid.testing.Contract;

/**
 * A stranger's sweep of every operation in the contract, as every role: control characters in each
 * path parameter, malformed JSON, NUL in text, every field of the wrong type and every field at an
 * extreme. Whatever the answer, it is a declared status with a valid body (the client checks the
 * contract), never a 5xx, and it carries {@code X-Content-Type-Options: nosniff} and
 * {@code Cache-Control: no-store}.
 */
@MicronautTest(transactional = false)
class EveryOperationEdgeTest extends ApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noOperationAnswers5xxToAnythingAStrangerSends() throws Exception {
        String area = fixtures.area();
        List<String> people = List.of(fixtures.member(area, "family"), fixtures.member(area, "forum_lead"),
                fixtures.member(area, "commissioner"), fixtures.member(area, "area_admin"));
        // Real things to aim at, so the sweep reaches the rules and the SQL, not only "not found".
        String surveyId = as(people.get(2)).post("/v1/areas/" + area + "/surveys", "{\"templateId\":\"equipment\"}").text("id");
        as(people.get(2)).post("/v1/areas/" + area + "/surveys/" + surveyId + "/publish", null);
        String commentId = as(people.get(0)).header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/v1/areas/" + area + "/comments", json("body", "The short breaks service has closed.")).text("id");
        analyseAll();
        Map<String, String> real = Map.of("surveyId", surveyId, "commentId", commentId, "contentId", commentId);
        JsonNode spec = Contract.get().spec();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        int headersChecked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                String method = op.getKey().toUpperCase();
                Map<String, String> params = parameters(path.getKey(), area, real);
                List<String> addresses = new ArrayList<>();
                addresses.add(fill(path.getKey(), params));
                for (String name : params.keySet()) {
                    Map<String, String> broken = new LinkedHashMap<>(params);
                    broken.put(name, "a%00b%01");
                    addresses.add(fill(path.getKey(), broken));
                }
                addresses.add(fill(path.getKey(), params) + "?limit=5&cursor=%00&status=%01");
                List<String> bodies = bodies(spec, op.getValue());
                for (String uid : people) {
                    Api client = as(uid).header("Idempotency-Key", UUID.randomUUID().toString());
                    for (String address : addresses) {
                        for (String body : bodies) {
                            sent++;
                            try {
                                Reply reply = client.send(method, address, body, body == null ? null : "application/json");
                                if (reply.status() >= 500) {
                                    failures.add(method + " " + address + " " + body + " -> " + reply);
                                }
                                if (!reply.headers().firstValue("X-Content-Type-Options").orElse("").equals("nosniff")
                                        || !reply.headers().firstValue("Cache-Control").orElse("").contains("no-store")) {
                                    failures.add(method + " " + address + " lacks nosniff or no-store: " + reply.headers().map());
                                }
                                headersChecked++;
                            } catch (AssertionError contractBroken) {
                                failures.add(method + " " + address + " " + body + " -> " + contractBroken.getMessage());
                            }
                        }
                    }
                }
            }
        }
        assertThat(sent).isGreaterThan(1000);
        assertThat(headersChecked).isEqualTo(sent);
        assertThat(failures).isEmpty();
    }

    private static Map<String, String> parameters(String template, String area, Map<String, String> real) {
        Map<String, String> values = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            String name = m.group(1);
            values.put(name, switch (name) {
                case "areaId" -> area;
                case "uid" -> "someone";
                case "templateId" -> "equipment";
                case "version" -> "1";
                case "contentType" -> "comment";
                default -> real.getOrDefault(name, UUID.randomUUID().toString());
            });
        }
        return values;
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue());
        }
        return out;
    }

    /** No body, then (for operations that take one) broken JSON, NUL text, wrong types and extremes. */
    private static List<String> bodies(JsonNode spec, JsonNode operation) throws Exception {
        List<String> bodies = new ArrayList<>();
        bodies.add(null);
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return bodies;
        }
        JsonNode resolved = resolve(spec, schema);
        bodies.add("{\"a\":");
        bodies.add("{\"a\":1,}");
        bodies.add("null");
        bodies.add("[]");
        ObjectNode nul = JSON.createObjectNode();
        ObjectNode wrong = JSON.createObjectNode();
        ObjectNode extreme = JSON.createObjectNode();
        resolved.path("properties").fields().forEachRemaining(p -> {
            JsonNode property = resolve(spec, p.getValue());
            String type = property.path("type").isArray() ? property.path("type").get(0).asText() : property.path("type").asText("object");
            nul.put(p.getKey(), "x\u0000y");
            switch (type) {
                case "string" -> {
                    wrong.put(p.getKey(), 12345);
                    extreme.put(p.getKey(), "\u00e9".repeat(20_000));
                }
                case "integer", "number" -> {
                    wrong.put(p.getKey(), "12");
                    extreme.put(p.getKey(), new java.math.BigInteger("99999999999999999999999"));
                }
                case "boolean" -> {
                    wrong.put(p.getKey(), "true");
                    extreme.put(p.getKey(), true);
                }
                case "array" -> {
                    wrong.put(p.getKey(), "[]");
                    extreme.set(p.getKey(), JSON.createArrayNode().add("x".repeat(3000)).add(-1).add(JSON.createObjectNode()));
                }
                default -> {
                    wrong.put(p.getKey(), 7);
                    ObjectNode deep = JSON.createObjectNode();
                    ObjectNode at = deep;
                    for (int i = 0; i < 200; i++) {
                        at = at.putObject("d");
                    }
                    extreme.set(p.getKey(), deep);
                }
            }
        });
        bodies.add(JSON.writeValueAsString(nul));
        bodies.add(JSON.writeValueAsString(wrong));
        bodies.add(JSON.writeValueAsString(extreme));
        return bodies;
    }

    private static JsonNode resolve(JsonNode spec, JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = spec.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }
}
