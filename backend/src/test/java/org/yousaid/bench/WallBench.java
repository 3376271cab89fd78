package org.yousaid.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load client for POST comment against a running dev server (dev tokens). Two phases:
 * closed loop at N concurrent clients (throughput), then open loop at a fixed rate (latency
 * without coordinated omission: each request's clock starts at its scheduled time).
 *
 * <p>Usage: {@code WallBench <baseUrl> <clients> <seconds> <rate>}. Prints one figure per line.
 */
public final class WallBench {

    private static final String AREA = "demo";

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < clients; i++) {
            send(http, base, "PUT", "/v1/areas/" + AREA + "/membership", "bench-family-" + i, "{\"role\":\"family\"}", null);
        }
        // Warm-up: JIT, connection pool, PostgreSQL caches.
        closedLoop(http, base, clients, 5);
        Result closed = closedLoop(http, base, clients, seconds);
        System.out.printf("closed-loop clients=%d seconds=%d requests=%d errors=%d req/s=%.0f p50_ms=%.2f p99_ms=%.2f%n",
                clients, seconds, closed.count(), closed.errors(), closed.count() / (double) seconds, closed.p(50), closed.p(99));
        Result open = openLoop(http, base, clients, seconds, rate);
        System.out.printf("open-loop rate=%d/s seconds=%d requests=%d errors=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n",
                rate, seconds, open.count(), open.errors(), open.p(50), open.p(99), open.p(100));
        System.exit(0);
    }

    record Result(long[] latenciesNanos, int count, int errors) {
        double p(double percentile) {
            if (count == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(latenciesNanos, count);
            Arrays.sort(sorted);
            int index = (int) Math.min(count - 1, Math.ceil(percentile / 100.0 * count) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    private static Result closedLoop(HttpClient http, URI base, int clients, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<long[]> perClient = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[clients];
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[2_000_000 / clients];
            perClient.add(latencies);
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long start = System.nanoTime();
                    if (!postComment(http, base, client)) {
                        errors.incrementAndGet();
                    }
                    latencies[n++] = System.nanoTime() - start;
                }
                counts[client] = n;
                total.addAndGet(n);
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = new long[total.get()];
        int offset = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, offset, counts[c]);
            offset += counts[c];
        }
        return new Result(all, all.length, errors.get());
    }

    private static Result openLoop(HttpClient http, URI base, int clients, int seconds, int rate) throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong next = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(total);
        var workers = Executors.newFixedThreadPool(Math.max(clients, 64));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            // Issue every request whose scheduled time has come, each timed from that schedule.
            while (next.get() < total && start + next.get() * intervalNanos <= now) {
                int i = (int) next.getAndIncrement();
                long scheduled = start + i * intervalNanos;
                workers.execute(() -> {
                    if (!postComment(http, base, i % clients)) {
                        errors.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - scheduled;
                    done.incrementAndGet();
                    finished.countDown();
                });
            }
        }, 0, 1, TimeUnit.MILLISECONDS);
        finished.await(seconds + 60L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        workers.shutdownNow();
        return new Result(latencies, done.get(), errors.get());
    }

    private static boolean postComment(HttpClient http, URI base, int client) {
        String body = "{\"body\":\"We have waited 14 weeks for a standing frame; the target is 6 weeks. Bench "
                + UUID.randomUUID() + "\"}";
        return send(http, base, "POST", "/v1/areas/" + AREA + "/comments", "bench-family-" + client, body,
                UUID.randomUUID().toString()) == 201;
    }

    private static int send(HttpClient http, URI base, String method, String path, String uid, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer dev:" + uid)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
