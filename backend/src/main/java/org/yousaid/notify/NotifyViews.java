package org.yousaid.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public final class NotifyViews {

    private NotifyViews() {
    }

    @Serdeable
    record RegisterDeviceRequest(@Nullable String token, @Nullable String platform) {
    }

    /** A registered device; the token itself is never returned. */
    @Serdeable
    record DeviceView(UUID id, String platform, Instant registeredAt) {
    }


    /** One push in the outbox log (no token: it identifies a phone). */
    @Serdeable
    public record OutboxEntry(UUID id, String uid, UUID deviceId, String title, Map<String, String> data, String state,
                       int attempts, @Nullable String messageId, @Nullable String lastError, Instant createdAt,
                       @Nullable Instant sentAt) {
    }
}
