package org.yousaid.response;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A step of the forum's sign-off: submitted, signed off or sent back with a comment. */
@Introspected
record SignOffStep(String decision, @Nullable String comment, String byUid, Instant at) {
}
