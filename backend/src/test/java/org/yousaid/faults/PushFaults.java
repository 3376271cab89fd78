package org.yousaid.faults;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yousaid.notify.Notifications;
import org.yousaid.testing.Api;
import org.yousaid.testing.Fixtures;
import org.yousaid.testing.GoogleEndpoints;
import org.yousaid.testing.GoogleEndpoints.FcmOutage;
import org.yousaid.testing.Tokens;

/**
 * Faults on the way out: FCM down for a while (503 to every send, then no answer in time), and two
 * YouSaid instances on one database, both tagging and both sending. The real Firebase Admin SDK
 * sends to Google's servers stood in for ({@link GoogleEndpoints}), so these run in this JVM: an
 * application context per instance, each with its own pools, workers and senders, on one PostgreSQL.
 */
final class PushFaults {

    private static final Pattern TITLE = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * Pushes queued, and FCM accepted (delivered) once or more than once; rows the outbox gave up
     * on; sends refused while FCM was down; seconds from FCM's return until the last was delivered;
     * for two instances, how many each delivered, and how many tagging jobs were taken more than once.
     */
    record Figures(String fault, int queued, int delivered, int duplicated, long failed, int refusedWhileDown,
                   double drainSeconds, List<Integer> deliveredByInstance, long jobsDone, long jobsTakenTwice,
                   long taggedTwice) {

        void print() {
            System.out.printf("%s: pushes queued %d, delivered %d, duplicated %d, failed %d; refused while down %d; "
                            + "all delivered %.1f s after FCM was back; by instance %s%n", fault, queued, delivered,
                    duplicated, failed, refusedWhileDown, drainSeconds, deliveredByInstance);
            if (jobsDone > 0) {
                System.out.printf("%s: tagging jobs done %d, taken twice %d, submissions tagged twice %d%n",
                        fault, jobsDone, jobsTakenTwice, taggedTwice);
            }
        }
    }

    private PushFaults() {
    }

