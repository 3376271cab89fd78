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

    static void report(String what, long[] nanos) {
        System.out.printf("%s: requests=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", what, nanos.length, p(nanos, 50),
                p(nanos, 99), p(nanos, 100));
    }
}
