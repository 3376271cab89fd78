package org.yousaid.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Arrays;
import java.util.Optional;

/** The kinds of family text YouSaid holds; the value is what paths, tables and events carry. */
@Serdeable
public enum ContentType {
    COMMENT("comment"),
    SURVEY_ANSWER("survey_answer");

    private final String value;

    ContentType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /**
     * The value, not the name: Micronaut Data binds an enum query parameter by {@code toString()},
     * so repositories take a {@code ContentType} and the tables keep their lower-case values.
     */
    @Override
    public String toString() {
        return value;
    }

    /** Reads the contract's value; anything else is no content type at all. */
    @JsonCreator
    static ContentType ofValue(String value) {
        return fromValue(value).orElseThrow(() -> new IllegalArgumentException("not a content type"));
    }

    public static Optional<ContentType> fromValue(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}
