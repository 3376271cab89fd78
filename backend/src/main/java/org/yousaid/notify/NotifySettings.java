package org.yousaid.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code yousaid.notify.*}: sender threads in this server (0 = none), how often an idle sender looks
 * for due notifications, the lease on a row being sent, attempts before a row is failed, and the
 * first retry delay (doubled each time, at most {@code max-backoff}).
 *
 * <p>Twelve attempts at 10 s doubling to 30 min span about two and a quarter hours: a push queued
 * while FCM is down for an afternoon's incident still reaches the family. Six spanned five minutes,
 * and the fault suite's FCM outage showed pushes given up on.
 */
@ConfigurationProperties("yousaid.notify")
public record NotifySettings(
        @Bindable(defaultValue = "1") int senders,
        @Bindable(defaultValue = "500ms") Duration pollInterval,
        @Bindable(defaultValue = "1m") Duration lease,
        @Bindable(defaultValue = "12") int maxAttempts,
        @Bindable(defaultValue = "10s") Duration backoff,
        @Bindable(defaultValue = "30m") Duration maxBackoff) {

    Duration backoffAfter(int attempts) {
        Duration delay = backoff.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
