package org.yousaid.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yousaid.testing.GoogleEndpoints;

/** What the outbox records when the real FCM SDK cannot send: words an operator can act on, never a token. */
class PushGatewayTest {

    FirebaseApp app;

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.delete();
        }
    }

    @Test
    void aPushWithoutFcmCredentialsSaysWhatIsMissing() {
        // As in dev with no credentials file: the app starts with empty credentials (FirebaseAppFactory).
        app = FirebaseApp.initializeApp(FirebaseOptions.builder().setProjectId("yousaid-dev")
                .setCredentials(GoogleCredentials.newBuilder().build()).setHttpTransport(new GoogleEndpoints()).build(),
                "push-" + UUID.randomUUID());
        String token = "device-token-" + UUID.randomUUID();

        PushGateway.Delivery outcome = new PushGateway(app).send(token, "A response", "There is an answer", Map.of());

        assertThat(outcome).isInstanceOf(PushGateway.Retry.class);
        String reason = ((PushGateway.Retry) outcome).reason();
        assertThat(reason).startsWith("no FCM credentials").contains("GOOGLE_APPLICATION_CREDENTIALS")
                .doesNotContain(token).doesNotContain("java.lang");
    }
}
