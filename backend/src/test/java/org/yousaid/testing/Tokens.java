package org.yousaid.testing;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Firebase ID tokens signed the way Google signs them (RS256, kid, securetoken issuer). */
public final class Tokens {

    public static final String PROJECT_ID = "yousaid-test";

    private Tokens() {
    }

    public static String idToken(String uid) {
        Instant now = Instant.now();
        return sign(uid, "password", now.minusSeconds(5), now.plusSeconds(3600), TestKeys.signingKey(), TestKeys.KID);
    }

    public static String anonymous(String uid) {
        Instant now = Instant.now();
        return sign(uid, "anonymous", now.minusSeconds(5), now.plusSeconds(3600), TestKeys.signingKey(), TestKeys.KID);
    }

    public static String expired(String uid) {
        Instant now = Instant.now();
        return sign(uid, "password", now.minusSeconds(7200), now.minusSeconds(3600), TestKeys.signingKey(), TestKeys.KID);
    }

    public static String signedByStranger(String uid) {
        Instant now = Instant.now();
        return sign(uid, "password", now.minusSeconds(5), now.plusSeconds(3600), TestKeys.strangerKey(), TestKeys.KID);
    }

    public static String issuedAt(String uid, Instant issuedAt) {
        return sign(uid, "password", issuedAt, issuedAt.plusSeconds(3600), TestKeys.signingKey(), TestKeys.KID);
    }

    static String sign(String uid, String provider, Instant issuedAt, Instant expires, PrivateKey key, String kid) {
        return sign("https://securetoken.google.com/", uid, provider, issuedAt, issuedAt, expires, key, kid);
    }

    /** A session cookie as Firebase's createSessionCookie makes one: same claims, the session issuer. */
    static String sessionCookie(String uid, String provider, Instant authTime, Instant issuedAt, Instant expires) {
        return sign("https://session.firebase.google.com/", uid, provider, authTime, issuedAt, expires, TestKeys.signingKey(), TestKeys.KID);
    }

    private static String sign(String issuer, String uid, String provider, Instant authTime, Instant issuedAt, Instant expires,
                               PrivateKey key, String kid) {
        String header = "{\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + issuer + PROJECT_ID + "\","
                + "\"aud\":\"" + PROJECT_ID + "\","
                + "\"auth_time\":" + authTime.getEpochSecond() + ","
                + "\"user_id\":\"" + uid + "\",\"sub\":\"" + uid + "\","
                + "\"iat\":" + issuedAt.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond() + ","
                + "\"firebase\":{\"identities\":{},\"sign_in_provider\":\"" + provider + "\"}}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a token's signature is our test key's (what Firebase's own servers would check). */
    static boolean signedByUs(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(TestKeys.publicKey());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            return false;
        }
    }

    /** A token's claims, read without checking (callers check the signature first). */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> claims(String jwt) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                    java.util.Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
