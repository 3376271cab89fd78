package org.yousaid.alert;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code yousaid.alerts.*}: where the console is (links in emails), sender threads in this server
 * (0 = none), how often an idle sender looks for due emails, the lease on a row being sent, attempts
 * before a row is failed, and the first retry delay (doubled each time, at most {@code max-backoff}).
 */
@ConfigurationProperties("yousaid.alerts")
record AlertSettings(
        @Bindable(defaultValue = "http://localhost:8080") String consoleBaseUrl,
        @Bindable(defaultValue = "1") int senders,
        @Bindable(defaultValue = "1s") Duration pollInterval,
        @Bindable(defaultValue = "1m") Duration lease,
        @Bindable(defaultValue = "8") int maxAttempts,
        @Bindable(defaultValue = "10s") Duration backoff,
        @Bindable(defaultValue = "30m") Duration maxBackoff) {

    Duration backoffAfter(int attempts) {
        Duration delay = backoff.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** The page a forum lead opens for the case (the queue, not the case: the link says nothing). */
    String queueLink(String areaId) {
        String base = consoleBaseUrl.endsWith("/") ? consoleBaseUrl.substring(0, consoleBaseUrl.length() - 1) : consoleBaseUrl;
        return base + "/console/areas/" + areaId + "/safeguarding";
    }

    /**
     * {@code yousaid.alerts.notify.*}: GOV.UK Notify's API key, the email template's id and the API's
     * base URL. Without a key (dev) alerts are recorded as not sent rather than failing.
     */
    @ConfigurationProperties("notify")
    record Notify(@Nullable String apiKey, @Nullable String templateId,
                  @Bindable(defaultValue = "https://api.notifications.service.gov.uk") String baseUrl) {

        boolean configured() {
            return apiKey != null && !apiKey.isBlank() && templateId != null && !templateId.isBlank();
        }
    }
}
