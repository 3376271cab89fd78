package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A posted form read whole from its body, repeated fields included (checkboxes, one select per cited
 * text). Parameter binding gives only the first of a repeated field, and a controller that binds only
 * {@code csrf} may run before the rest of a browser's body has arrived: a form page takes the body as
 * {@code @Body String}, which Micronaut reads to its end first, and reads its fields from here.
 */
final class FormFields {

    private final Map<String, List<String>> values;

    private FormFields(Map<String, List<String>> values) {
        this.values = values;
    }

    /** {@code application/x-www-form-urlencoded} as browsers send it; a malformed escape is taken as typed. */
    static FormFields parse(@Nullable String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                values.computeIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq)), k -> new ArrayList<>())
                        .add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return new FormFields(values);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The field's value (the first, if repeated), blank as null. */
    @Nullable
    String one(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every non-blank value sent under {@code name}, in the order sent. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
    }

    /** Every value sent under {@code name}, blanks kept (rows of a form whose positions pair up). */
    List<String> each(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