    /** Quick retries so a short outage shows what a long one does; the backoff's shape is the product's. */
    private static Map<String, Object> settings(FaultDatabase db, int senders, int workers) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("datasources.default.url", db.jdbcUrl());
        settings.put("datasources.default.username", "postgres");
        settings.put("datasources.default.password", "");
        settings.put("yousaid.notify.senders", senders);
        settings.put("yousaid.notify.poll-interval", "50ms");
        settings.put("yousaid.notify.backoff", "200ms");
        settings.put("yousaid.notify.max-backoff", "2s");
        settings.put("yousaid.tagging.workers", workers);
        return settings;
    }

    /**
     * FCM answers 503 to every send for half of {@code outage}, then times out for the other half,
     * while the pushes are queued; then it is back. Every push is delivered once.
     */
    static Figures fcmDown(int pushes, Duration outage) throws Exception {
        try (FaultDatabase db = FaultDatabase.start();
             ApplicationContext yousaid = ApplicationContext.run(settings(db, 2, 0), "test")) {
            GoogleEndpoints google = yousaid.getBean(GoogleEndpoints.class);
            Fixtures fixtures = yousaid.getBean(Fixtures.class);
            Notifications notifications = yousaid.getBean(Notifications.class);
            String area = fixtures.area();
            List<String> families = families(fixtures, area, Math.max(1, pushes / 10));
            google.fcmOutage(FcmOutage.UNAVAILABLE);
            int queued = queue(notifications, area, families, pushes / 2, "before");
            Thread.sleep(outage.toMillis() / 2);
            google.fcmOutage(FcmOutage.TIMEOUT);
            queued += queue(notifications, area, families, pushes - pushes / 2, "during");
            Thread.sleep(outage.toMillis() / 2);
            google.fcmOutage(FcmOutage.NONE);
            long back = System.nanoTime();
            double drained = awaitDrained(db, Duration.ofMinutes(3), back);
            Delivered delivered = delivered(List.of(google));
            return new Figures("FCM down " + outage.toSeconds() + " s (503, then timeouts)", queued, delivered.distinct,
                    delivered.duplicated, db.count("select count(*) from notification_outbox where state = 'failed'"),
                    google.refusedInOutage(), drained, delivered.byInstance, 0, 0, 0);
        }
    }

    /**
     * Two instances on one database, both with tagging workers and push senders: comments posted to
     * each in turn, pushes queued. No job is taken twice, no push is sent twice, and both did work.
     */
    static Figures twoProcesses(int pushes) throws Exception {
        try (FaultDatabase db = FaultDatabase.start();
             EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, settings(db, 2, 1), "test");
             EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, settings(db, 2, 1), "test")) {
            Fixtures fixtures = first.getApplicationContext().getBean(Fixtures.class);
            String area = fixtures.area();
            List<String> families = families(fixtures, area, Math.max(1, pushes / 10));
            List<EmbeddedServer> both = List.of(first, second);
            for (int i = 0; i < families.size(); i++) {
                String uid = families.get(i);
                Api.Reply posted = Api.at(both.get(i % 2).getURI()).as(Tokens.idToken(uid))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .post("/v1/areas/" + area + "/comments", "{\"body\":\"We have waited 14 weeks for a standing frame (" + i + ").\"}");
                if (posted.status() != 201) {
                    throw new IllegalStateException("comment not posted: " + posted);
                }
            }
            int queued = queue(first.getApplicationContext().getBean(Notifications.class), area, families, pushes, "shared");
            double drained = awaitDrained(db, Duration.ofMinutes(3), System.nanoTime());
            long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (db.count("select count(*) from tagging_jobs where state in ('queued', 'running')") > 0 && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            Delivered delivered = delivered(List.of(first.getApplicationContext().getBean(GoogleEndpoints.class),
                    second.getApplicationContext().getBean(GoogleEndpoints.class)));
            return new Figures("two instances on one database", queued, delivered.distinct, delivered.duplicated,
                    db.count("select count(*) from notification_outbox where state = 'failed'"), 0, drained,
                    delivered.byInstance,
                    db.count("select count(*) from tagging_jobs where state = 'done'"),
                    db.count("select count(*) from tagging_jobs where attempts > 1"),
                    db.count("""
                            select count(*) from (select 1 from tagging_jobs where state = 'done' and reason = 'submitted'
                                                  group by area_id, content_type, content_id having count(*) > 1) twice"""));
        }
    }

    private static List<String> families(Fixtures fixtures, String area, int count) {
        List<String> families = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String uid = fixtures.member(area, "family");
            fixtures.execute("insert into devices (area_id, id, uid, token, platform, registered_at) values (?, ?, ?, ?, 'android', now())",
                    area, UUID.randomUUID(), uid, "device-of-" + uid);
            families.add(uid);
        }
        return families;
    }

    /** Queues {@code count} pushes over the families, each with a title of its own. */
    private static int queue(Notifications notifications, String area, List<String> families, int count, String batch) {
        int queued = 0;
        for (int i = 0; i < count; i++) {
            queued += notifications.push(area, families.get(i % families.size()), "You said, we did " + batch + " " + i,
                    "A response to what you told us", Map.of("kind", "loop"));
        }
        return queued;
    }

    /** Seconds from {@code since} until no push is pending or being sent (NaN if that took longer than {@code limit}). */
    private static double awaitDrained(FaultDatabase db, Duration limit, long since) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (db.count("select count(*) from notification_outbox where state in ('pending', 'sending')") == 0) {
                return (System.nanoTime() - since) / 1e9;
            }
            Thread.sleep(50);
        }
        return Double.NaN;
    }

    private record Delivered(int distinct, int duplicated, List<Integer> byInstance) {
    }

    /** Each push is its device token and title: the same pair twice is a family told twice. */
    private static Delivered delivered(List<GoogleEndpoints> instances) {
        Map<String, Integer> times = new LinkedHashMap<>();
        List<Integer> byInstance = new ArrayList<>();
        for (GoogleEndpoints google : instances) {
            byInstance.add(google.pushes().size());
            for (GoogleEndpoints.Push push : google.pushes()) {
                Matcher title = TITLE.matcher(push.body());
                String key = push.token() + " " + (title.find() ? title.group(1) : push.body());
                times.merge(key, 1, Integer::sum);
            }
        }
        int duplicated = times.values().stream().mapToInt(n -> n - 1).sum();
        return new Delivered(times.size(), duplicated, byInstance);
    }
}
