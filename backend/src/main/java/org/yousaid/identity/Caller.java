package org.yousaid.identity;

/**
 * Who signed the request, before any local area is considered.
 *
 * @param uid        the Firebase uid
 * @param anonymous  signed in with a Firebase anonymous account
 * @param credential what the request was signed with, kept only to re-check revocation for staff
 *                   actions; never logged
 */
public record Caller(String uid, boolean anonymous, Credential credential) {

    /**
     * What a request carried: the app's Firebase ID token, the console's session cookie, or under
     * {@code dev} a demo person's name. Revocation is checked against the one that was used.
     */
    public sealed interface Credential permits IdToken, ConsoleSession, Dev {
    }

    record IdToken(String token) implements Credential {
        @Override
        public String toString() {
            return "IdToken[…]";
        }
    }

    record ConsoleSession(String cookie) implements Credential {
        @Override
        public String toString() {
            return "ConsoleSession[…]";
        }
    }

    record Dev() implements Credential {
    }

    @Override
    public String toString() {
        return "Caller[uid=" + uid + ", anonymous=" + anonymous + "]";
    }
}
