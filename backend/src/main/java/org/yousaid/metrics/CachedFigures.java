package org.yousaid.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A snapshot read from the database at most once per {@code maxAge}, shared by the gauges that show
 * its parts: a scrape asks each gauge in turn, and one query should answer them all.
 */
public final class CachedFigures<T> {

    private static final Logger LOG = LoggerFactory.getLogger(CachedFigures.class);

    private final Supplier<T> read;
    private final long maxAgeNanos;
    private volatile T value;
    private volatile long readAt;

    public CachedFigures(Supplier<T> read, Duration maxAge) {
        this.read = read;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** One figure of the snapshot, for a gauge: NaN while the database cannot be read. */
    public double figure(ToDoubleFunction<T> part) {
        T now = get();
        return now == null ? Double.NaN : part.applyAsDouble(now);
    }

    /** Registers a gauge showing one figure of the snapshot ({@code tags} as name, value pairs). */
    public void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<T> part, String... tags) {
        Gauge.builder(name, this, f -> f.figure(part)).tags(tags).description(description).register(registry);
    }

    /** The figures, or null while the database cannot be read (a gauge then shows NaN, not a stale figure). */
    public synchronized T get() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > maxAgeNanos) {
            try {
                value = read.get();
            } catch (RuntimeException e) {
                LOG.warn("metrics.unreadable error={} message={}", e.getClass().getSimpleName(), e.getMessage());
                value = null;
            }
            readAt = now;
        }
        return value;
    }
}
