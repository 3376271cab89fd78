package org.yousaid.testing;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;

/**
 * Two RSA keys made with keytool for the tests: the one our fake Google key server publishes
 * (so the real Firebase SDK accepts tokens it signed) and a stranger's it never publishes.
 */
public final class TestKeys {

    public static final String KID = "yousaid-test-key-1";
    private static final char[] PASSWORD = "yousaid-test".toCharArray();
    private static final KeyStore STORE = load();

    private TestKeys() {
    }

    public static PrivateKey signingKey() {
        return key("firebase-test");
    }

    public static PrivateKey strangerKey() {
        return key("stranger");
    }

    /** The key that checks what {@link #signingKey()} signed. */
    public static java.security.PublicKey publicKey() {
        try {
            return STORE.getCertificate("firebase-test").getPublicKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The published certificate in PEM, as Google's x509 metadata endpoint serves it. */
    public static String certificatePem() {
        try {
            Certificate cert = STORE.getCertificate("firebase-test");
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey key(String alias) {
        try {
            return (PrivateKey) STORE.getKey(alias, PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load() {
        try (InputStream in = TestKeys.class.getResourceAsStream("/firebase-test-keys.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
