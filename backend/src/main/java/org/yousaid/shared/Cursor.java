package org.yousaid.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset position in a list ordered by (time, id): stable under inserts, unlike offsets. Clients
 * only ever see it signed by {@link Cursors}.
 */
public record Cursor(Instant at, UUID id) {

    String encode() {
        String raw = at.toEpochMilli() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a position {@link Cursors} verified, or throws the given problem. */
    static Cursor decode(String encoded, ProblemCode invalid) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            long millis = Long.parseLong(parts[0]);
            int nanos = Integer.parseInt(parts[1]);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(millis, 1000), nanos);
            return new Cursor(at, UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new ProblemException(invalid, "The cursor is not valid; start again from the first page.");
        }
    }
}
