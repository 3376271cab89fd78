package org.yousaid.tagging.engine;

/**
 * A stretch of a comment proposed for redaction: character offsets into the original text (end
 * exclusive) and what kind of personal detail it is. Moderators see the spans; nothing is removed
 * until a moderator publishes.
 */
public record RedactionSpan(int begin, int end, Kind kind) {

    public enum Kind {
        PERSON, PLACE, SCHOOL, EMAIL, PHONE, NHS_NUMBER, POSTCODE, DATE_OF_BIRTH, AGE
    }

    public boolean overlaps(RedactionSpan other) {
        return begin < other.end && other.begin < end;
    }
}
