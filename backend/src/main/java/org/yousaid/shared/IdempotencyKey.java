package org.yousaid.shared;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The client's key for "this one thing I am sending", reused on every retry, and the fingerprint
 * of what was sent with it.
 */
public record IdempotencyKey(UUID value) {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public static IdempotencyKey parse(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new ProblemException(IdempotencyProblem.KEY_MISSING,
                    "Send an Idempotency-Key header: a UUID generated once for this request and reused on retries.");
        }
        try {
            String trimmed = header.trim();
            UUID uuid = UUID.fromString(trimmed);
            if (!uuid.toString().equalsIgnoreCase(trimmed)) {
                throw new IllegalArgumentException("non-canonical");
            }
            return new IdempotencyKey(uuid);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(IdempotencyProblem.KEY_INVALID, "The Idempotency-Key must be a UUID.");
        }
    }

    /** SHA-256 of the request's meaningful parts; equal hashes mean "the same request again". */
    public static String fingerprint(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ProblemException reused() {
        return new ProblemException(IdempotencyProblem.KEY_REUSED,
                "This Idempotency-Key was already used for a different request.");
    }
}
