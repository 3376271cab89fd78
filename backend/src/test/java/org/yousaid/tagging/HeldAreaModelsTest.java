package org.yousaid.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A worker serving many areas holds at most so many of their models, letting the least recently used go. */
class HeldAreaModelsTest {

    @Test
    void theLeastRecentlyUsedAreaIsLetGoAndLoadedAgainWhenNextNeeded() {
        HeldAreaModels<String> held = new HeldAreaModels<>(2);
        List<String> loaded = new ArrayList<>();

        assertThat(held.get("essex", 1, () -> load(loaded, "essex#1"))).isEqualTo("essex#1");
        assertThat(held.get("kent", 1, () -> load(loaded, "kent#1"))).isEqualTo("kent#1");
        assertThat(held.get("essex", 1, () -> load(loaded, "again"))).as("held: not loaded again").isEqualTo("essex#1");
        // Kent was used least recently, so Surrey's model takes its place.
        held.get("surrey", 1, () -> load(loaded, "surrey#1"));
        assertThat(held.held()).isEqualTo(2);
        assertThat(held.get("essex", 1, () -> load(loaded, "not let go"))).as("essex was kept").isEqualTo("essex#1");
        assertThat(held.get("kent", 1, () -> load(loaded, "kent#1 again"))).as("kent was let go").isEqualTo("kent#1 again");

        assertThat(loaded).containsExactly("essex#1", "kent#1", "surrey#1", "kent#1 again");
        assertThat(held.loads()).isEqualTo(4);
        assertThat(held.evictions()).isEqualTo(2);
    }

    @Test
    void anAreaThatSwitchedModelGetsItsNewOneInThePlaceOfTheOld() {
        HeldAreaModels<String> held = new HeldAreaModels<>(2);
        held.get("essex", 1, () -> "essex#1");
        assertThat(held.get("essex", 2, () -> "essex#2")).isEqualTo("essex#2");
        assertThat(held.held()).isEqualTo(1);
        assertThat(held.evictions()).isZero();
        assertThat(held.get("essex", 2, () -> "not again")).isEqualTo("essex#2");
    }

    @Test
    void manyWorkersAtOnceNeverHoldMoreThanTheBound() throws Exception {
        HeldAreaModels<String> held = new HeldAreaModels<>(5);
        AtomicInteger loads = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int seed = w;
            done.add(workers.submit(() -> {
                start.await();
                for (int i = 0; i < 2_000; i++) {
                    String area = "area-" + ((i * 7 + seed) % 20);
                    String model = held.get(area, 1, () -> area + "#" + loads.incrementAndGet());
                    assertThat(model).startsWith(area + "#");
                    assertThat(held.held()).isLessThanOrEqualTo(5);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(1, TimeUnit.MINUTES);
        }
        workers.shutdown();
        assertThat(held.held()).isEqualTo(5);
        assertThat(held.loads()).isEqualTo(loads.get());
        // Two workers missing the same area both load it; the later replaces the earlier without an eviction.
        assertThat(held.evictions()).isPositive().isLessThanOrEqualTo(held.loads() - 5);
    }

    @Test
    void itsFiguresAreMetricsAndABoundBelowOneIsRefused() {
        HeldAreaModels<String> held = new HeldAreaModels<>(3);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        held.bindTo(registry);
        held.get("essex", 1, () -> "m");
        held.get("kent", 1, () -> "m");
        assertThat(registry.get("yousaid.tagging.area.models").gauge().value()).isEqualTo(2.0);
        assertThat(registry.get("yousaid.tagging.area.models.capacity").gauge().value()).isEqualTo(3.0);
        assertThat(registry.get("yousaid.tagging.area.model.loads").functionCounter().count()).isEqualTo(2.0);
        assertThat(registry.get("yousaid.tagging.area.model.evictions").functionCounter().count()).isZero();
        assertThatThrownBy(() -> new HeldAreaModels<String>(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yousaid.tagging.area-models");
    }

    private static String load(List<String> loaded, String model) {
        loaded.add(model);
        return model;
    }
}
