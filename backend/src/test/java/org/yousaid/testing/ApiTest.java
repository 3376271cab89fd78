package org.yousaid.testing;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;

/** Base for HTTP tests: the real server, a contract-validating client and per-test fixtures. */
public abstract class ApiTest {

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
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
