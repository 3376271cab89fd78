package org.yousaid.shared;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * How much one account may write, and how many joins one address may make, before the server says
 * "not so fast" (429 with Retry-After). Budgets are token buckets ({@link LimitSettings} gives their
 * sizes; the README lists them): each allows a burst, then refills evenly. Kept in this process's
 * memory: with several replicas each keeps its own, so the effective budget is the replicas' sum,
 * which still bounds what one account or address can do.
 */
@Singleton
public final class WriteBudgets {

    private static final Pattern COMMENTS = Pattern.compile("^/v1/areas/[^/]+/comments$");
    private static final Pattern JOIN = Pattern.compile("^/v1/areas/[^/]+/membership$");

    private final LimitSettings settings;
    private final HttpClientAddressResolver addresses;
    private final Map<String, Bucket> writes = new ConcurrentHashMap<>();
    private final Map<String, Bucket> comments = new ConcurrentHashMap<>();
    private final Map<String, Bucket> joins = new ConcurrentHashMap<>();

    WriteBudgets(LimitSettings settings, HttpClientAddressResolver addresses) {
        this.settings = settings;
        this.addresses = addresses;
    }

    /**
     * Null when the request is within its budgets; otherwise the 429 to send. A request refused by
     * one budget takes nothing from the others: what it took is given back.
     */
    public MutableHttpResponse<?> refusal(HttpRequest<?> request, String uid) {
        HttpMethod method = request.getMethod();
        if (!settings.enabled() || method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return null;
        }
        String path = request.getPath();
        List<Budget> spent = new ArrayList<>(3);
        if (method == HttpMethod.PUT && JOIN.matcher(path).matches()) {
            String address = Optional.ofNullable(addresses.resolve(request)).orElse("unknown");
            spent.add(new Budget(joins.computeIfAbsent(address, k -> bucket(settings.joins(), settings.joinWindow())),
                    "This address has joined areas " + settings.joins() + " times recently"));
        }
        if (method == HttpMethod.POST && COMMENTS.matcher(path).matches()) {
            spent.add(new Budget(comments.computeIfAbsent(uid, k -> bucket(settings.comments(), settings.commentWindow())),
                    "You have posted " + settings.comments() + " comments recently"));
        }
        spent.add(new Budget(writes.computeIfAbsent(uid, k -> bucket(settings.writes(), settings.writeWindow())),
                "You have sent " + settings.writes() + " changes recently"));
        for (int i = 0; i < spent.size(); i++) {
            ConsumptionProbe probe = spent.get(i).bucket().tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                spent.subList(0, i).forEach(taken -> taken.bucket().addTokens(1));
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
                return ProblemResponses.of(RequestProblem.TOO_MANY, spent.get(i).why() + ": try again in " + seconds + " s.")
                        .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            }
        }
        return null;
    }

    private record Budget(Bucket bucket, String why) {
    }

    private static Bucket bucket(int size, Duration window) {
        // The whole budget at once, then refilled evenly over the window.
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(size).refillGreedy(size, window).build()).build();
    }

    /** A full bucket is the same as none: dropping those keeps memory to the accounts active now. */
    @Scheduled(fixedDelay = "5m", initialDelay = "5m")
    void forgetTheIdle() {
        forgetFull(writes, settings.writes());
        forgetFull(comments, settings.comments());
        forgetFull(joins, settings.joins());
    }

    private static void forgetFull(Map<String, Bucket> buckets, int size) {
        buckets.entrySet().removeIf(e -> e.getValue().getAvailableTokens() >= size);
    }
}
