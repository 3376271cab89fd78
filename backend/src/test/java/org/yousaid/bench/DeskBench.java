package org.yousaid.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for the moderation desk against a running dev server: seeds pending comments with
 * their tags straight into PostgreSQL, then times the review queue (first page, deep pages by
 * cursor, a theme filter), the queue's counts, and publishing by 20 forum leads at once.
 *
 * <p>Usage: {@code DeskBench <baseUrl> <jdbcUrl> <pending> <moderators> <publishesEach>}.
 */
public final class DeskBench {

    private static final String AREA = "demo";
    private static final String LEAD = "demo-forum-lead";
    private static final Pattern CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
    private static final String[] THEMES = {"waiting_times", "wheelchairs", "speech_language_therapy", "ehc_plans",
            "transport", "communication_kept_informed", "mental_health", "short_breaks"};

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String jdbc = args[1];
        int pending = Integer.parseInt(args[2]);
        int moderators = Integer.parseInt(args[3]);
        int publishesEach = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();

        long seedStart = System.nanoTime();
        seed(jdbc, pending, moderators);
        System.out.printf("seeded %d pending comments with tags in %.1f s%n", pending, (System.nanoTime() - seedStart) / 1e9);

        String queue = "/v1/areas/" + AREA + "/moderation/queue?limit=20";
        for (int i = 0; i < 20; i++) {
            BenchHttp.send(http, base, "GET", queue, LEAD, null);
        }
        long[] first = new long[200];
        for (int i = 0; i < first.length; i++) {
            first[i] = BenchHttp.timed(http, base, queue, LEAD);
        }
        BenchHttp.report("queue, first page of " + pending, first);

        long[] deep = new long[200];
        String cursor = null;
        for (int i = 0; i < deep.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = BenchHttp.send(http, base, "GET", queue + (cursor == null ? "" : "&cursor=" + cursor), LEAD, null);
            deep[i] = System.nanoTime() - start;
            Matcher m = CURSOR.matcher(r.body());
            cursor = m.find() ? m.group(1) : null;
        }
        BenchHttp.report("queue, 200 pages in a row by cursor", deep);

        long[] filtered = new long[200];
        for (int i = 0; i < filtered.length; i++) {
            filtered[i] = BenchHttp.timed(http, base, queue + "&theme=" + THEMES[i % THEMES.length] + "&sentiment=4", LEAD);
        }
        BenchHttp.report("queue filtered by theme and sentiment", filtered);

        long[] counts = new long[20];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = BenchHttp.timed(http, base, "/v1/areas/" + AREA + "/moderation/queue/counts", LEAD);
        }
        BenchHttp.report("queue counts over " + pending, counts);

        List<List<String>> work = items(jdbc, moderators, publishesEach);
        BenchHttp.concurrently("publish by forum leads", moderators, m -> () -> {
            String lead = "bench-lead-" + m;
            List<String> mine = work.get(m);
            long[] took = new long[mine.size()];
            for (int i = 0; i < mine.size(); i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = BenchHttp.send(http, base, "POST", "/v1/areas/" + AREA + "/moderation/items/comment/"
                        + mine.get(i) + "/publish", lead, "{\"version\":1}");
                took[i] = System.nanoTime() - start;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("publish: " + r.statusCode() + " " + r.body());
                }
            }
            return took;
        });
        System.exit(0);
    }

    /** Pending comments as the wall and tagging would have left them, spread over the last weeks. */
    private static void seed(String jdbc, int count, int moderators) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("insert into memberships (area_id, id, uid, role) select 'demo', gen_random_uuid(), 'bench-lead-' || g, 'forum_lead' "
                    + "from generate_series(0, " + (moderators - 1) + ") g on conflict do nothing");
            s.execute("insert into comments (area_id, id, author_uid, author_role, body, idempotency_key, request_hash, submitted_at) "
                    + "select 'demo', gen_random_uuid(), 'bench-family-' || (g % 500), 'family', "
                    + "'We have waited ' || (g % 60) || ' weeks for a wheelchair assessment and nobody rings us back (' || g || ').', "
                    + "gen_random_uuid(), 'h', now() - (g || ' seconds')::interval from generate_series(1, " + count + ") g");
            String themes = "array['" + String.join("','", THEMES) + "']";
            s.execute("insert into moderation_items (area_id, content_type, content_id, author_role, state, submitted_at, tagged, "
                    + "themes, sentiment, flagged) select c.area_id, 'comment', c.id, 'family', 'pending_review', c.submitted_at, true, "
                    + "array[(" + themes + ")[1 + (abs(hashtext(c.id::text)) % 8)], 'waiting_times'], 1 + abs(hashtext(c.body)) % 5, false "
                    + "from comments c where c.area_id = 'demo' and c.author_uid like 'bench-family-%' "
                    + "on conflict do nothing");
            s.execute("insert into content_tags (area_id, content_type, content_id, model_version, themes, sentiment, "
                    + "sentiment_confidence, redactions, safeguarding_flagged, safeguarding_reasons, tagged_at) "
                    + "select c.area_id, 'comment', c.id, 'bench', "
                    + "'[{\"theme\":\"waiting_times\",\"name\":\"Waiting times\",\"score\":0.9}]'::jsonb, 4, 0.8, '[]'::jsonb, false, "
                    + "'[]'::jsonb, c.submitted_at from comments c where c.area_id = 'demo' and c.author_uid like 'bench-family-%' "
                    + "on conflict do nothing");
            s.execute("analyze comments; analyze moderation_items; analyze content_tags");
        }
    }

    /** Distinct pending items for each moderator, so publishes race on the system, not on one row. */
    private static List<List<String>> items(String jdbc, int moderators, int each) throws Exception {
        List<List<String>> work = new ArrayList<>();
        for (int m = 0; m < moderators; m++) {
            work.add(new ArrayList<>());
        }
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select content_id from moderation_items where area_id = 'demo' and state = 'pending_review' "
                     + "order by random() limit " + (moderators * each))) {
            int i = 0;
            while (rs.next()) {
                work.get(i++ % moderators).add(rs.getString(1));
            }
        }
        return work;
    }

}
