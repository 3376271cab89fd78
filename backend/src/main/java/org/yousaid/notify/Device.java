package org.yousaid.notify;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A registered device as its owner sees it (the push token is not read back). */
@MappedEntity("devices")
record Device(@Id UUID id, String platform, Instant registeredAt) {

    NotifyViews.DeviceView view() {
        return new NotifyViews.DeviceView(id, platform, registeredAt);
    }
}
