package org.yousaid.tagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What the tagging step found in one text: themes given (with the model's score), themes the model
 * is unsure of (suggestions for a forum lead, never given), sentiment from
 * 1 (very positive) to 5 (very negative), spans proposed for redaction, and the safeguarding flag.
 * Spans and safeguarding evidence quote the family's words, so this is shown to moderators only.
 */
@Serdeable
public record Tags(
        String modelVersion,
        List<Theme> themes,
        List<Theme> suggestions,
        @Nullable Integer sentiment,
        @Nullable Double sentimentConfidence,
        List<Redaction> redactions,
        Safeguarding safeguarding) {

    @Serdeable
    public record Theme(String theme, String name, double score) {
    }

    /**
     * A span proposed for redaction, in code points of the text (end exclusive, whole graphemes). Its
     * {@code id} is what a forum lead names to keep the words in when publishing; it is derived from
     * the offsets, so tags stored before ids existed read with the same id.
     */
    @Serdeable
    public record Redaction(@Nullable String id, int begin, int end, String kind) {

        public Redaction {
            id = begin + "-" + end;
        }

        public Redaction(int begin, int end, String kind) {
            this(null, begin, end, kind);
        }
    }

    @Serdeable
    public record Safeguarding(boolean flagged, List<Reason> reasons) {
    }

    @Serdeable
    public record Reason(String reason, String evidence) {
    }
}
