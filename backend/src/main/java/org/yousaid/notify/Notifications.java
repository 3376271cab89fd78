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
public final class Notifications {

    private final Outbox outbox;
    private final Clock clock;

    Notifications(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Queues a push to every device {@code uid} registered in the area; returns how many. */
    public int push(String areaId, String uid, String title, String body, Map<String, String> data) {
        return outbox.enqueue(areaId, uid, title, body, new TreeMap<>(data), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
