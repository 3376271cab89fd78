package org.yousaid.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for surveys against a running dev server: 50 families submit answers to a
 * 20-question survey (closed loop: responses/s, p50, p99), then the results endpoint is timed over
 * 100,000 submitted answers (seeded straight into PostgreSQL).
 *
 * <p>Usage: {@code SurveyBench <baseUrl> <jdbcUrl> <clients> <seconds> <answers>}.
 */
public final class SurveyBench {

    private static final String AREA = "demo";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String jdbc = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int seeded = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();

        String created = BenchHttp.send(http, base, "POST", "/v1/areas/" + AREA + "/surveys", "demo-commissioner",
                "{\"definition\":" + definition() + "}").body();
        Matcher m = ID.matcher(created);
        if (!m.find()) {
            throw new IllegalStateException("survey not created: " + created);
        }
        String survey = m.group(1);
        BenchHttp.send(http, base, "POST", "/v1/areas/" + AREA + "/surveys/" + survey + "/publish", "demo-commissioner", null);
        for (int i = 0; i < clients; i++) {
            BenchHttp.send(http, base, "PUT", "/v1/areas/" + AREA + "/membership", "bench-family-" + i, "{\"role\":\"family\"}");
        }
        closedLoop(http, base, survey, clients, 5);
        long[][] result = closedLoop(http, base, survey, clients, seconds);
        long[] latencies = result[0];
        System.out.printf("submit 20-question answers: clients=%d seconds=%d responses=%d errors=%d responses/s=%.0f p50_ms=%.2f p99_ms=%.2f%n",
                clients, seconds, latencies.length, result[1][0], latencies.length / (double) seconds, BenchHttp.p(latencies, 50), BenchHttp.p(latencies, 99));

