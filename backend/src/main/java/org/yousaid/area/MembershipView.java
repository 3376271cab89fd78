package org.yousaid.area;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

@Serdeable
public record MembershipView(String areaId, String areaName, String uid, String role, Instant joinedAt) {

    static MembershipView of(Membership m, Area area) {
        return new MembershipView(m.areaId(), area.name(), m.uid(), m.role(), m.joinedAt());
    }
}
