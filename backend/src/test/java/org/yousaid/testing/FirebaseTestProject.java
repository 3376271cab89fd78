package org.yousaid.testing;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Date;

/** Points the real Firebase Admin SDK at {@link GoogleEndpoints} in tests. */
@Factory
@Requires(env = Environment.TEST)
class FirebaseTestProject {

    @Singleton
    GoogleEndpoints googleEndpoints() {
        return new GoogleEndpoints();
    }

    @Singleton
    @Named("firebase")
    HttpTransport firebaseTransport(GoogleEndpoints endpoints) {
        return endpoints;
    }

    @Singleton
    @Named("firebase")
    GoogleCredentials firebaseCredentials() {
        return GoogleCredentials.create(new AccessToken("test-access-token", Date.from(Instant.now().plusSeconds(86_400))));
    }
}
