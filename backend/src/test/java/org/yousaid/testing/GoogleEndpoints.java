package org.yousaid.testing;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import com.google.api.client.testing.http.MockLowLevelHttpRequest;
import com.google.api.client.testing.http.MockLowLevelHttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for Google's servers (not for the SDK): the real Firebase Admin SDK fetches our test
 * signing certificate from here, looks up accounts here when it checks revocation (and for their
 * email addresses), and sends FCM messages here (captured, or refused as FCM would: unregistered
 * token, quota exceeded). Tests revoke and disable accounts the way the Firebase console would.
 */
public final class GoogleEndpoints extends HttpTransport {

    private static final String CERTS_URL =
            "https://www.googleapis.com/robot/v1/metadata/x509/securetoken@system.gserviceaccount.com";
    private static final String SESSION_KEYS_URL = "https://www.googleapis.com/identitytoolkit/v3/relyingparty/publicKeys";
    private static final Pattern LOOKUP = Pattern.compile("https://identitytoolkit\\.googleapis\\.com/v1/projects/[^/]+/accounts:lookup");
    private static final Pattern UPDATE = Pattern.compile("https://identitytoolkit\\.googleapis\\.com/v1/projects/[^/]+/accounts:update");
    private static final Pattern SESSION_COOKIE = Pattern.compile(
            "https://identitytoolkit\\.googleapis\\.com/v1/projects/[^/:]+:createSessionCookie");
    private static final Pattern ID_TOKEN = Pattern.compile("\"idToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VALID_DURATION = Pattern.compile("\"validDuration\"\\s*:\\s*\"?(\\d+)");
    private static final Pattern VALID_SINCE = Pattern.compile("\"validSince\"\\s*:\\s*\"?(\\d+)");
    private static final Pattern LOCAL_ID_FIELD = Pattern.compile("\"localId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern LOCAL_ID = Pattern.compile("\"localId\"\\s*:\\s*\\[\\s*\"([^\"]+)\"");

    private static final Pattern FCM_SEND = Pattern.compile("https://fcm\\.googleapis\\.com/v1/projects/[^/]+/messages:send");
    private static final Pattern FCM_TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    /** A push FCM accepted: the device token and the whole request body the SDK sent. */
    public record Push(String token, String body) {
    }

    private final java.util.List<Push> pushes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Boolean> unregistered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, Long> validSince = new ConcurrentHashMap<>();
    private final Map<String, Boolean> disabled = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger refusedInOutage = new AtomicInteger();
    private volatile FcmOutage fcmOutage = FcmOutage.NONE;

    /** How FCM is failing as a whole, as in an outage: not at all, 503 to every send, or no answer in time. */
    public enum FcmOutage { NONE, UNAVAILABLE, TIMEOUT }

    /** From now on every FCM send gets this (NONE ends the outage); nothing refused is delivered. */
    public void fcmOutage(FcmOutage outage) {
        fcmOutage = outage;
    }

    /** Sends refused by an outage so far. */
    public int refusedInOutage() {
        return refusedInOutage.get();
    }
    private final Map<String, String> emails = new ConcurrentHashMap<>();

    /** The email address of an account, as its owner signed up with: {@code <uid>@staff.example.org} unless set. */
    public static String defaultEmail(String uid) {
        return uid + "@staff.example.org";
    }

    /** The account's email from now on ({@code ""}: an account with no email, as an anonymous one). */
    public void setEmail(String uid, String email) {
        emails.put(uid, email);
    }

    /** Revokes every token issued before now, as {@code revokeRefreshTokens} does. */
    public void revoke(String uid) {
        validSince.put(uid, Instant.now().getEpochSecond() + 1);
    }

    public void disable(String uid) {
        disabled.put(uid, true);
    }

    /** FCM answers UNREGISTERED for this token from now on (the app was uninstalled). */
    public void unregister(String token) {
        unregistered.put(token, true);
    }

    /** FCM answers QUOTA_EXCEEDED (429) the next {@code times} sends to this token. */
    public void failNext(String token, int times) {
        failuresLeft.put(token, new AtomicInteger(times));
    }

    /** Pushes FCM accepted, in order. */
    public java.util.List<Push> pushes() {
        return java.util.List.copyOf(pushes);
    }

    public java.util.List<Push> pushesTo(String token) {
        return pushes.stream().filter(p -> p.token().equals(token)).toList();
    }

    public int lookups() {
        return lookups.get();
    }

