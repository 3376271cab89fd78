package org.yousaid.faults;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * YouSaid as its own operating-system process (the README's dev server, dev tokens on, demo area
 * seeded) on a database the fault suite owns, so it can be killed with SIGKILL as a machine or the
 * kernel's OOM killer would, and started again on the same data.
 *
 * <p>The classpath is {@code yousaid.faults.classpath} when set (the script passes the production
 * classpath), else this JVM's; the worker-killed fault adds {@code yousaid.faults.test-classes}
 * for its held tagger.
 */
final class YouSaidProcess implements AutoCloseable {

    private final Process process;
    private final URI uri;
    private final Path log;

    private YouSaidProcess(Process process, URI uri, Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /** Starts one on an external PostgreSQL and returns once it is ready (or fails with its log). */
    static YouSaidProcess onDatabase(String jdbcUrl, Map<String, String> settings) throws IOException, InterruptedException {
        Map<String, String> all = new java.util.LinkedHashMap<>(settings);
        all.put("datasources.default.url", jdbcUrl);
        all.put("datasources.default.username", "postgres");
        all.put("datasources.default.password", "");
        return start(repositoryRoot(), all);
    }

    /**
     * Starts one on its own durable embedded PostgreSQL, kept in {@code root}/.yousaid/pg as the
     * README's run command keeps it in the checkout ({@code root} must hold nlp-models or a link to it).
     */
    static YouSaidProcess embedded(Path root, int databasePort, Map<String, String> settings) throws IOException, InterruptedException {
        Map<String, String> all = new java.util.LinkedHashMap<>(settings);
        all.put("yousaid.embedded-postgres.port", String.valueOf(databasePort));
        return start(root.toString(), all);
    }

    private static YouSaidProcess start(String root, Map<String, String> settings) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("yousaid-fault-server-", ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                "-Dmicronaut.environments=dev",
                "-Dmicronaut.server.port=" + port,
                "-Dyousaid.demo.seed=true",
                "-Dyousaid.limits.enabled=false",
                "-Dyousaid.metrics.port=0",
                "-DYOUSAID_LOG_LEVEL=WARN",
                "-Dyousaid.repo.root=" + root));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        String classpath = System.getProperty("yousaid.faults.classpath", System.getProperty("java.class.path"));
        if (settings.containsKey("yousaid.faults.tagging-hold") && System.getProperty("yousaid.faults.test-classes") != null) {
            // The held tagger is a test class: only the fault that needs it runs with test classes.
            classpath = System.getProperty("yousaid.faults.test-classes") + File.pathSeparator + classpath;
        }
        command.add(classpath);
        command.add("org.yousaid.Application");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        YouSaidProcess started = new YouSaidProcess(process, URI.create("http://127.0.0.1:" + port), log);
        started.awaitReady(Duration.ofSeconds(120));
        return started;
    }

    URI uri() {
        return uri;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no drain, connections cut mid-request. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitReady(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("YouSaid exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(uri.resolve("/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("YouSaid not ready in " + limit + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The checkout's root (where nlp-models/ is), from wherever the suite was started. */
    static String repositoryRoot() {
        File dir = new File("").getAbsoluteFile();
        while (dir != null && !new File(dir, "nlp-models").isDirectory()) {
            dir = dir.getParentFile();
        }
        return dir == null ? new File("").getAbsolutePath() : dir.getAbsolutePath();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        Files.deleteIfExists(log);
    }
}
