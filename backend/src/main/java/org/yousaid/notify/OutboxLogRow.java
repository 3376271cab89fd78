package org.yousaid.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One push as the outbox log shows it to staff (the device token is not read). */
@MappedEntity("notification_outbox")
record OutboxLogRow(@Id UUID id, String uid, UUID deviceId, String title,
                    @TypeDef(type = DataType.JSON) Map<String, String> data, String state, int attempts,
                    @Nullable String messageId, @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {

    NotifyViews.OutboxEntry view() {
        return new NotifyViews.OutboxEntry(id, uid, deviceId, title, data, state, attempts, messageId, lastError, createdAt, sentAt);
    }
}
