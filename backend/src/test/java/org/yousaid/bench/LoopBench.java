package org.yousaid.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for "you said, we did" against a running dev server: seeds an area with published
 * comments over two quarters, equipment survey answers, safeguarding cases and published responses
 * with actions and reach, straight into PostgreSQL; then times the quarter's board report (PDF and
 * CSV) and the responses feed read by many families at once.
 *
 * <p>Usage: {@code LoopBench <baseUrl> <jdbcUrl> <comments> <answers> <responses> <readers> <readsEach>}.
 */
public final class LoopBench {

    private static final String AREA = "demo";
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
    private static final String[] THEMES = {"waiting_times", "equipment_wheelchairs", "speech_language_therapy", "ehc_plans",
            "transport", "communication_kept_informed", "mental_health", "short_breaks"};

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | AssertionError e) {
            // The HTTP client's threads would keep the JVM (and the script waiting on it) alive.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String jdbc = args[1];
        int comments = Integer.parseInt(args[2]);
        int answers = Integer.parseInt(args[3]);
        int responses = Integer.parseInt(args[4]);
        int readers = Integer.parseInt(args[5]);
        int readsEach = Integer.parseInt(args[6]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> survey = BenchHttp.send(http, base, "POST", "/v1/areas/" + AREA + "/surveys", "demo-commissioner",
                "{\"templateId\":\"equipment\"}");
        Matcher id = ID.matcher(survey.body());
        if (!id.find()) {
            throw new IllegalStateException("survey: " + survey.body());
        }
        String surveyId = id.group(1);
        BenchHttp.send(http, base, "POST", "/v1/areas/" + AREA + "/surveys/" + surveyId + "/publish", "demo-commissioner", null);

        long seedStart = System.nanoTime();
        seed(jdbc, comments, answers, responses, surveyId, readers);
        System.out.printf("seeded %d comments over two quarters, %d equipment survey answers, %d published responses in %.1f s%n",
                comments, answers, responses, (System.nanoTime() - seedStart) / 1e9);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        String report = "/v1/areas/" + AREA + "/reports/board?quarter=" + quarter;
        BenchHttp.send(http, base, "GET", report, "demo-commissioner", null);
        long[] pdf = new long[5];
        int bytes = 0;
        for (int i = 0; i < pdf.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = BenchHttp.send(http, base, "GET", report, "demo-commissioner", null);
            pdf[i] = System.nanoTime() - start;
            check(r, report);
            bytes = r.body().length();
        }
        BenchHttp.report("board report PDF for " + quarter + " (" + bytes / 1024 + " KB)", pdf);
        long[] csv = new long[5];
        for (int i = 0; i < csv.length; i++) {
            csv[i] = BenchHttp.timed(http, base, report + "&format=csv", "demo-commissioner");
        }
        BenchHttp.report("board report CSV for " + quarter, csv);
        long[] metrics = new long[10];
        for (int i = 0; i < metrics.length; i++) {
            metrics[i] = BenchHttp.timed(http, base, "/v1/areas/" + AREA + "/loop-metrics?quarter=" + quarter, "demo-forum-lead");
        }
        BenchHttp.report("loop metrics for " + quarter, metrics);

        String feed = "/v1/areas/" + AREA + "/responses?limit=20";
        for (int i = 0; i < 50; i++) {
            BenchHttp.send(http, base, "GET", feed, "bench-reader-0", null);
        }
        BenchHttp.concurrently("feed and \"what happened to what I said\", families", readers, reader -> () -> {
            String uid = "bench-reader-" + reader;
            long[] took = new long[readsEach];
            String cursor = null;
            for (int i = 0; i < readsEach; i++) {
                // A family scrolls three pages down, then comes back to the top.
                String path = i % 4 == 3 || cursor == null ? feed : feed + "&cursor=" + cursor;
                if (i % 5 == 4) {
                    path = "/v1/areas/" + AREA + "/me/responses?limit=20";
                }
                long start = System.nanoTime();
                HttpResponse<String> r = BenchHttp.send(http, base, "GET", path, uid, null);
                took[i] = System.nanoTime() - start;
                check(r, path);
                Matcher m = CURSOR.matcher(r.body());
                cursor = path.startsWith(feed) && i % 4 != 3 && m.find() ? m.group(1) : null;
            }
            return took;
        });
    }

    private static void seed(String jdbc, int comments, int answers, int responses, String surveyId, int readers) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = c.createStatement()) {
            String themes = "array['" + String.join("','", THEMES) + "']";
            s.execute("insert into memberships (area_id, id, uid, role) select 'demo', gen_random_uuid(), 'bench-reader-' || g, 'family' "
                    + "from generate_series(0, " + (readers - 1) + ") g on conflict do nothing");
            // Published comments spread over the last 180 days (this quarter and the one before).
            s.execute("insert into comments (area_id, id, author_uid, author_role, body, published_body, published_at, "
                    + "idempotency_key, request_hash, submitted_at) "
                    + "select 'demo', gen_random_uuid(), 'bench-family-' || (g % 5000), 'family', 'Waited ' || g || ' weeks.', "
                    + "'Waited ' || g || ' weeks.', now(), gen_random_uuid(), 'h', now() - ((g % 180) || ' days')::interval "
                    + "from generate_series(1, " + comments + ") g");
            s.execute("insert into moderation_items (area_id, content_type, content_id, author_role, state, submitted_at, tagged, "
                    + "themes, sentiment, flagged, moderated_text, decided_at, decided_by) "
                    + "select c.area_id, 'comment', c.id, 'family', 'published', c.submitted_at, true, "
                    + "array[(" + themes + ")[1 + (abs(hashtext(c.id::text)) % 8)]], 1 + abs(hashtext(c.body)) % 5, false, "
                    + "c.published_body, now(), 'bench' from comments c where c.area_id = 'demo' and c.author_uid like 'bench-family-%'");
            s.execute("insert into me_too (area_id, comment_id, uid, created_at) select c.area_id, c.id, 'bench-reader-' || "
                    + "(abs(hashtext(c.id::text)) % " + readers + "), now() from comments c where c.area_id = 'demo' "
                    + "and c.author_uid like 'bench-family-%' and abs(hashtext(c.id::text)) % 10 = 0 on conflict do nothing");
            s.execute("insert into safeguarding_cases (area_id, content_type, content_id, status, flagged_at, model_version) "
                    + "select area_id, 'comment', id, 'new', submitted_at, 'bench' from comments where area_id = 'demo' "
                    + "and author_uid like 'bench-family-%' and abs(hashtext(id::text)) % 500 = 0");
            // Equipment survey answers: an item identified 2 to 13 weeks before it arrived, and an I statement.
            s.execute("insert into survey_answers (area_id, id, survey_id, version, respondent_uid, respondent_role, status, answers, "
                    + "request_hash, started_at, updated_at, submitted_at) "
                    + "select 'demo', gen_random_uuid(), '" + surveyId + "'::uuid, 1, 'bench-family-' || (g % 5000), 'family', 'submitted', "
                    + "jsonb_build_object('who', 'parent_carer', 'setting', 'home', 'more_items', 'no', 'i_equipment', 1 + g % 5, "
                    + "'item_1', jsonb_build_object('category', 'wheelchairs', "
                    + "'identified', to_char(current_date - (g % 170) - 14 - (g % 12) * 7, 'YYYY-MM-DD'), "
                    + "'received', to_char(current_date - (g % 170), 'YYYY-MM-DD'))), 'h', now(), now(), "
                    + "now() - ((g % 170) || ' days')::interval from generate_series(1, " + answers + ") g");
            // Published responses, each citing 20 comments of its theme, with two actions and its reach.
            s.execute("insert into responses (area_id, id, status, version, title, summary, we_did, themes, period_from, period_to, "
                    + "aims, families, reached, revision, created_by, created_at, published_at) "
                    + "select 'demo', gen_random_uuid(), 'published', 5, 'Response ' || g, 'Families told us about waits.', "
                    + "'We opened a second clinic.', array[(" + themes + ")[1 + g % 8]], current_date - 90, current_date, "
                    + "'{\"outcomes\":[],\"indicators\":[]}'::jsonb, 20, 20, 1, 'bench', now() - (g || ' hours')::interval, "
                    + "now() - (g || ' hours')::interval from generate_series(1, " + responses + ") g");
            s.execute("insert into response_revisions (area_id, response_id, revision, title, summary, we_did, published_by, published_at) "
                    + "select area_id, id, 1, title, summary, we_did, 'bench', published_at from responses where created_by = 'bench'");
            s.execute("insert into response_actions (area_id, id, response_id, position, text, owner, starts_on, due_on, status, progress, "
                    + "created_at, updated_at, done_at) select r.area_id, gen_random_uuid(), r.id, p, 'Action ' || p, 'council', "
                    + "current_date - 60, current_date - 30 + p * 20, case when p = 1 then 'done' else 'in_progress' end, "
                    + "case when p = 1 then 100 else 50 end, now(), now(), case when p = 1 then now() - interval '40 days' end "
                    + "from responses r cross join generate_series(1, 2) p where r.created_by = 'bench'");
            s.execute("insert into response_citations (area_id, response_id, content_type, content_id) "
                    + "select r.area_id, r.id, 'comment', m.content_id from responses r cross join lateral "
                    + "(select content_id from moderation_items m where m.area_id = r.area_id and m.themes[1] = r.themes[1] "
                    + "order by m.content_id limit 20) m where r.created_by = 'bench'");
            s.execute("insert into response_reach (area_id, response_id, uid, content_type, content_id, how) "
                    + "select x.area_id, x.response_id, c.author_uid, 'comment', c.id, 'cited' from response_citations x "
                    + "join comments c on c.area_id = x.area_id and c.id = x.content_id on conflict do nothing");
            s.execute("insert into response_reach (area_id, response_id, uid, content_type, content_id, how) "
                    + "select r.area_id, r.id, 'bench-reader-' || g, 'comment', (select content_id from response_citations x "
                    + "where x.area_id = r.area_id and x.response_id = r.id limit 1), 'me_too' from responses r "
                    + "cross join generate_series(0, " + (readers - 1) + ") g where r.created_by = 'bench' "
                    + "and abs(hashtext(r.id::text || g)) % 4 = 0 on conflict do nothing");
            s.execute("analyze");
        }
    }

    private static void check(HttpResponse<String> r, String path) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
    }

}