        seed(jdbc, survey, seeded);
        String results = "/v1/areas/" + AREA + "/surveys/" + survey + "/results";
        long cold = BenchHttp.timed(http, base, results, "demo-commissioner");
        BenchHttp.send(http, base, "PUT", "/v1/areas/" + AREA + "/surveys/" + survey + "/answers/" + UUID.randomUUID(), "bench-family-0",
                "{\"version\":1,\"submit\":true,\"answers\":" + answers(0) + "}");
        long afterNewAnswer = BenchHttp.timed(http, base, results, "demo-commissioner");
        System.out.printf("results over %d answers, computed: first read %.0f ms, after one more answer %.0f ms%n",
                seeded + latencies.length + 1, cold / 1e6, afterNewAnswer / 1e6);
        long[] reads = new long[20];
        for (int i = 0; i < reads.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = BenchHttp.send(http, base, "GET", "/v1/areas/" + AREA + "/surveys/" + survey + "/results", "demo-commissioner", null);
            reads[i] = System.nanoTime() - start;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("results: " + r.statusCode());
            }
        }
        System.out.printf("results over %d answers, unchanged since last read: requests=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                seeded + latencies.length + 1, reads.length, BenchHttp.p(reads, 50), BenchHttp.p(reads, 99), BenchHttp.p(reads, 100));
        System.exit(0);
    }

    private static long[][] closedLoop(HttpClient http, URI base, String survey, int clients, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long[] latencies = new long[2_000_000];
        AtomicInteger count = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    int status = BenchHttp.send(http, base, "PUT", "/v1/areas/" + AREA + "/surveys/" + survey + "/answers/" + UUID.randomUUID(),
                            "bench-family-" + client, "{\"version\":1,\"submit\":true,\"answers\":" + answers(client) + "}").statusCode();
                    if (status == 201) {
                        latencies[count.getAndIncrement()] = System.nanoTime() - start;
                    } else {
                        errors.incrementAndGet();
                    }
                }
                done.countDown();
            });
        }
        done.await();
        return new long[][] {Arrays.copyOf(latencies, count.get()), {errors.get()}};
    }

    /** Answers to the 20 questions, varied per client. */
    static String answers(int client) {
        StringBuilder a = new StringBuilder("{\"who\":\"").append(client % 3 == 0 ? "young_person" : "parent_carer").append('"');
        for (int i = 1; i <= 12; i++) {
            a.append(",\"s").append(i).append("\":").append(1 + (client + i) % 5);
        }
        a.append(",\"weeks\":").append(client % 40)
                .append(",\"setting\":\"").append(client % 2 == 0 ? "home" : "school").append('"')
                .append(",\"services\":[\"salt\",\"ot\"]")
                .append(",\"requested\":\"2026-0").append(1 + client % 9).append("-15\"")
                .append(",\"item\":{\"category\":\"wheelchairs\",\"identified\":\"2026-01-05\",\"received\":\"2026-0")
                .append(2 + client % 7).append("-10\"}")
                .append(",\"why\":\"We waited too long for the wheelchair.\"}");
        return a.toString();
    }

    static String definition() {
        StringBuilder q = new StringBuilder("{\"title\":\"Benchmark survey\",\"kind\":\"annual_impact\",\"questions\":[");
        q.append("{\"id\":\"who\",\"type\":\"single_choice\",\"text\":\"Who?\",\"required\":true,\"options\":[")
                .append("{\"id\":\"parent_carer\",\"label\":\"Parent\"},{\"id\":\"young_person\",\"label\":\"Young person\"}]}");
        for (int i = 1; i <= 12; i++) {
            q.append(",{\"id\":\"s").append(i).append("\",\"type\":\"").append(i % 2 == 0 ? "i_statement" : "likert")
                    .append("\",\"text\":\"Statement ").append(i).append("\"").append(i % 2 == 0 ? ",\"outcome\":\"o" + i + "\"" : "").append("}");
        }
        q.append(",{\"id\":\"weeks\",\"type\":\"number\",\"text\":\"Weeks?\",\"min\":0,\"max\":260,\"integer\":true}")
                .append(",{\"id\":\"setting\",\"type\":\"single_choice\",\"text\":\"Where?\",\"options\":[{\"id\":\"home\",\"label\":\"Home\"},{\"id\":\"school\",\"label\":\"School\"}]}")
                .append(",{\"id\":\"services\",\"type\":\"multiple_choice\",\"text\":\"Which?\",\"options\":[{\"id\":\"salt\",\"label\":\"SaLT\"},{\"id\":\"ot\",\"label\":\"OT\"},{\"id\":\"physio\",\"label\":\"Physio\"}]}")
                .append(",{\"id\":\"requested\",\"type\":\"date\",\"text\":\"When?\"}")
                .append(",{\"id\":\"item\",\"type\":\"equipment_item\",\"text\":\"Equipment\",\"categories\":[{\"id\":\"wheelchairs\",\"label\":\"Wheelchairs\"},{\"id\":\"seating_standing\",\"label\":\"Seating\"}]}")
                .append(",{\"id\":\"why\",\"type\":\"free_text\",\"text\":\"Why?\",\"maxLength\":500}]}");
        return q.toString();
    }

    /** Submitted answers straight into PostgreSQL, spread over a year, so results have something to chew. */
    private static void seed(String jdbc, String survey, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
             PreparedStatement s = c.prepareStatement("""
                     insert into survey_answers (area_id, id, survey_id, version, respondent_uid, respondent_role, status, answers,
                         request_hash, started_at, updated_at, submitted_at)
                     select 'demo', gen_random_uuid(), ?::uuid, 1, 'seed-' || i, 'family', 'submitted',
                            jsonb_build_object('who', case when i % 3 = 0 then 'young_person' else 'parent_carer' end,
                                's1', 1 + i % 5, 's2', 1 + (i / 3) % 5, 's3', 1 + (i / 7) % 5, 's4', 1 + (i / 11) % 5,
                                's5', 1 + i % 4, 's6', 2 + i % 4, 's7', 1 + i % 5, 's8', 1 + (i / 2) % 5, 's9', 3, 's10', 1 + i % 5,
                                's11', 4, 's12', 1 + (i / 5) % 5, 'weeks', i % 52, 'setting', case when i % 2 = 0 then 'home' else 'school' end,
                                'services', jsonb_build_array('salt', 'ot'), 'requested', '2026-03-01',
                                'item', jsonb_build_object('category', case when i % 4 = 0 then 'seating_standing' else 'wheelchairs' end,
                                    'identified', '2026-01-05', 'received', to_char(date '2026-01-05' + (i % 120), 'YYYY-MM-DD'))),
                            'seed', now(), now(), now() - (i % 365) * interval '1 day'
                     from generate_series(1, ?) i""")) {
            s.setString(1, survey);
            s.setInt(2, count);
            s.executeUpdate();
            c.createStatement().execute("analyze survey_answers");
        }
    }

}
