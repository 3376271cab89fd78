package org.yousaid.notify;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.Map;
import java.util.UUID;

/** A leased push: where to send it, what it says (never family text) and how many attempts it has had. */
@MappedEntity("notification_outbox")
record OutboxMessage(String areaId, @Id UUID id, UUID deviceId, String uid, String token, String title, String body,
                     @TypeDef(type = DataType.JSON) Map<String, String> data, int attempts) {
}
