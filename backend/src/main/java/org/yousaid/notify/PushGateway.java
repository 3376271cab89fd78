package org.yousaid.notify;

import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Sends one push through the real Firebase Cloud Messaging SDK and says what became of it. The only
 * class that knows FCM; what a failure means for the outbox is decided here, once.
 */
@Singleton
final class PushGateway {

    /** Sent (with FCM's message id), a token FCM no longer knows, or a failure worth retrying. */
    sealed interface Delivery permits Sent, Unregistered, Retry {
    }

    record Sent(String messageId) implements Delivery {
    }

    record Unregistered(String reason) implements Delivery {
    }

    record Retry(String reason) implements Delivery {
    }

    private final FirebaseMessaging messaging;

    PushGateway(FirebaseApp app) {
        this.messaging = FirebaseMessaging.getInstance(app);
    }

    Delivery send(String token, String title, String body, Map<String, String> data) {
        Message message = Message.builder()
                .setToken(token)
                .setNotification(Notification.builder().setTitle(title).setBody(body).build())
                .putAllData(data)
                .build();
        try {
            return new Sent(messaging.send(message));
        } catch (FirebaseMessagingException e) {
            MessagingErrorCode code = e.getMessagingErrorCode();
            if (code == MessagingErrorCode.UNREGISTERED || code == MessagingErrorCode.SENDER_ID_MISMATCH
                    || (code == MessagingErrorCode.INVALID_ARGUMENT && e.getMessage() != null && e.getMessage().contains("token"))) {
                return new Unregistered(String.valueOf(code));
            }
            return new Retry(code == null ? String.valueOf(e.getErrorCode()) : code.name());
        } catch (RuntimeException e) {
            return new Retry(reason(e));
        }
    }

    /**
     * What went wrong, in words an operator can act on. Built from the failure's kind only: the SDK's
     * own messages may carry the request, and with it a device token.
     */
    static String reason(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Empty credentials (no credentials file, as in dev) cannot mint an access token; google-auth says so with this.
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains("does not support refreshing")) {
                return "no FCM credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file of the Firebase project";
            }
            if (t instanceof java.io.IOException) {
                return "FCM could not be reached (" + t.getClass().getSimpleName() + "); it is tried again later";
            }
        }
        return "push failed unexpectedly (" + e.getClass().getSimpleName() + "); it is tried again later";
    }
}
