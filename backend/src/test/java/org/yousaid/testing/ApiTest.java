package org.yousaid.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.yousaid.tagging.TaggingWorker;

/** Base for HTTP tests: the real server, a contract-validating client and per-test fixtures. */
public abstract class ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected Fixtures fixtures;

    @Inject
    protected GoogleEndpoints google;

    @Inject
    protected TaggingWorker taggingWorker;

    protected Api api() {
        return Api.at(server.getURI());
    }

    /**
     * Runs every due tagging job (of every area) to the end, as the server's workers would: nothing
     * is published before its analysis.
     */
    protected void analyseAll() {
        for (int i = 0; i < 10_000 && taggingWorker.runOnce() != TaggingWorker.Step.IDLE; i++) {
            // keep going
        }
    }

    /**
     * A forum lead's action at the desk on an item, at the version the desk shows them now
     * ({@code fields} are the request's other JSON members, without braces).
     */
    protected Api.Reply moderate(String uid, String areaId, String contentType, String id, String action, String fields) {
        String item = "/v1/areas/" + areaId + "/moderation/items/" + contentType + "/" + id;
        Api.Reply current = as(uid).get(item);
        int version = current.json() == null ? 1 : current.json().path("version").asInt(1);
        String body = "{\"version\":" + version + (fields == null || fields.isEmpty() ? "" : "," + fields) + "}";
        return as(uid).post(item + "/" + action, body);
    }

    /** Publishes a wall comment as the forum lead would, proposals applied. */
    protected Api.Reply publishComment(String uid, String areaId, String id, String fields) {
        return moderate(uid, areaId, "comment", id, "publish", fields);
    }

    /** A wall comment written by {@code uid} as the app sends it (with an idempotency key); its id. */
    protected String postComment(String uid, String areaId, String body) {
        return as(uid).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .post("/v1/areas/" + areaId + "/comments", json("body", body)).text("id");
    }

    /** A client signed in as {@code uid} with a valid ID token. */
    protected Api as(String uid) {
        return api().as(Tokens.idToken(uid));
    }

    protected static String json(String field, String value) {
        return "{\"" + field + "\":" + quote(value) + "}";
    }

    protected static String quote(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
