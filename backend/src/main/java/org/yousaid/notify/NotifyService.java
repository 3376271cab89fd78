package org.yousaid.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.shared.ProblemException;

/** Members register their phones; forum leads and area admins read the outbox log. */
@Singleton
class NotifyService {

    static final Set<String> PLATFORMS = Set.of("android", "ios", "web");

    private final AreaAccess access;
    private final Devices devices;
    private final Outbox outbox;
    private final Clock clock;

    NotifyService(AreaAccess access, Devices devices, Outbox outbox, Clock clock) {
        this.access = access;
        this.devices = devices;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    NotifyViews.DeviceView register(Caller caller, String areaId, @Nullable String token, @Nullable String platform) {
        CurrentUser me = access.member(caller, areaId);
        if (token == null || token.isBlank() || token.length() > 4096 || !token.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new ProblemException(NotifyProblem.DEVICE_INVALID, "Send the FCM registration token of this device.",
                    Map.of("token", "1 to 4096 printable characters"));
        }
        if (platform == null || !PLATFORMS.contains(platform)) {
            throw new ProblemException(NotifyProblem.DEVICE_INVALID, "Say which platform: android, ios or web.",
                    Map.of("platform", "android, ios or web"));
        }
        return devices.register(areaId, me.uid(), token, platform, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    @Transactional
    NotifyViews.DeviceList mine(Caller caller, String areaId) {
        CurrentUser me = access.member(caller, areaId);
        return new NotifyViews.DeviceList(devices.of(areaId, me.uid()));
    }

    @Transactional
    void unregister(Caller caller, String areaId, UUID deviceId) {
        CurrentUser me = access.member(caller, areaId);
        if (!devices.remove(areaId, me.uid(), deviceId)) {
            throw new ProblemException(NotifyProblem.DEVICE_NOT_FOUND, "You have no such device registered here.");
        }
    }

    @Transactional
    NotifyViews.OutboxLog log(Caller caller, String areaId) {
        access.require(caller, areaId, Role.FORUM_LEAD, Role.AREA_ADMIN, Role.COMMISSIONER);
        return new NotifyViews.OutboxLog(outbox.log(areaId, 200));
    }
}
