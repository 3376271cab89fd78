package org.yousaid.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Faults under load, with figures: families' phones submit comments and survey answers (each sent
 * again with its own key until acknowledged) while the server is killed, its database restarted or
 * killed. Afterwards the database is read: every acknowledged submission stored once, and every
 * tagging job, including those a killed worker held, finished once.
 *
 * <p>{@code infra/faults/fault-suite.sh} runs it at length; {@code FaultSuiteTest} runs a short
 * variant of each fault in the build. Push faults (FCM down, two processes on one database) are in
 * {@code PushFaults}: they need Google's servers stood in for.
 *
 * <p>Usage: {@code FaultSuite [phones=24] [seconds before the fault=15] [seconds after=15]}.
 */
public final class FaultSuite {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /**
     * What a killed worker's jobs wait for before another worker takes them: two minutes in a
     * deployment (a job is a few milliseconds; the lease only has to outlive a long pause), short here.
     */
    static final Map<String, String> SERVER_SETTINGS = Map.of("yousaid.tagging.lease", "10s");

    /** The load: how many phones, how long before and after the fault, the pause between submissions. */
    record Load(int phones, Duration before, Duration after, Duration thinkTime) {
    }

    /**
     * One fault's figures. Phones: acknowledged comments and answers, requests sent, 503s (and how
     * many lacked problem+json or Retry-After), connections refused, requests that hung past the
     * phone's timeout, the slowest 503, anything else answered. Stored: acknowledged but not stored
     * (lost), stored twice, stored though never acknowledged. Tagging: jobs under way at the fault
     * (and of those, how many were leased again and finished),
     * jobs left unfinished or failed, submissions never tagged or tagged twice. Recovery: from the
     * kill, or the database's return, to the first acknowledgement.
     */
    record Figures(String fault, int acknowledgedComments, int acknowledgedAnswers, int requests, int unavailable,
                   int unavailableWithoutProblem, int refused, int hung, double slowest503Millis,
                   Map<String, Integer> unexpected, long lost, long duplicated, long storedUnacknowledged,
                   long jobsHeldAtFault, long heldJobsFinishedAgain, long jobsUnfinished, long jobsFailed, long untagged, long taggedTwice,
                   double recoverySeconds) {

        void print() {
            System.out.printf("%s: acknowledged %d comments + %d answers (%d requests); stored: lost %d, duplicated %d, "
                            + "stored unacknowledged %d%n", fault, acknowledgedComments, acknowledgedAnswers, requests, lost,
                    duplicated, storedUnacknowledged);
            System.out.printf("%s: while down: 503 %d (without problem+json or Retry-After %d, slowest %.0f ms), "
                            + "refused %d, hung %d, other answers %s; recovered in %.1f s%n", fault, unavailable,
                    unavailableWithoutProblem, slowest503Millis, refused, hung, unexpected, recoverySeconds);
            System.out.printf("%s: tagging: jobs under way at the fault %d (leased again and finished %d), unfinished %d, "
                            + "failed %d, untagged %d, tagged twice %d%n",
                    fault, jobsHeldAtFault, heldJobsFinishedAgain, jobsUnfinished, jobsFailed, untagged, taggedTwice);
        }
    }

    private FaultSuite() {
    }

