package org.yousaid.notify;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

/**
 * How features send a push: call {@link #push} inside the transaction that made the reason for it
 * (an invitation). The notification is written to the outbox with it and sent after commit; if the
 * transaction rolls back, nothing is sent.
 */
@Singleton
public final class Notifications implements org.yousaid.shared.Pushes {

    private final Outbox outbox;
    private final Clock clock;

    Notifications(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Queues a push to every device {@code uid} registered in the area; returns how many. */
    @Override
    public int push(String areaId, String uid, String title, String body, Map<String, String> data) {
        return outbox.enqueue(areaId, uid, title, body, new TreeMap<>(data), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** Queues the same push to every device of each of {@code uids} in the area; returns how many. */
    public int pushAll(String areaId, java.util.Collection<String> uids, String title, String body, Map<String, String> data) {
        int queued = 0;
        // Bounded statements: a response may reach thousands of families.
        java.util.List<String> all = java.util.List.copyOf(uids);
        for (int from = 0; from < all.size(); from += 1000) {
            queued += outbox.enqueueAll(areaId, all.subList(from, Math.min(all.size(), from + 1000)), title, body,
                    new TreeMap<>(data), clock.instant().truncatedTo(ChronoUnit.MICROS));
        }
        return queued;
    }
}