    @Override
    protected LowLevelHttpRequest buildRequest(String method, String url) {
        return new MockLowLevelHttpRequest(url) {
            String body() throws IOException {
                ByteArrayOutputStream sent = new ByteArrayOutputStream();
                if (getStreamingContent() != null) {
                    getStreamingContent().writeTo(sent);
                }
                return sent.toString(java.nio.charset.StandardCharsets.UTF_8);
            }

            @Override
            public LowLevelHttpResponse execute() throws IOException {
                if (url.startsWith(CERTS_URL) || url.startsWith(SESSION_KEYS_URL)) {
                    return json(200, "{\"" + TestKeys.KID + "\":\"" + TestKeys.certificatePem().replace("\n", "\\n") + "\"}")
                            .addHeader("Cache-Control", "public, max-age=3600");
                }
                if (LOOKUP.matcher(url).matches()) {
                    lookups.incrementAndGet();
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    if (getStreamingContent() != null) {
                        getStreamingContent().writeTo(body);
                    }
                    Matcher m = LOCAL_ID.matcher(body.toString());
                    if (!m.find()) {
                        return json(400, "{\"error\":{\"code\":400,\"message\":\"INVALID_ID\"}}");
                    }
                    String uid = m.group(1);
                    long since = validSince.getOrDefault(uid, 0L);
                    String email = emails.getOrDefault(uid, defaultEmail(uid));
                    return json(200, "{\"users\":[{\"localId\":\"" + uid + "\",\"validSince\":\"" + since
                            + "\",\"disabled\":" + disabled.getOrDefault(uid, false)
                            + (email.isEmpty() ? "" : ",\"email\":\"" + email + "\"") + "}]}");
                }
                if (SESSION_COOKIE.matcher(url).matches()) {
                    return sessionCookie(body());
                }
                if (UPDATE.matcher(url).matches()) {
                    // revokeRefreshTokens: sessions and tokens issued before validSince no longer verify.
                    String sent = body();
                    Matcher uid = LOCAL_ID_FIELD.matcher(sent);
                    Matcher since = VALID_SINCE.matcher(sent);
                    if (!uid.find() || !since.find()) {
                        return json(400, "{\"error\":{\"code\":400,\"message\":\"INVALID_ID\"}}");
                    }
                    validSince.put(uid.group(1), Long.parseLong(since.group(1)));
                    return json(200, "{\"localId\":\"" + uid.group(1) + "\"}");
                }
                if (FCM_SEND.matcher(url).matches()) {
                    switch (fcmOutage) {
                        case UNAVAILABLE -> {
                            refusedInOutage.incrementAndGet();
                            return json(503, "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\",\"status\":\"UNAVAILABLE\"}}");
                        }
                        case TIMEOUT -> {
                            refusedInOutage.incrementAndGet();
                            throw new java.net.SocketTimeoutException("Read timed out");
                        }
                        case NONE -> {
                            // FCM is up
                        }
                    }
                    ByteArrayOutputStream body = new ByteArrayOutputStream();
                    if (getStreamingContent() != null) {
                        getStreamingContent().writeTo(body);
                    }
                    Matcher m = FCM_TOKEN.matcher(body.toString());
                    String token = m.find() ? m.group(1) : "";
                    if (unregistered.containsKey(token)) {
                        return json(404, "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\",\"status\":\"NOT_FOUND\","
                                + "\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"UNREGISTERED\"}]}}");
                    }
                    AtomicInteger left = failuresLeft.get(token);
                    if (left != null && left.getAndDecrement() > 0) {
                        return json(429, "{\"error\":{\"code\":429,\"message\":\"Quota exceeded.\",\"status\":\"RESOURCE_EXHAUSTED\","
                                + "\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\"QUOTA_EXCEEDED\"}]}}");
                    }
                    pushes.add(new Push(token, body.toString()));
                    return json(200, "{\"name\":\"projects/yousaid-test/messages/" + pushes.size() + "\"}");
                }
                return json(404, "{\"error\":{\"code\":404,\"message\":\"not served in tests\"}}");
            }
        };
    }

    /**
     * Firebase's createSessionCookie: checks the ID token was signed by our test key (a stranger's
     * is refused, as Firebase would) and returns a session cookie with the same account and sign-in time.
     */
    private static MockLowLevelHttpResponse sessionCookie(String sent) {
        Matcher token = ID_TOKEN.matcher(sent);
        Matcher duration = VALID_DURATION.matcher(sent);
        if (!token.find() || !duration.find() || !Tokens.signedByUs(token.group(1))) {
            return json(400, "{\"error\":{\"code\":400,\"message\":\"INVALID_ID_TOKEN\"}}");
        }
        Map<String, Object> claims = Tokens.claims(token.group(1));
        Instant now = Instant.now();
        String cookie = Tokens.sessionCookie((String) claims.get("sub"), "password",
                Instant.ofEpochSecond(((Number) claims.get("auth_time")).longValue()), now,
                now.plusSeconds(Long.parseLong(duration.group(1))));
        return json(200, "{\"sessionCookie\":\"" + cookie + "\"}");
    }

    private static MockLowLevelHttpResponse json(int status, String body) {
        return new MockLowLevelHttpResponse().setStatusCode(status).setContentType("application/json").setContent(body);
    }
}
