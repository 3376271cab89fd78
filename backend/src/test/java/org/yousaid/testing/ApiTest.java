package org.yousaid.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;

/** Base for HTTP tests: the real server, a contract-validating client and per-test fixtures. */
public abstract class ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected EmbeddedServer server;

    @Inject
    protected Fixtures fixtures;

    @Inject
    protected GoogleEndpoints google;

    protected Api api() {
        return Api.at(server.getURI());
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
