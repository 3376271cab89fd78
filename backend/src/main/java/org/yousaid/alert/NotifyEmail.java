package org.yousaid.alert;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.SendEmailResponse;

/**
 * Sends one email through GOV.UK Notify's own Java client and says what became of it. The only class
 * that knows Notify; what a failure means for the outbox (try again or give up) is decided here, once.
 */
@Singleton
class NotifyEmail {

    /** Accepted by Notify (with its notification id), or not, and whether trying again may help. */
    sealed interface Delivery permits Sent, Failed {
    }

    record Sent(String notificationId) implements Delivery {
    }

    record Failed(boolean retryable, String reason) implements Delivery {
    }

    /** Notify's client sets no timeouts: a call that hangs must not hold the sender for ever. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AlertSettings.Notify settings;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    NotifyEmail(AlertSettings.Notify settings) {
        this.settings = settings;
    }

    boolean configured() {
        return settings.configured();
    }

    /**
     * {@code personalisation} fills the template's placeholders; {@code reference} is ours (the outbox
     * row), so a message Notify accepted twice after a crash can be told apart in its dashboard.
     */
    Delivery send(String emailAddress, Map<String, String> personalisation, String reference) {
        NotificationClient client;
        try {
            client = new NotificationClient(settings.apiKey(), settings.baseUrl());
        } catch (RuntimeException e) {
            return new Failed(false, "the Notify API key is not in Notify's form (key name, service id, secret)");
        }
        Future<SendEmailResponse> call = calls.submit(() -> client.sendEmail(settings.templateId(), emailAddress,
                personalisation, reference));
        try {
            return new Sent(call.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getNotificationId().toString());
        } catch (ExecutionException e) {
            return e.getCause() instanceof NotificationClientException refused ? failure(refused.getHttpResult())
                    : new Failed(true, "Notify's answer could not be read (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Failed(true, "Notify did not answer within " + TIMEOUT.toSeconds() + " s; it is tried again later");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Failed(true, "the server stopped while Notify was being called");
        }
    }

    /**
     * What Notify's status means for us. Built from the status only: Notify's messages may quote what
     * was sent, and with it an address.
     */
    static Failed failure(int status) {
        return switch (status) {
            case 0 -> new Failed(true, "Notify could not be reached; it is tried again later");
            case 400 -> new Failed(false, "Notify refused the email (400): check the template id and the address");
            case 403 -> new Failed(true, "Notify refused the API key (403): check yousaid.alerts.notify.api-key and the server's clock");
            case 429 -> new Failed(true, "Notify's rate limit was reached (429); it is tried again later");
            default -> status >= 500 ? new Failed(true, "Notify failed (" + status + "); it is tried again later")
                    : new Failed(false, "Notify refused the email (" + status + ")");
        };
    }
}
