package org.yousaid.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.ProblemException;
import org.yousaid.testing.GoogleEndpoints;
import org.yousaid.testing.Tokens;

/**
 * The console's sign-in through the real Firebase Admin SDK (createSessionCookie,
 * verifySessionCookie with revocation, revokeRefreshTokens), served by {@link GoogleEndpoints}.
 */
@MicronautTest(transactional = false)
class StaffSessionsTest {

    @Inject
    StaffSessions sessions;

    @Inject
    GoogleEndpoints google;

    @Inject
    Authenticator authenticator;

    static final Duration EIGHT_HOURS = Duration.ofHours(8);

    @Test
    void aFreshSignInOfANamedAccountBecomesASessionThatSigningOutEnds() {
        String uid = "lead-" + UUID.randomUUID();
        StaffSessions.Start start = sessions.start(Tokens.idToken(uid), EIGHT_HOURS);

        assertThat(start).isInstanceOfSatisfying(StaffSessions.Started.class, s -> {
            assertThat(s.uid()).isEqualTo(uid);
            assertThat(s.toString()).doesNotContain(s.cookie());
            assertThat(sessions.check(s.cookie())).isEqualTo(new StaffSessions.Valid(uid));
            // Staff actions re-check the session itself, as they re-check an app's ID token.
            Caller caller = sessions.callerFor(new StaffSessions.Valid(uid), s.cookie());
            assertThat(caller.toString()).doesNotContain(s.cookie());
            authenticator.confirmNotRevoked(caller);
            // An ID token is not a session cookie, and a cookie cut short is nothing.
            assertThat(sessions.check(Tokens.idToken(uid))).isInstanceOf(StaffSessions.Refused.class);
            assertThat(sessions.check(s.cookie().substring(0, s.cookie().length() - 4))).isInstanceOf(StaffSessions.Refused.class);

            // Firebase keeps revocation in whole seconds and revokes what was issued before: sign out
            // a moment later than the sign-in, as a person does.
            pause(Duration.ofMillis(1100));
            assertThat(sessions.end(uid, s.cookie())).isEqualTo(new StaffSessions.Valid(uid));
            assertThat(sessions.check(s.cookie())).isInstanceOfSatisfying(StaffSessions.Refused.class,
                    r -> assertThat(r.problem()).isEqualTo(AuthProblem.TOKEN_REVOKED));
            assertThatThrownBy(() -> authenticator.confirmNotRevoked(caller)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.problem()).isEqualTo(AuthProblem.TOKEN_REVOKED));
        });
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void familiesAnonymousAccountsOldSignInsAndStrangersGetNoSession() {
        String uid = "family-" + UUID.randomUUID();
        assertThat(sessions.start(Tokens.anonymous(uid), EIGHT_HOURS)).isInstanceOfSatisfying(StaffSessions.Refused.class,
                r -> assertThat(r.detail()).contains("named account"));
        assertThat(sessions.start(Tokens.issuedAt(uid, Instant.now().minus(Duration.ofMinutes(20))), EIGHT_HOURS))
                .isInstanceOfSatisfying(StaffSessions.Refused.class, r -> assertThat(r.problem()).isEqualTo(AuthProblem.TOKEN_EXPIRED));
        assertThat(sessions.start(Tokens.signedByStranger(uid), EIGHT_HOURS)).isInstanceOfSatisfying(StaffSessions.Refused.class,
                r -> assertThat(r.problem()).isEqualTo(AuthProblem.TOKEN_INVALID));
        assertThat(sessions.start("not a token", EIGHT_HOURS)).isInstanceOf(StaffSessions.Refused.class);
    }

    @Test
    void aDisabledAccountsSessionStopsWorking() {
        String uid = "commissioner-" + UUID.randomUUID();
        StaffSessions.Started started = (StaffSessions.Started) sessions.start(Tokens.idToken(uid), EIGHT_HOURS);
        google.disable(uid);
        assertThat(sessions.check(started.cookie())).isInstanceOfSatisfying(StaffSessions.Refused.class,
                r -> assertThat(r.problem()).isEqualTo(AuthProblem.USER_DISABLED));
    }
}
