package org.yousaid.content;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of family text YouSaid holds; the value is what paths, tables and events carry. */
public enum ContentType {
    COMMENT("comment"),
    SURVEY_ANSWER("survey_answer");

    private final String value;

    ContentType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<ContentType> fromValue(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}
