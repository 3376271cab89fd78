package org.yousaid.console;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * The Firebase web app the sign-in page signs staff in with. Without a web API key (the dev
 * environment, where the demo people sign in) the page offers no email sign-in.
 */
@Singleton
final class FirebaseWebSignIn {

    /**
     * @param apiKey      the Firebase web app's API key (public: it names the project, it grants nothing)
     * @param authDomain  the project's auth domain, e.g. {@code yousaid-prod.firebaseapp.com}
     * @param emulatorUrl the Firebase Auth emulator to use instead of Google's servers (local runs, tests)
     */
    @ConfigurationProperties("yousaid.console.firebase-web")
    record Settings(@Nullable String apiKey, @Nullable String authDomain, @Nullable String emulatorUrl) {
    }

    /** What the sign-in form's data attributes carry to the sign-in script. */
    record Form(String apiKey, String authDomain, String projectId, String emulator) {
    }

    private static final String GOOGLE_ORIGINS = "https://identitytoolkit.googleapis.com https://securetoken.googleapis.com";

    private final Settings settings;
    private final String projectId;

    FirebaseWebSignIn(Settings settings, @Value("${yousaid.firebase.project-id}") String projectId) {
        this.settings = settings;
        this.projectId = projectId;
    }

    boolean enabled() {
        return settings.apiKey() != null && !settings.apiKey().isBlank();
    }

    @Nullable
    Form form() {
        if (!enabled()) {
            return null;
        }
        String authDomain = settings.authDomain() == null || settings.authDomain().isBlank()
                ? projectId + ".firebaseapp.com" : settings.authDomain();
        return new Form(settings.apiKey(), authDomain, projectId, emulatorOrigin());
    }

    /** Where the sign-in script may connect, for the Content-Security-Policy's connect-src. */
    String connectSources() {
        if (!enabled()) {
            return "";
        }
        String emulator = emulatorOrigin();
        return emulator.isEmpty() ? GOOGLE_ORIGINS : emulator;
    }

    private String emulatorOrigin() {
        if (settings.emulatorUrl() == null || settings.emulatorUrl().isBlank()) {
            return "";
        }
        URI uri = URI.create(settings.emulatorUrl());
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
