package org.yousaid.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load client for the probes: GETs each path in turn at N concurrent clients (closed loop) and
 * prints requests/s per path, a path the server does not have first (the framework's own floor).
 *
 * <p>Usage: {@code HealthBench <baseUrl> <clients> <seconds> <path>...}.
 */
public final class HealthBench {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 3; i < args.length; i++) {
            run(http, base.resolve(args[i]), clients, 3);
            long[] counted = run(http, base.resolve(args[i]), clients, seconds);
            System.out.printf("GET %s clients=%d seconds=%d requests=%d statuses_other_than_first=%d req/s=%.0f%n",
                    args[i], clients, seconds, counted[0], counted[1], counted[0] / (double) seconds);
        }
        System.exit(0);
    }

    /** Requests made and how many answered with a status other than the first one seen. */
    private static long[] run(HttpClient http, URI uri, int clients, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong count = new AtomicLong();
        AtomicLong odd = new AtomicLong();
        AtomicLong first = new AtomicLong(-1);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        first.compareAndSet(-1, status);
                        if (status != first.get()) {
                            odd.incrementAndGet();
                        }
                    } catch (Exception e) {
                        odd.incrementAndGet();
                    }
                    count.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return new long[] {count.get(), odd.get()};
    }
}
