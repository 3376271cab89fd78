package org.yousaid.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Families' phones under a fault: each submits wall comments and survey answers one after another
 * and sends each again, with the same idempotency key or answer id, until the server acknowledges
 * it, as the apps do. The server they talk to may change under them (a restart on another port).
 *
 * <p>What a phone counts: what was acknowledged (and when), 503s and whether each was a
 * problem+json with Retry-After, connections refused or reset, requests that hung past the phone's
 * timeout, and anything else (a 4xx or 500 would be a defect: the same words sent again must never
 * be refused).
 */
final class Phones implements AutoCloseable {

    /** How long a phone waits for an answer before it counts the request as hung. */
    static final Duration PHONE_TIMEOUT = Duration.ofSeconds(10);

    enum Kind { COMMENT, ANSWER }

    /** A submission the server acknowledged: which family, what, under which key, when its last try was sent and answered. */
    record Acknowledged(Kind kind, String uid, UUID key, long sentNanos, long atNanos) {
    }

    private final Supplier<URI> server;
    private final String area;
    private final String survey;
    private final int phones;
    private final Duration thinkTime;
    private final HttpClient http;
    private final ExecutorService threads;
    private final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> unexpected = new ConcurrentHashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger unavailableWithoutProblem = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger hung = new AtomicInteger();
    private final AtomicLong slowestNanos = new AtomicLong();
    private final AtomicLong slowest503Nanos = new AtomicLong();
    private volatile boolean submitting = true;
    private volatile long giveUpAt = Long.MAX_VALUE;

    Phones(Supplier<URI> server, String area, String survey, int phones, Duration thinkTime) {
        this.server = server;
        this.thinkTime = thinkTime;
        this.area = area;
        this.survey = survey;
        this.phones = phones;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        this.threads = Executors.newFixedThreadPool(phones);
    }

    static String uid(int phone) {
        return "fault-family-" + phone;
    }

    /** Each phone joins the area as a family, then submits until {@link #finish} is called. */
    void start() {
        for (int i = 0; i < phones; i++) {
            String uid = uid(i);
            untilAcknowledged(uid, "PUT", "/v1/areas/" + area + "/membership", null, "{\"role\":\"family\"}");
        }
        for (int i = 0; i < phones; i++) {
            int phone = i;
            threads.submit(() -> submitUntilFinished(phone));
        }
    }

    /** No new submissions; those under way are sent until acknowledged or {@code patience} runs out. */
    void finish(Duration patience) throws InterruptedException {
        submitting = false;
        giveUpAt = System.nanoTime() + patience.toNanos();
        threads.shutdown();
        if (!threads.awaitTermination(patience.toSeconds() + 30, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }

    private void submitUntilFinished(int phone) {
        String uid = uid(phone);
        for (int n = 0; submitting; n++) {
            UUID key = UUID.randomUUID();
            boolean comment = survey == null || n % 2 == 0;
            String words = WORDS.get(Math.floorMod(phone * 31 + n, WORDS.size()));
            long sent = comment
                    ? untilAcknowledged(uid, "POST", "/v1/areas/" + area + "/comments", key,
                            "{\"body\":\"" + words + " (" + n + ")\"}")
                    : untilAcknowledged(uid, "PUT", "/v1/areas/" + area + "/surveys/" + survey + "/answers/" + key, null,
                            "{\"version\":1,\"submit\":true,\"answers\":{\"who\":\"parent_carer\",\"why\":\"" + words + " (" + n + ")\"}}");
            if (sent >= 0) {
                acknowledged.add(new Acknowledged(comment ? Kind.COMMENT : Kind.ANSWER, uid, key, sent, System.nanoTime()));
            }
            if (!thinkTime.isZero()) {
                pause(thinkTime.toMillis());
            }
        }
    }

    /** Sends the same request until a 2xx: when the acknowledged try was sent, or -1 if the phone gave up. */
    private long untilAcknowledged(String uid, String method, String path, UUID idempotencyKey, String body) {
        while (System.nanoTime() < giveUpAt) {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.get().resolve(path)).timeout(PHONE_TIMEOUT)
                    .header("Authorization", "Bearer dev:" + uid).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey.toString());
            }
            attempts.incrementAndGet();
            long start = System.nanoTime();
            try {
                HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - start;
                slowestNanos.accumulateAndGet(took, Math::max);
                int status = reply.statusCode();
                if (status >= 200 && status < 300) {
                    return start;
                }
                if (status == 503) {
                    unavailable.incrementAndGet();
                    slowest503Nanos.accumulateAndGet(took, Math::max);
                    if (!reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                            || reply.headers().firstValue("Retry-After").isEmpty()) {
                        unavailableWithoutProblem.incrementAndGet();
                    }
                } else {
                    unexpected.computeIfAbsent(method + " " + status + " " + reply.body().replaceAll("[0-9a-f-]{36}", "…"),
                            k -> new AtomicInteger()).incrementAndGet();
                }
            } catch (HttpTimeoutException e) {
                hung.incrementAndGet();
            } catch (IOException e) {
                refused.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            pause(100);
        }
        return -1;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<Acknowledged> acknowledged(Kind kind) {
        return acknowledged.stream().filter(a -> a.kind() == kind).toList();
    }

    /** When the first try sent after {@code nanos} (System.nanoTime) was acknowledged, or -1. */
    long firstAcknowledgedAfter(long nanos) {
        return acknowledged.stream().filter(a -> a.sentNanos() > nanos).mapToLong(Acknowledged::atNanos).min().orElse(-1);
    }

    int attempts() {
        return attempts.get();
    }

    int unavailable() {
        return unavailable.get();
    }

    int unavailableWithoutProblem() {
        return unavailableWithoutProblem.get();
    }

    int refused() {
        return refused.get();
    }

    int hung() {
        return hung.get();
    }

    double slowestMillis() {
        return slowestNanos.get() / 1e6;
    }

    double slowest503Millis() {
        return slowest503Nanos.get() / 1e6;
    }

    /** Answers that are neither 2xx nor 503, by method, status and body; none is expected. */
    Map<String, Integer> unexpected() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        unexpected.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** Real families' kinds of words (no names): what a wall gets on a bad week. */
    private static final List<String> WORDS = List.of(
            "We have waited 14 weeks for a standing frame; the target is 6 weeks.",
            "The short breaks service closed and nobody told us where to go instead.",
            "Our EHC plan came out late and the school could not meet his needs.",
            "The speech and language therapist listened to us and it made a real difference.",
            "School transport did not turn up for a week and she missed her exams.",
            "Nobody answered the phone at the SEND team for three weeks.",
            "The wheelchair service assessment was quick and the staff were kind.",
            "We were not involved in writing the plan; it does not sound like our son.");
}
