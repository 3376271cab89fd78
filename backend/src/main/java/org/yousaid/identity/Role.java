package org.yousaid.identity;

import java.util.Arrays;
import java.util.Optional;

/** What a person is in one local area. */
public enum Role {
    FAMILY("family"),
    YOUNG_PERSON("young_person"),
    FORUM_LEAD("forum_lead"),
    COMMISSIONER("commissioner"),
    AREA_ADMIN("area_admin");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    /** The name used on the wire and in the database. */
    public String value() {
        return value;
    }

    /** Families and young people speak; the other roles act on what they say. */
    public boolean isFamilyVoice() {
        return this == FAMILY || this == YOUNG_PERSON;
    }

    public static Optional<Role> fromValue(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst();
    }

    public static Role of(String value) {
        return fromValue(value).orElseThrow(() -> new IllegalArgumentException("unknown role"));
    }
}
