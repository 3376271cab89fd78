package org.yousaid.identity;

import com.google.api.client.http.HttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.auth.FirebaseAuth;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FirebaseApp per application context. Tests (and air-gapped deployments) may supply a
 * {@code @Named("firebase")} {@link HttpTransport} and {@link GoogleCredentials}; the SDK itself is
 * always the real one.
 */
@Factory
final class FirebaseAppFactory {

    private static final Logger LOG = LoggerFactory.getLogger(FirebaseAppFactory.class);

    @Context
    @Bean(preDestroy = "delete")
    FirebaseApp firebaseApp(FirebaseSettings settings,
                            @Nullable @Named("firebase") HttpTransport transport,
                            @Nullable @Named("firebase") GoogleCredentials credentials) {
        FirebaseOptions.Builder options = FirebaseOptions.builder()
                .setProjectId(settings.projectId())
                .setCredentials(credentials != null ? credentials : loadCredentials(settings));
        if (transport != null) {
            options.setHttpTransport(transport);
        }
        // A unique name: several application contexts may live in one JVM (tests).
        return FirebaseApp.initializeApp(options.build(), "yousaid-" + UUID.randomUUID());
    }

    @Singleton
    FirebaseAuth firebaseAuth(FirebaseApp app) {
        return FirebaseAuth.getInstance(app);
    }

    private static GoogleCredentials loadCredentials(FirebaseSettings settings) {
        if (settings.credentialsFile() != null && !settings.credentialsFile().isBlank()) {
            try (InputStream in = new FileInputStream(settings.credentialsFile())) {
                return GoogleCredentials.fromStream(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read yousaid.firebase.credentials-file", e);
            }
        }
        // Application-default discovery is not used: on a machine without credentials it probes the
        // cloud metadata server. Verifying a token needs only Google's public keys; revocation
        // checks answer auth.unavailable until a credentials file is configured.
        LOG.warn("no Google credentials file configured: ID tokens verify, but revocation checks will fail");
        return GoogleCredentials.newBuilder().build();
    }
}