    public static void main(String[] args) throws Exception {
        int phones = args.length > 0 ? Integer.parseInt(args[0]) : 24;
        Duration before = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 15);
        Duration after = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 15);
        Load load = new Load(phones, before, after, Duration.ZERO);
        System.out.printf("fault suite: %d phones, %s before and %s after each fault, %d cores%n",
                phones, before, after, Runtime.getRuntime().availableProcessors());
        serverKilled(load).print();
        workerKilledMidJob(load).print();
        databaseRestarted(load, Duration.ofSeconds(5)).print();
        embeddedDatabaseKilled(load).print();
        PushFaults.fcmDown(2_000, Duration.ofSeconds(20)).print();
        PushFaults.twoProcesses(1_000).print();
        System.exit(0);
    }

    /** kill -9 the server mid-load, start it again on the same database. */
    static Figures serverKilled(Load load) throws Exception {
        return killedAndStartedAgain("server killed (kill -9) and started again", load, SERVER_SETTINGS, false);
    }

    /**
     * A tagging worker killed with its jobs under way: the server runs a tagger that holds each text
     * for a second (so jobs are mid-way when the kill lands), is killed once some are, and a server
     * with the ordinary tagger takes over. Every job it held is leased again when its lease runs
     * out and finished once.
     */
    static Figures workerKilledMidJob(Load load) throws Exception {
        Map<String, String> held = new java.util.HashMap<>(SERVER_SETTINGS);
        held.put("yousaid.faults.tagging-hold", "1s");
        held.put("yousaid.tagging.give-way", "0");
        held.put("yousaid.tagging.workers", "4");
        return killedAndStartedAgain("tagging worker killed mid-job (kill -9)", load, held, true);
    }

    /**
     * Runs the load on a server started with {@code settings}, kills it (once a job is under way,
     * if {@code midJob}), and starts an ordinary one on the same database for the rest of the load.
     */
    private static Figures killedAndStartedAgain(String fault, Load load, Map<String, String> settings, boolean midJob)
            throws Exception {
        try (FaultDatabase db = FaultDatabase.start()) {
            YouSaidProcess first = YouSaidProcess.onDatabase(db.jdbcUrl(), settings);
            AtomicReference<URI> server = new AtomicReference<>(first.uri());
            String survey = survey(first.uri());
            try (Phones phones = new Phones(server::get, "demo", survey, load.phones(), load.thinkTime())) {
                phones.start();
                Thread.sleep(load.before().toMillis());
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (midJob && db.count("select count(*) from tagging_jobs where state = 'running'") == 0 && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                long killed = System.nanoTime();
                first.kill();
                Set<String> running = db.strings("select id::text from tagging_jobs where state = 'running'");
                try (YouSaidProcess second = YouSaidProcess.onDatabase(db.jdbcUrl(), SERVER_SETTINGS)) {
                    server.set(second.uri());
                    Thread.sleep(load.after().toMillis());
                    phones.finish(Duration.ofSeconds(60));
                    return verdict(fault, db.jdbcUrl(), phones, running, recovery(phones, killed));
                }
            }
        }
    }

    /** The external database stopped mid-load (its connections cut) and started again; YouSaid is not restarted. */
    static Figures databaseRestarted(Load load, Duration away) throws Exception {
        try (FaultDatabase db = FaultDatabase.start();
             YouSaidProcess yousaid = YouSaidProcess.onDatabase(db.jdbcUrl(), SERVER_SETTINGS)) {
            String survey = survey(yousaid.uri());
            try (Phones phones = new Phones(yousaid::uri, "demo", survey, load.phones(), load.thinkTime())) {
                phones.start();
                Thread.sleep(load.before().toMillis());
                db.stop();
                Thread.sleep(away.toMillis());
                db.startAgain();
                long back = System.nanoTime();
                Set<String> held = db.strings("select id::text from tagging_jobs where state = 'running'");
                Thread.sleep(load.after().toMillis());
                phones.finish(Duration.ofSeconds(60));
                return verdict("external PostgreSQL restarted (" + away.toSeconds() + " s away)", db.jdbcUrl(), phones,
                        held, recovery(phones, back));
            }
        }
    }

    /**
     * The README's durable embedded PostgreSQL's postmaster killed with SIGKILL mid-load: YouSaid's
     * watch starts it again on its data and port (crash recovery replays the log), without restarting YouSaid.
     */
    static Figures embeddedDatabaseKilled(Load load) throws Exception {
        Path root = Files.createTempDirectory("yousaid-fault-root-");
        Files.createSymbolicLink(root.resolve("nlp-models"), Path.of(YouSaidProcess.repositoryRoot(), "nlp-models"));
        int port = YouSaidProcess.freePort();
        String jdbc = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (YouSaidProcess yousaid = YouSaidProcess.embedded(root, port, SERVER_SETTINGS)) {
            String survey = survey(yousaid.uri());
            try (Phones phones = new Phones(yousaid::uri, "demo", survey, load.phones(), load.thinkTime())) {
                phones.start();
                Thread.sleep(load.before().toMillis());
                Path pid = root.resolve(".yousaid/pg/postmaster.pid");
                long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).trim());
                ProcessHandle killed = ProcessHandle.of(postmaster).orElseThrow();
                killed.destroyForcibly();
                killed.onExit().get();
                long down = System.nanoTime();
                Thread.sleep(load.after().toMillis());
                phones.finish(Duration.ofSeconds(60));
                return verdict("embedded PostgreSQL killed (kill -9), started again by YouSaid", jdbc, phones, Set.of(),
                        recovery(phones, down));
            }
        } finally {
            // The watch's postmaster outlives nothing: YouSaid's shutdown stopped it.
            deleteTree(root);
        }
    }

    /** Seconds from {@code nanos} to the first acknowledgement after it (NaN if none came). */
    private static double recovery(Phones phones, long nanos) {
        long first = phones.firstAcknowledgedAfter(nanos);
        return first < 0 ? Double.NaN : (first - nanos) / 1e9;
    }

    /** Waits for tagging to finish, then reads what was stored against what the phones were told. */
    static Figures verdict(String fault, String jdbc, Phones phones, Set<String> held, double recoverySeconds)
            throws InterruptedException {
        Set<String> comments = FaultDatabase.strings(jdbc,
                "select author_uid || ' ' || idempotency_key from comments where author_uid like 'fault-family-%'");
        Set<String> answers = FaultDatabase.strings(jdbc,
                "select respondent_uid || ' ' || id from survey_answers where respondent_uid like 'fault-family-%' and status = 'submitted'");
        Set<String> acknowledgedComments = keys(phones.acknowledged(Phones.Kind.COMMENT));
        Set<String> acknowledgedAnswers = keys(phones.acknowledged(Phones.Kind.ANSWER));
        long lost = missing(acknowledgedComments, comments) + missing(acknowledgedAnswers, answers);
        long storedUnacknowledged = missing(comments, acknowledgedComments) + missing(answers, acknowledgedAnswers);
        // Stored twice means the same words from the same family twice (every submission's words are its own).
        long duplicated = single(jdbc, "select count(*) - count(distinct (author_uid, body)) from comments where author_uid like 'fault-family-%'")
                + single(jdbc, "select count(*) - count(distinct (respondent_uid, answers->>'why')) from survey_answers where respondent_uid like 'fault-family-%'");
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (single(jdbc, "select count(*) from tagging_jobs where state in ('queued', 'running')") > 0 && System.nanoTime() < end) {
            Thread.sleep(250);
        }
        long unfinished = single(jdbc, "select count(*) from tagging_jobs where state in ('queued', 'running')");
        long failed = single(jdbc, "select count(*) from tagging_jobs where state = 'failed'");
        long untagged = single(jdbc, """
                select count(*) from comments c where c.author_uid like 'fault-family-%' and not exists (
                  select 1 from tagging_jobs j where j.area_id = c.area_id and j.content_type = 'comment' and j.content_id = c.id and j.state = 'done')""")
                + single(jdbc, """
                select count(*) from survey_answers a where a.respondent_uid like 'fault-family-%' and a.status = 'submitted' and not exists (
                  select 1 from tagging_jobs j where j.area_id = a.area_id and j.content_type = 'survey_answer' and j.content_id = a.id and j.state = 'done')""");
        long taggedTwice = single(jdbc, """
                select count(*) from (select 1 from tagging_jobs where state = 'done' and reason = 'submitted'
                                      group by area_id, content_type, content_id having count(*) > 1) twice""");
        long heldFinished = held.isEmpty() ? 0 : single(jdbc, "select count(*) from tagging_jobs where state = 'done' and attempts > 1 and id::text in ('"
                + String.join("','", held) + "')");
        return new Figures(fault, acknowledgedComments.size(), acknowledgedAnswers.size(), phones.attempts(), phones.unavailable(),
                phones.unavailableWithoutProblem(), phones.refused(), phones.hung(), phones.slowest503Millis(), phones.unexpected(),
                lost, duplicated, storedUnacknowledged, held.size(), heldFinished, unfinished, failed, untagged, taggedTwice,
                recoverySeconds);
    }

    private static Set<String> keys(List<Phones.Acknowledged> acknowledged) {
        return acknowledged.stream().map(a -> a.uid() + " " + a.key()).collect(Collectors.toSet());
    }

    private static long missing(Set<String> expected, Set<String> present) {
        Set<String> gone = new HashSet<>(expected);
        gone.removeAll(present);
        return gone.size();
    }

    private static long single(String jdbc, String sql) {
        return Long.parseLong(FaultDatabase.strings(jdbc, sql).iterator().next());
    }

    /** A published survey in the demo area with one choice and one free-text question (its id). */
    static String survey(URI server) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String definition = """
                {"definition":{"title":"How was this term?","kind":"annual_impact","questions":[
                  {"id":"who","type":"single_choice","text":"Who is answering?","required":true,
                   "options":[{"id":"parent_carer","label":"A parent or carer"},{"id":"young_person","label":"A young person"}]},
                  {"id":"why","type":"free_text","text":"Tell us more","maxLength":500}]}}""";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(server.resolve("/v1/areas/demo/surveys"))
                .header("Authorization", "Bearer dev:demo-commissioner").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(definition)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("survey not created: " + created.statusCode() + " " + created.body());
        }
        HttpResponse<String> published = http.send(HttpRequest.newBuilder(server.resolve("/v1/areas/demo/surveys/" + id.group(1) + "/publish"))
                .header("Authorization", "Bearer dev:demo-commissioner")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (published.statusCode() >= 300) {
            throw new IllegalStateException("survey not published: " + published.statusCode() + " " + published.body());
        }
        return id.group(1);
    }

    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is not a fault's result
        }
    }
}
