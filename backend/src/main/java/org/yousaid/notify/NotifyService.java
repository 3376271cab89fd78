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
import java.util.function.Function;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.Page;
import org.yousaid.shared.ProblemException;

/** Members register their phones; commissioners and area admins read the outbox log. */
@Singleton
public class NotifyService {

    static final Set<String> PLATFORMS = Set.of("android", "ios", "web");

    private final AreaAccess access;
    private final Devices devices;
    private final Outbox outbox;
    private final Clock clock;
    private final Cursors cursors;

    NotifyService(AreaAccess access, Devices devices, Outbox outbox, Clock clock, Cursors cursors) {
        this.cursors = cursors;
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
    Page<NotifyViews.DeviceView> mine(Caller caller, String areaId, @Nullable String cursor, int limit) {
        CurrentUser me = access.member(caller, areaId);
        Cursors.Listing listing = cursors.listing(caller.uid(), "my-devices", areaId);
        return listing.page(devices.of(areaId, me.uid(), listing.after(cursor), limit + 1), limit,
                d -> new Cursor(d.registeredAt(), d.id()), Function.identity());
    }

    @Transactional
    void unregister(Caller caller, String areaId, UUID deviceId) {
        CurrentUser me = access.member(caller, areaId);
        if (!devices.remove(areaId, me.uid(), deviceId)) {
            throw new ProblemException(NotifyProblem.DEVICE_NOT_FOUND, "You have no such device registered here.");
        }
    }

    /**
     * Who was pushed what: an invitation sent because a family's EHC plan was issued is a case event,
     * so the log is for council staff, not the forum's volunteers.
     */
    @Transactional
    public Page<NotifyViews.OutboxEntry> log(Caller caller, String areaId, @Nullable String cursor, int limit) {
        access.require(caller, areaId, Role.AREA_ADMIN, Role.COMMISSIONER);
        Cursors.Listing listing = cursors.listing(caller.uid(), "outbox", areaId);
        return listing.page(outbox.log(areaId, listing.after(cursor), limit + 1), limit,
                e -> new Cursor(e.createdAt(), e.id()), Function.identity());
    }
}
