package org.yousaid.shared;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup default: when no database URL is configured, start a real PostgreSQL 17 from
 * Maven jars before the data source is built.
 *
 * <p>It must run before configuration is read (Micronaut's JDBC pool refuses a missing URL), so it
 * looks only at the environment variable and system properties. One server per JVM: tests build
 * many application contexts and share it. Its data lives in {@code .yousaid/pg} under the project
 * (surviving restarts and {@code mvn clean}); with {@code yousaid.embedded-postgres.ephemeral=true}
 * (the tests) in a fresh temporary folder on a free port. PostgreSQL is stopped by a JVM shutdown
 * hook, so SIGTERM leaves no orphan server.
 *
 * <p>Nobody else looks after this PostgreSQL, so a watch does: if its postmaster dies (killed, out
 * of memory), it is started again on the same data and port within seconds, and the pool's new
 * connections reach it; requests meanwhile answer 503.
 */
@ContextConfigurer
public final class EmbeddedDatabase implements ApplicationContextConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final int DEFAULT_PORT = 54329;
    private static final long WATCH_INTERVAL_MS = 1000;
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Object LOCK = new Object();
    private static EmbeddedPostgres server;
    private static Path dataDir;
    private static boolean stopping;
    private static boolean restartsHeld;
    private static boolean down;

    @Override
    public void configure(ApplicationContextBuilder builder) {
        if (externalUrlConfigured()) {
            return;
        }
        EmbeddedPostgres pg = start();
        builder.properties(Map.of(
                "datasources.default.url", pg.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres",
                "datasources.default.password", ""));
    }

    /** Whether the server is told where its database is (the environment or a system property). */
    public static boolean externalUrlConfigured() {
        String env = System.getenv("DATASOURCES_DEFAULT_URL");
        String prop = System.getProperty("datasources.default.url");
        return (env != null && !env.isBlank()) || (prop != null && !prop.isBlank());
    }

    private static EmbeddedPostgres start() {
        synchronized (LOCK) {
            if (server != null) {
                return server;
            }
            boolean ephemeral = Boolean.getBoolean("yousaid.embedded-postgres.ephemeral");
            try {
                // Ephemeral servers take a free port unless told otherwise (tests run side by side).
                Path dir = ephemeral ? Files.createTempDirectory("yousaid-pg-") : projectDataDirectory();
                Files.createDirectories(dir.getParent());
                server = builder(ephemeral, dir, configuredPort(ephemeral)).start();
                dataDir = dir;
                watch();
                LOG.info("embedded PostgreSQL started on port {} ({})", server.getPort(),
                        ephemeral ? "ephemeral" : "data in .yousaid/pg, durable");
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
        }
    }

    /** The port the embedded server is started on: {@code yousaid.embedded-postgres.port}, else 54329 (none for a throwaway one). */
    static Integer configuredPort(boolean ephemeral) {
        return Integer.getInteger("yousaid.embedded-postgres.port", ephemeral ? null : DEFAULT_PORT);
    }

    /** Where the durable embedded server keeps its data. */
    public static Path projectDataDirectory() {
        return projectRoot().resolve(".yousaid").resolve("pg");
    }

    /**
     * The port of the PostgreSQL running on {@code dir} now, from its {@code postmaster.pid} (line
     * 4), if its postmaster is alive: the one way to be sure a port is this data's server.
     */
    public static Optional<Integer> runningPort(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"));
            if (lines.size() < 4 || !postmasterPid(dir).stream().anyMatch(EmbeddedDatabase::alive)) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static OptionalLong postmasterPid(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"));
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** A stale pid file can name a process that is not PostgreSQL (its pid reused): that is not a running server. */
    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().command().map(c -> c.endsWith("postgres") || c.endsWith("postgres.exe")).orElse(true))
                .orElse(false);
    }

    /** Tests hold restarts to see what requests answer while the database is down. */
    static void holdRestarts(boolean hold) {
        synchronized (LOCK) {
            restartsHeld = hold;
        }
    }

    private static void watch() {
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-postgres-watch");
            t.setDaemon(true);
            return t;
        });
        watch.scheduleWithFixedDelay(EmbeddedDatabase::restartIfDead, WATCH_INTERVAL_MS, WATCH_INTERVAL_MS, TimeUnit.MILLISECONDS);
        // The library's hook stops the postmaster it started, not one the watch started since; and
        // the watch must not start it again behind a shutdown. So: stop the watch, then whatever runs.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LOCK) {
                stopping = true;
                watch.shutdownNow();
            }
            postmasterPid(dataDir).ifPresent(pid -> ProcessHandle.of(pid).ifPresent(postmaster -> {
                postmaster.destroy();
                postmaster.onExit().completeOnTimeout(postmaster, 10, TimeUnit.SECONDS).join();
            }));
        }, "embedded-postgres-stop"));
    }

    /**
     * Starts the postmaster again if it has died, with the command line it last ran with (PostgreSQL
     * keeps it in {@code postmaster.opts}): the same binary, data, port and settings. While the dead
     * server's last backends are still exiting, the new one refuses to start; the next tick tries again.
     */
    static void restartIfDead() {
        synchronized (LOCK) {
            if (stopping || restartsHeld || dataDir == null
                    || postmasterPid(dataDir).stream().anyMatch(EmbeddedDatabase::alive)) {
                return;
            }
            if (!down) {
                LOG.warn("embedded PostgreSQL on port {} has stopped; starting it again on the same data", server.getPort());
                down = true;
            }
            try {
                Process postmaster = new ProcessBuilder(postmasterCommand(dataDir)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (awaitReady(postmaster)) {
                    LOG.info("embedded PostgreSQL on port {} is running again", server.getPort());
                    down = false;
                }
            } catch (IOException e) {
                LOG.warn("could not start the embedded PostgreSQL again: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The command that started the postmaster: PostgreSQL writes {@code postmaster.opts} as the
     * program's path, then each argument in double quotes.
     */
    static List<String> postmasterCommand(Path dir) throws IOException {
        String opts = Files.readString(dir.resolve("postmaster.opts")).strip();
        int firstArgument = opts.indexOf(" \"");
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As the library does when run as root (containers): PostgreSQL refuses to run as root.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(firstArgument < 0 ? opts : opts.substring(0, firstArgument));
        Matcher argument = QUOTED.matcher(firstArgument < 0 ? "" : opts.substring(firstArgument));
        while (argument.find()) {
            command.add(argument.group(1));
        }
        return command;
    }

    /** Ready once the new postmaster marks its pid file "ready"; false if it gave up (it exits). */
    private static boolean awaitReady(Process postmaster) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (postmaster.isAlive() && System.nanoTime() < deadline) {
            try {
                List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
                if (lines.size() >= 8 && lines.get(0).trim().equals(Long.toString(postmaster.pid()))
                        && lines.get(7).trim().equals("ready")) {
                    return true;
                }
            } catch (IOException | RuntimeException notYetWritten) {
                // keep waiting
            }
            Thread.sleep(100);
        }
        return false;
    }

    /**
     * The persistent database is what a small forum may run for real, so an acknowledged comment
     * must survive a crash: commits wait for the write-ahead log to reach the disk (the library's
     * default turns that off for speed). Only the tests' throwaway database trades durability away.
     */
    static EmbeddedPostgres.Builder builder(boolean ephemeral, Path dataDir, Integer port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB")
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(ephemeral)
                .setRegisterShutdownHook(true);
        if (ephemeral) {
            builder.setServerConfig("synchronous_commit", "off").setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off");
        } else {
            builder.setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        if (port != null) {
            builder.setPort(port);
        }
        return builder;
    }

    private static Path projectRoot() {
        String root = System.getProperty("yousaid.repo.root");
        return Path.of(root == null || root.isBlank() ? System.getProperty("user.dir") : root);
    }
}
