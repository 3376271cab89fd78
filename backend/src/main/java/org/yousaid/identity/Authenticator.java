package org.yousaid.identity;

import com.google.firebase.auth.AuthErrorCode;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseAuthException;
import com.google.firebase.auth.FirebaseToken;
import jakarta.inject.Singleton;
import java.util.Map;
import org.yousaid.shared.ProblemException;

/**
 * Turns a bearer token into a {@link Caller} with the real Firebase Admin SDK. The only class
 * that talks to Firebase Auth.
 */
@Singleton
public final class Authenticator {

    static final String DEV_PREFIX = "dev:";

    private final FirebaseAuth firebaseAuth;
    private final DevTokens devTokens;

    Authenticator(FirebaseAuth firebaseAuth, DevTokens devTokens) {
        this.firebaseAuth = firebaseAuth;
        this.devTokens = devTokens;
    }

    Caller authenticate(String idToken) {
        if (devTokens.enabled() && idToken.startsWith(DEV_PREFIX)) {
            String uid = idToken.substring(DEV_PREFIX.length());
            if (uid.isBlank() || uid.length() > 128) {
                throw new ProblemException(AuthProblem.TOKEN_INVALID, "A dev token is 'dev:<uid>'.");
            }
            return new Caller(uid, false, new Caller.Dev());
        }
        FirebaseToken token = verify(idToken, false);
        return new Caller(token.getUid(), isAnonymous(token), new Caller.IdToken(idToken));
    }

    /**
     * Asks Firebase whether the caller's sessions were revoked or the account disabled since the
     * token was issued. Costs a call to Firebase, so it is kept for staff actions.
     */
    public void confirmNotRevoked(Caller caller) {
        switch (caller.credential()) {
            case Caller.Dev dev -> {
                if (!devTokens.enabled()) {
                    throw new ProblemException(AuthProblem.TOKEN_INVALID, "Demo sign-in is only for the dev environment.");
                }
            }
            case Caller.IdToken idToken -> verify(idToken.token(), true);
            case Caller.ConsoleSession session -> {
                try {
                    firebaseAuth.verifySessionCookie(session.cookie(), true);
                } catch (FirebaseAuthException e) {
                    throw new ProblemException(problemFor(e.getAuthErrorCode()), detailFor(e.getAuthErrorCode()));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new ProblemException(AuthProblem.TOKEN_INVALID, "This is not a console session; sign in again.");
                }
            }
        }
    }

    private FirebaseToken verify(String idToken, boolean checkRevoked) {
        try {
            return firebaseAuth.verifyIdToken(idToken, checkRevoked);
        } catch (FirebaseAuthException e) {
            throw new ProblemException(problemFor(e.getAuthErrorCode()), detailFor(e.getAuthErrorCode()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ProblemException(AuthProblem.TOKEN_INVALID, "The ID token is not a Firebase ID token.");
        }
    }

    static AuthProblem problemFor(AuthErrorCode code) {
        if (code == null) {
            return AuthProblem.UNAVAILABLE;
        }
        return switch (code) {
            case EXPIRED_ID_TOKEN, EXPIRED_SESSION_COOKIE -> AuthProblem.TOKEN_EXPIRED;
            case REVOKED_ID_TOKEN, REVOKED_SESSION_COOKIE -> AuthProblem.TOKEN_REVOKED;
            case USER_DISABLED -> AuthProblem.USER_DISABLED;
            case CERTIFICATE_FETCH_FAILED -> AuthProblem.UNAVAILABLE;
            default -> AuthProblem.TOKEN_INVALID;
        };
    }

    private static String detailFor(AuthErrorCode code) {
        return switch (problemFor(code)) {
            case TOKEN_EXPIRED -> "The ID token has expired; refresh it and try again.";
            case TOKEN_REVOKED -> "This sign-in was revoked; sign in again.";
            case USER_DISABLED -> "This account has been disabled.";
            case UNAVAILABLE -> "Sign-in could not be checked just now; please try again.";
            default -> "The ID token could not be verified.";
        };
    }

    static boolean isAnonymous(FirebaseToken token) {
        return token.getClaims().get("firebase") instanceof Map<?, ?> firebase
                && "anonymous".equals(firebase.get("sign_in_provider"));
    }
}
