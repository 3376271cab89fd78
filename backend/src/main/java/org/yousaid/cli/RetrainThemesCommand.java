package org.yousaid.cli;

import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.yousaid.shared.EmbeddedDatabase;
import org.yousaid.shared.ProblemException;
import org.yousaid.tagging.ModelTraining;
import org.yousaid.tagging.ThemeModelService;
import org.yousaid.tagging.ThemeModelService.Finished;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code retrain-themes --area demo}: the API's retraining, run in this process and waited for,
 * for operators and scheduled jobs. It talks to the server's database, found as the server finds
 * it: the configured URL, else the embedded PostgreSQL on the project's data (the one running
 * there now, whatever its port, or started here on the configured port as the server would).
 */
@Command(name = "retrain-themes", mixinStandardHelpOptions = true,
        description = {"Retrains an area's theme model from its forum leads' corrections, prints the before/after",
                "figures on the SEND test file and the held-back corrections, and switches the area to it",
                "(re-tagging its texts) only if it is not worse. Exit 0 switched or kept, 1 failed, 2 not started."})
public final class RetrainThemesCommand implements Callable<Integer> {

    @Option(names = "--area", required = true, description = "The local area's id, e.g. demo.")
    String area;

    @Option(names = "--by", defaultValue = "${sys:user.name}", description = "Who is retraining, for the audit log (default: ${DEFAULT-VALUE}).")
    String by;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // A command prints its result; the server's informational log lines would bury it.
        System.setProperty("YOUSAID_LOG_LEVEL", System.getProperty("YOUSAID_LOG_LEVEL", "WARN"));
        useServersDatabase(EmbeddedDatabase.projectDataDirectory());
        Optional<String> unreachable = unreachable();
        if (unreachable.isPresent()) {
            err.println(unreachable.get());
            return 2;
        }
        ApplicationContext started;
        try {
            started = ApplicationContext.builder()
                    // A command does its one job: no workers, senders, sweeps or metrics port of a server.
                    .properties(Map.of("yousaid.tagging.workers", 0, "yousaid.notify.senders", 0, "yousaid.alerts.senders", 0,
                            "yousaid.retention.sweep", false, "yousaid.metrics.enabled", false))
                    .deduceEnvironment(false)
                    .start();
        } catch (RuntimeException e) {
            // The database went away since, or the embedded one could not start: why, in one line.
            err.println("Could not start: " + rootMessage(e));
            return 2;
        }
        try (ApplicationContext context = started) {
            err.println("Retraining the theme model of area '" + area + "' (about a minute)...");
            err.flush();
            Finished finished = context.getBean(ThemeModelService.class).retrainNow(area, "cli:" + by);
            print(out, finished);
            return "failed".equals(finished.training().status()) ? 1 : 0;
        } catch (ProblemException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static void print(PrintWriter out, Finished finished) {
        ModelTraining f = finished.training();
        out.printf(Locale.ROOT, "retraining %d of area %s: %s%n", f.number(), f.areaId(), f.status());
        out.printf(Locale.ROOT, "measured against %s; candidate %s%n", f.baseVersion(), f.version() == null ? "-" : f.version());
        if (f.corrections() != null) {
            out.printf(Locale.ROOT, "corrections trained on %d, held back %d%n", f.corrections(), f.heldBack());
        }
        if (f.figures() != null) {
            out.printf(Locale.ROOT, "%-26s %8s %8s %8s %8s%n", "", "micro-F1", "", "macro-F1", "");
            out.printf(Locale.ROOT, "%-26s %8s %8s %8s %8s%n", "", "before", "after", "before", "after");
            row(out, "SEND test file (" + f.figures().sendTest().before().texts() + ")", f.figures().sendTest());
            row(out, "held-back corrections (" + f.figures().heldBackCorrections().before().texts() + ")",
                    f.figures().heldBackCorrections());
        }
        if (f.reason() != null) {
            out.println(f.reason());
        }
        out.printf(Locale.ROOT, "tagging in area %s uses %s%s%n", f.areaId(), finished.modelVersion(),
                finished.retagQueued() == null ? "" : "; " + finished.retagQueued() + " texts queued for re-tagging");
        out.flush();
    }

    private static void row(PrintWriter out, String what, ModelTraining.BeforeAfter figures) {
        out.printf(Locale.ROOT, "%-26s %8.3f %8.3f %8.3f %8.3f%n", what, figures.before().microF1(), figures.after().microF1(),
                figures.before().macroF1(), figures.after().macroF1());
    }

    /**
     * Points this process at the embedded PostgreSQL running on the server's data, if no URL is
     * configured and one runs there: its port is read from its own {@code postmaster.pid}, never
     * guessed, so a server started on another port is found and another server's database on the
     * usual port is never touched. If none runs, the embedded one starts with the context, as for the server.
     */
    static void useServersDatabase(Path embeddedData) {
        if (EmbeddedDatabase.externalUrlConfigured()) {
            return;
        }
        EmbeddedDatabase.runningPort(embeddedData).ifPresent(port -> {
            System.setProperty("datasources.default.url", "jdbc:postgresql://localhost:" + port + "/postgres");
            System.setProperty("datasources.default.username", "postgres");
            System.setProperty("datasources.default.password", "");
        });
    }

    /** One line saying why the configured database cannot be reached (without credentials), or empty. */
    static Optional<String> unreachable() {
        String url = Settings.of("DATASOURCES_DEFAULT_URL", "datasources.default.url");
        if (url == null) {
            return Optional.empty();
        }
        Properties login = new Properties();
        Optional.ofNullable(Settings.of("DATASOURCES_DEFAULT_USERNAME", "datasources.default.username")).ifPresent(u -> login.setProperty("user", u));
        Optional.ofNullable(Settings.of("DATASOURCES_DEFAULT_PASSWORD", "datasources.default.password")).ifPresent(p -> login.setProperty("password", p));
        login.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(url, login)) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("Cannot reach the database at " + url.replaceFirst("\\?.*$", "").replaceFirst("//[^/@]*@", "//")
                    + ": " + Settings.firstLine(e.getMessage()));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Settings.firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

}
