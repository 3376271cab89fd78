package org.yousaid.response;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/** One change of an action, timestamped. */
@Introspected
record Milestone(UUID actionId, int seq, Instant at, String status, int progress, @Nullable String reason,
                 @Nullable String note) {
}
