package org.yousaid.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * Whether an area exists and, if the caller belongs to it, their role: one query per request.
 * {@code settled} is false while the caller's erasure from the area is under way (see
 * {@link MemberRecords#holdOffRequests}): the role read may be about to go.
 *
 * <p>Mapped as an entity, not a projection, though no table bears its name: Micronaut Data builds
 * a projection's mapping afresh on every call, and this query runs on every request (a profile of
 * the wall benchmark put that at 4% of the request's CPU).
 */
@MappedEntity("area_standing")
record AreaStanding(@Id String areaId, @Nullable String role, boolean settled) {
}
