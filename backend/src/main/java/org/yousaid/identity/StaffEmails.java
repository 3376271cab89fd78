package org.yousaid.identity;

import com.google.firebase.auth.AuthErrorCode;
import com.google.firebase.auth.FirebaseAuth;
import com.google.firebase.auth.FirebaseAuthException;
import com.google.firebase.auth.UserRecord;
import jakarta.inject.Singleton;

/**
 * Where to email a member of staff: the address of their Firebase account, read when the email is
 * sent (so a changed address is used, and none is kept beside the alert). A sealed result, never an
 * exception: the sender decides what a missing account or an outage means for its row.
 */
@Singleton
public final class StaffEmails {

    /** The account's email, an account with none (or no account: nothing to retry), or Firebase not answering. */
    public sealed interface Lookup permits Found, NoEmail, Unavailable {
    }

    public record Found(String email) implements Lookup {

        @Override
        public String toString() {
            return "Found[email withheld]";
        }
    }

    public record NoEmail(String reason) implements Lookup {
    }

    public record Unavailable(String reason) implements Lookup {
    }

    private final FirebaseAuth firebaseAuth;

    StaffEmails(FirebaseAuth firebaseAuth) {
        this.firebaseAuth = firebaseAuth;
    }

    public Lookup emailOf(String uid) {
        try {
            UserRecord user = firebaseAuth.getUser(uid);
            String email = user.getEmail();
            if (email == null || email.isBlank()) {
                return new NoEmail("the account has no email address");
            }
            if (user.isDisabled()) {
                return new NoEmail("the account is disabled");
            }
            return new Found(email);
        } catch (FirebaseAuthException e) {
            if (e.getAuthErrorCode() == AuthErrorCode.USER_NOT_FOUND) {
                return new NoEmail("no Firebase account has this uid");
            }
            return new Unavailable("Firebase could not be asked for the account (" + e.getErrorCode() + ")");
        } catch (RuntimeException e) {
            // Dev has no credentials to call Firebase with; an operator can act on the kind of failure.
            return new Unavailable("Firebase could not be asked for the account (" + e.getClass().getSimpleName() + ")");
        }
    }
}
