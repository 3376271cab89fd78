package org.yousaid.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * A leased alert email: whom to tell (a member of staff by uid, or the safeguarding contact by
 * address), about which case, how critical, and how many attempts it has had. No family words.
 */
@MappedEntity("alert_outbox")
record AlertEmail(String areaId, @Id UUID id, int criticality, Instant flaggedAt, @Nullable String recipientUid,
                  @Nullable String recipientEmail, int attempts) {

    @Override
    public String toString() {
        return "AlertEmail[area=" + areaId + ", id=" + id + "]";
    }
}
