package org.yousaid.tagging;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The area models one process holds, at most {@code capacity}; past it the least recently used
 * goes, and that area's next text loads its model again from the database (about a second). Each
 * held model costs about 15 MB of heap (the README's figures, from {@code nlp area-models}), so the
 * bound is what keeps a worker serving many areas inside its memory limit.
 *
 * @param <M> what an area's model is held as (the tagger; the tests hold anything)
 */
final class HeldAreaModels<M> {

    private record Held<M>(int number, M model) {
    }

    private final int capacity;
    /** In access order: the eldest entry is the least recently used. */
    private final LinkedHashMap<String, Held<M>> byArea = new LinkedHashMap<>(16, 0.75f, true);
    private final AtomicLong loads = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();

    HeldAreaModels(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("yousaid.tagging.area-models must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** The area's model numbered {@code number}: held, or loaded now (outside the lock: loading takes a second). */
    M get(String areaId, int number, Supplier<M> load) {
        synchronized (this) {
            Held<M> held = byArea.get(areaId);
            if (held != null && held.number() == number) {
                return held.model();
            }
        }
        // Two threads may both load a new model once; the later simply replaces the earlier.
        M model = load.get();
        loads.incrementAndGet();
        synchronized (this) {
            byArea.put(areaId, new Held<>(number, model));
            Iterator<Map.Entry<String, Held<M>>> eldest = byArea.entrySet().iterator();
            while (byArea.size() > capacity && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
                evictions.incrementAndGet();
            }
        }
        return model;
    }

    synchronized int held() {
        return byArea.size();
    }

    long loads() {
        return loads.get();
    }

    long evictions() {
        return evictions.get();
    }

    int capacity() {
        return capacity;
    }

    /** Held against the bound, and loads and evictions: loads climbing steadily mean more areas than room. */
    void bindTo(MeterRegistry registry) {
        Gauge.builder("yousaid.tagging.area.models", this, HeldAreaModels::held)
                .description("Area theme models held in this process").register(registry);
        Gauge.builder("yousaid.tagging.area.models.capacity", this, HeldAreaModels::capacity)
                .description("Area theme models this process may hold (yousaid.tagging.area-models)").register(registry);
        FunctionCounter.builder("yousaid.tagging.area.model.loads", this, h -> h.loads())
                .description("Area theme models loaded from the database").register(registry);
        FunctionCounter.builder("yousaid.tagging.area.model.evictions", this, h -> h.evictions())
                .description("Area theme models let go to stay within the bound").register(registry);
    }
}
