package org.yousaid.tagging;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code yousaid.tagging.*}: how many worker threads run in this server (0 = none, e.g. a web-only
 * replica), how often an idle worker looks for work, how long a lease lasts before another worker
 * may take the job, how many attempts a job gets and the first retry delay (doubled each time, at
 * most {@code max-backoff}), and where the trained models are ({@code nlp-models/models} by default).
 *
 * <p>{@code give-way}: while the server is answering requests, a worker rests this many times as
 * long as each job took, so tagging takes at most 1/(1+give-way) of a core per worker and requests
 * are not starved (0: never rest, e.g. on a worker-only replica that serves no requests anyway).
 *
 * <p>{@code area-models}: how many areas' own theme models this process holds at once (about 15 MB
 * of heap each); past it the least recently used is let go and loaded again when next needed.
 */
@ConfigurationProperties("yousaid.tagging")
public record TaggingSettings(
        @Bindable(defaultValue = "2") int workers,
        @Bindable(defaultValue = "500ms") Duration pollInterval,
        @Bindable(defaultValue = "2m") Duration lease,
        @Bindable(defaultValue = "5") int maxAttempts,
        @Bindable(defaultValue = "5s") Duration backoff,
        @Bindable(defaultValue = "10m") Duration maxBackoff,
        @Bindable(defaultValue = "2") int giveWay,
        @Bindable(defaultValue = "32") int areaModels,
        @Nullable String modelsDir) {

    Duration backoffAfter(int attempts) {
        long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
        Duration delay = backoff.multipliedBy(factor);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
