package org.yousaid.shared;

import jakarta.inject.Singleton;

/**
 * Whether people are using this server right now, for background work that should give way to them
 * (tagging takes a core while it runs; a family waiting on a POST should not wait behind it). The
 * HTTP edge marks each request's arrival: one volatile write, no lock.
 */
@Singleton
public final class RequestPressure {

    private volatile long lastArrival = Long.MIN_VALUE / 2;

    void arrived() {
        lastArrival = System.nanoTime();
    }

    /** True when a request arrived within the last {@code windowNanos}. */
    public boolean busy(long windowNanos) {
        return System.nanoTime() - lastArrival < windowNanos;
    }
}
