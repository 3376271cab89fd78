package org.yousaid.identity;

import com.google.firebase.auth.AuthErrorCode;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseAuthException;
import com.google.firebase.auth.FirebaseToken;
import com.google.firebase.auth.SessionCookieOptions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sign-in for the staff console: Firebase session cookies, which the server can revoke, instead of
 * ID tokens held by page script. A cookie is made only from a fresh sign-in with a named account
 * (families sign in anonymously and use the app), every use is checked for revocation and disabled
 * accounts, and signing out revokes every session of the account. Calls to Firebase answer with a
 * sealed result, never an exception, so the console can show the person what to do.
 */
@Singleton
public final class StaffSessions {

    /** Firebase's advice: make a session cookie only from a sign-in in the last five minutes. */
    static final Duration RECENT_SIGN_IN = Duration.ofMinutes(5);

    /** The result of exchanging an ID token for a session cookie. */
    public sealed interface Start permits Started, Refused {
    }

    /** A session cookie for {@code uid}, to be set HttpOnly; never logged. */
    public record Started(String uid, String cookie) implements Start {

        @Override
        public String toString() {
            return "Started[uid=" + uid + "]";
        }
    }

    /** Why no session: the problem to show, in words the person can act on. */
    public record Refused(AuthProblem problem, String detail) implements Start, Check {
    }

    /** The result of checking a session cookie on a request. */
    public sealed interface Check permits Valid, Refused {
    }

    public record Valid(String uid) implements Check {
    }

    private final FirebaseAuth firebaseAuth;
    private final DevTokens devTokens;
    private final Clock clock;

    StaffSessions(FirebaseAuth firebaseAuth, DevTokens devTokens, Clock clock) {
        this.firebaseAuth = firebaseAuth;
        this.devTokens = devTokens;
        this.clock = clock;
    }

    /** Whether the dev environment's sign-in as any uid is on (never off loopback; see DevTokenGuard). */
    public boolean devSignIn() {
        return devTokens.enabled();
    }

    /** The dev environment's sign-in as a demo person, as the API's {@code dev:<uid>} tokens are. */
    public Start startDev(String uid) {
        if (!devTokens.enabled()) {
            return new Refused(AuthProblem.TOKEN_INVALID, "Signing in as a demo person is only for the dev environment.");
        }
        if (uid == null || uid.isBlank() || uid.length() > 128 || !uid.matches("[A-Za-z0-9._-]+")) {
            return new Refused(AuthProblem.TOKEN_INVALID, "Choose one of the demo people.");
        }
        return new Started(uid, Authenticator.DEV_PREFIX + uid);
    }

    /** Exchanges a fresh ID token of a named account for a session cookie valid for {@code valid}. */
    public Start start(String idToken, Duration valid) {
        FirebaseToken token;
        try {
            token = firebaseAuth.verifyIdToken(idToken, true);
        } catch (FirebaseAuthException e) {
            return refused(e.getAuthErrorCode());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Refused(AuthProblem.TOKEN_INVALID, "The ID token is not a Firebase ID token.");
        }
        if (Authenticator.isAnonymous(token)) {
            return new Refused(AuthProblem.TOKEN_INVALID, "The console is for staff: sign in with your own named account.");
        }
        if (!recent(token)) {
            return new Refused(AuthProblem.TOKEN_EXPIRED, "Sign in again: a console session starts only from a sign-in of the last five minutes.");
        }
        try {
            String cookie = firebaseAuth.createSessionCookie(idToken,
                    SessionCookieOptions.builder().setExpiresIn(valid.toMillis()).build());
            return new Started(token.getUid(), cookie);
        } catch (FirebaseAuthException e) {
            return refused(e.getAuthErrorCode());
        }
    }

    /** Checks a session cookie, with revocation and disabled accounts, as every console request does. */
    public Check check(String cookie) {
        if (devTokens.enabled() && cookie.startsWith(Authenticator.DEV_PREFIX)) {
            Start dev = startDev(cookie.substring(Authenticator.DEV_PREFIX.length()));
            return dev instanceof Started started ? new Valid(started.uid()) : (Refused) dev;
        }
        try {
            return new Valid(firebaseAuth.verifySessionCookie(cookie, true).getUid());
        } catch (FirebaseAuthException e) {
            return refused(e.getAuthErrorCode());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Refused(AuthProblem.TOKEN_INVALID, "This is not a console session; sign in again.");
        }
    }

    /**
     * The person a checked session stands for, as the features' services take them: staff actions
     * re-check the session itself for revocation, as they re-check an app's ID token.
     */
    public Caller callerFor(Valid valid, String cookie) {
        boolean dev = devTokens.enabled() && cookie.startsWith(Authenticator.DEV_PREFIX);
        return new Caller(valid.uid(), false, dev ? new Caller.Dev() : new Caller.ConsoleSession(cookie));
    }

    /** Signing out: every session and refresh token of the account is revoked, on every device. */
    public Check end(String uid, String cookie) {
        if (devTokens.enabled() && cookie.startsWith(Authenticator.DEV_PREFIX)) {
            return new Valid(uid);
        }
        try {
            firebaseAuth.revokeRefreshTokens(uid);
            return new Valid(uid);
        } catch (FirebaseAuthException e) {
            return refused(e.getAuthErrorCode());
        }
    }

    private boolean recent(FirebaseToken token) {
        Object authTime = token.getClaims().get("auth_time");
        if (!(authTime instanceof Number seconds)) {
            return false;
        }
        return Instant.ofEpochSecond(seconds.longValue()).isAfter(clock.instant().minus(RECENT_SIGN_IN));
    }

    /** The problem is the API's ({@link Authenticator#problemFor}); the words are for a person at a browser. */
    private static Refused refused(AuthErrorCode code) {
        AuthProblem problem = Authenticator.problemFor(code);
        return new Refused(problem, switch (problem) {
            case TOKEN_EXPIRED -> "Your session has ended; sign in again.";
            case TOKEN_REVOKED -> "You were signed out; sign in again.";
            case USER_DISABLED -> "This account has been disabled.";
            case UNAVAILABLE -> "Sign-in could not be checked just now; please try again.";
            default -> "This sign-in could not be verified; sign in again.";
        });
    }
}
