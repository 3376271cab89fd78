package org.yousaid.area;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/**
 * Whether an area exists and, if the caller belongs to it, their role: one query per request.
 * {@code settled} is false while the caller's erasure from the area is under way (see
 * {@link MemberRecords#holdOffRequests}): the role read may be about to go.
 */
@Introspected
record AreaStanding(String areaId, @Nullable String role, boolean settled) {
}
