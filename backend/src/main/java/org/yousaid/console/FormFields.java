package org.yousaid.console;

import io.micronaut.http.HttpRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A posted form read as it came, repeated fields included (checkboxes, one select per cited text),
 * which parameter binding does not give: the form body is a map whose repeated names hold lists.
 */
final class FormFields {

    private final Map<?, ?> values;

    private FormFields(Map<?, ?> values) {
        this.values = values;
    }

    static FormFields of(HttpRequest<?> request) {
        return new FormFields(request.getBody(Map.class).map(m -> (Map<?, ?>) m).orElse(Map.of()));
    }

    /** The field's value (the first, if repeated), blank as null. */
    String one(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every non-blank value sent under {@code name}. */
    List<String> all(String name) {
        Object value = values.get(name);
        Collection<?> each = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
        return each.stream().filter(v -> v != null && !v.toString().isBlank()).map(Object::toString).toList();
    }

    static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
