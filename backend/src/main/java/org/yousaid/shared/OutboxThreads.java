package org.yousaid.shared;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that drain an outbox: each takes one due row at a time, sleeps when there is none, and
 * keeps going after a failure it did not expect (the row's lease runs out and another try takes it).
 * One shape for the push and the alert outboxes, so both stop the same way at shutdown.
 */
public final class OutboxThreads {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxThreads.class);

    private final String name;
    private final ExecutorService pool;
    private volatile boolean running = true;

    private OutboxThreads(String name, int threads) {
        this.name = name;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts {@code threads} threads named {@code name}, each calling {@code sendOne} until stopped;
     * {@code sendOne} says whether it found a row, and an idle thread waits {@code idle} before looking again.
     */
    public static OutboxThreads start(String name, int threads, Duration idle, BooleanSupplier sendOne) {
        OutboxThreads started = new OutboxThreads(name, threads);
        for (int i = 0; i < threads; i++) {
            started.pool.submit(() -> started.loop(idle, sendOne));
        }
        return started;
    }

    public void stop() {
        running = false;
        pool.shutdownNow();
    }

    private void loop(Duration idle, BooleanSupplier sendOne) {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                if (!sendOne.getAsBoolean()) {
                    Thread.sleep(idle.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("{}.loop error={}", name, e.getClass().getSimpleName());
                try {
                    Thread.sleep(idle.toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
