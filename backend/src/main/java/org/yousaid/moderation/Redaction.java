package org.yousaid.moderation;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A span of the family's own text (offsets into it, end exclusive) taken out of what is published,
 * with what kind of detail it was and where the span came from: the tagger's proposal accepted as
 * it was, a proposal a forum lead edited, or one they added.
 */
@Serdeable
public record Redaction(int begin, int end, String kind, String source) {

    static final String PROPOSED = "proposed";
    static final String EDITED = "edited";
    static final String ADDED = "added";
}
