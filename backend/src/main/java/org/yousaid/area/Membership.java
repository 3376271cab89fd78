package org.yousaid.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

@MappedEntity("memberships")
record Membership(String areaId, @Id UUID id, String uid, String role, Instant joinedAt,
                  @Nullable String grantedBy, Instant updatedAt) {
}
