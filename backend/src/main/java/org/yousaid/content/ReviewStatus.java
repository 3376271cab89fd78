package org.yousaid.content;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** What happened to a family's text, as its author may see it: the state and the reason they were given. */
public record ReviewStatus(String state, @Nullable String reason, @Nullable Instant decidedAt) {

    public static final String PENDING_REVIEW = "pending_review";
    public static final String CHANGES_REQUESTED = "changes_requested";
}
