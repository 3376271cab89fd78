package org.yousaid.shared;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs list positions, so a cursor is opaque and works only for the list and the caller it was
 * given to: a cursor from one area's wall cannot page another area's, nor one person's own comments
 * another's. A foreign or altered cursor is a 400.
 *
 * <p>The key is {@code yousaid.cursor.secret} (YOUSAID_CURSOR_SECRET); without one each process
 * makes its own, and cursors do not survive a restart or cross replicas (clients then start again
 * from the first page, as the 400 tells them).
 */
@Singleton
public final class Cursors {

    private static final Logger LOG = LoggerFactory.getLogger(Cursors.class);
    private static final int MAC_BYTES = 16;

    private final SecretKeySpec key;

    Cursors(@Value("${yousaid.cursor.secret:}") String secret) {
        byte[] bytes;
        if (secret == null || secret.isBlank()) {
            bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            LOG.info("cursors.key source=random (set YOUSAID_CURSOR_SECRET to share cursors across restarts and replicas)");
        } else {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** Paging of one list (named by its parts, e.g. "wall" and the area) for one caller. */
    public Listing listing(String callerUid, String... list) {
        return new Listing(this, callerUid + "\n" + String.join("\n", list));
    }

    /** Reads and writes the cursors of one list for one caller. */
    public record Listing(Cursors cursors, String binding) {

        /** The position after which to continue, or null for the first page. */
        public @Nullable Cursor after(@Nullable String token) {
            return token == null ? null : cursors.read(token, binding);
        }

        /** The key after which to continue, for lists ordered by a text key rather than by time. */
        public @Nullable String afterKey(@Nullable String token) {
            return token == null ? null : new String(Base64.getUrlDecoder().decode(cursors.readPayload(token, "key\n" + binding)),
                    StandardCharsets.UTF_8);
        }

        /** A page of a list ordered by a text key (see {@link #afterKey}). */
        public <R, T> Page<T> pageByKey(List<R> rows, int limit, Function<R, String> key, Function<R, T> view) {
            boolean more = rows.size() > limit;
            List<R> shown = more ? rows.subList(0, limit) : rows;
            String next = null;
            if (more) {
                String payload = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(key.apply(shown.get(shown.size() - 1)).getBytes(StandardCharsets.UTF_8));
                next = cursors.sign(payload, "key\n" + binding);
            }
            return new Page<>(shown.stream().map(view).toList(), next);
        }

        /** A page from rows fetched with {@code limit + 1}: the extra row only says there is more. */
        public <R, T> Page<T> page(List<R> rows, int limit, Function<R, Cursor> position, Function<R, T> view) {
            boolean more = rows.size() > limit;
            List<R> shown = more ? rows.subList(0, limit) : rows;
            String next = more ? cursors.write(position.apply(shown.get(shown.size() - 1)), binding) : null;
            return new Page<>(shown.stream().map(view).toList(), next);
        }
    }

    String write(Cursor position, String binding) {
        return sign(position.encode(), binding);
    }

    Cursor read(String token, String binding) {
        return Cursor.decode(readPayload(token, binding), RequestProblem.INVALID_PARAMETER);
    }

    private String sign(String payload, String binding) {
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(binding, payload));
    }

    private String readPayload(String token, String binding) {
        int dot = token.lastIndexOf('.');
        if (dot > 0) {
            String payload = token.substring(0, dot);
            byte[] given;
            try {
                given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            } catch (IllegalArgumentException e) {
                given = new byte[0];
            }
            if (MessageDigest.isEqual(given, mac(binding, payload))) {
                return payload;
            }
        }
        throw new ProblemException(RequestProblem.INVALID_PARAMETER,
                "The cursor is not one this list gave you; start again from the first page.",
                Map.of("cursor", "not a cursor of this list"));
    }

    private byte[] mac(String binding, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(binding.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
