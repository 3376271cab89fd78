package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What forum leads send to the desk. Every action on an item names the version it was shown. */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    @Serdeable
    public record Version(@Nullable Integer version) {
    }

    /**
     * Every span the tagger proposed is taken out unless {@code keepProposed} names it (by its id):
     * nothing a client sends by default (an empty list, or no list) publishes a proposed detail.
     * {@code redactions} are further spans to take out, the forum lead's own (a proposal widened or
     * narrowed is one of these beside it; overlapping spans are taken out as one).
     * {@code publishedBody} replaces the text outright (a forum lead's rewording) and then no span
     * applies. {@code safeguardingReviewed} confirms a person read a text the analysis failed on.
     */
    @Serdeable
    public record Publish(@Nullable Integer version, @Nullable String publishedBody, @Nullable List<String> keepProposed,
                   @Nullable List<Span> redactions, @Nullable Boolean safeguardingReviewed) {
    }

    @Serdeable
    public record Span(@Nullable Integer begin, @Nullable Integer end, @Nullable String kind) {
    }

    @Serdeable
    public record WithReason(@Nullable Integer version, @Nullable String reason) {
    }

    /** What the forum lead did about a safeguarding case, in their own words (staff only). */
    @Serdeable
    public record Handle(@Nullable String note) {
    }

    /** 0 (no concern) to 5 (immediate risk); staff only. */
    @Serdeable
    public record Criticality(@Nullable Integer criticality) {
    }

    @Serdeable
    public record Themes(@Nullable Integer version, @Nullable List<String> themes) {
    }
}
