package org.yousaid.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/** What every load client does the same way: send as a dev-token user, time a read, print percentiles. */
final class BenchHttp {

    private BenchHttp() {
    }

    static HttpResponse<String> send(HttpClient http, URI base, String method, String path, String uid, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer dev:" + uid)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A GET that must answer 200; its time in nanoseconds. */
    static long timed(HttpClient http, URI base, String path, String uid) {
        long start = System.nanoTime();
        HttpResponse<String> r = send(http, base, "GET", path, uid, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return System.nanoTime() - start;
    }

    /** The percentile of {@code nanos}, in milliseconds (NaN when there are none). */
    static double p(long[] nanos, double percentile) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /**
     * Runs one task per user, all at once, and prints every request's time with the rate achieved;
     * each task returns the times of its own requests.
     */
    static void concurrently(String what, int users, java.util.function.IntFunction<java.util.concurrent.Callable<long[]>> task)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(users);
        try {
            java.util.List<java.util.concurrent.Future<long[]>> results = new java.util.ArrayList<>();
            long wall = System.nanoTime();
            for (int user = 0; user < users; user++) {
                results.add(pool.submit(task.apply(user)));
            }
            java.util.List<Long> all = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<long[]> f : results) {
                for (long t : f.get()) {
                    all.add(t);
                }
            }
            double seconds = (System.nanoTime() - wall) / 1e9;
            long[] nanos = all.stream().mapToLong(Long::longValue).toArray();
            report(what + ", " + users + " at once (" + nanos.length + " requests, "
                    + String.format("%.0f", nanos.length / seconds) + "/s)", nanos);
        } finally {
            pool.shutdownNow();
        }
    }

    static void report(String what, long[] nanos) {
        System.out.printf("%s: requests=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", what, nanos.length, p(nanos, 50),
                p(nanos, 99), p(nanos, 100));
    }
}
