package org.yousaid.identity;

/**
 * Who signed the request, before any local area is considered.
 *
 * @param uid       the Firebase uid
 * @param anonymous signed in with a Firebase anonymous account
 * @param idToken   kept only to re-check revocation for staff actions; never logged
 */
public record Caller(String uid, boolean anonymous, String idToken) {

    @Override
    public String toString() {
        return "Caller[uid=" + uid + ", anonymous=" + anonymous + "]";
    }
}
