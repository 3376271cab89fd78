package org.yousaid.cli;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
 * for operators and scheduled jobs. It talks to the database, not to a server: the configured one,
 * or the dev server's embedded PostgreSQL while that server runs, or else starts the embedded one.
 */
@Command(name = "retrain-themes", mixinStandardHelpOptions = true,
        description = {"Retrains an area's theme model from its forum leads' corrections, prints the before/after",
                "figures on the SEND test file and the held-back corrections, and switches the area to it",
                "(re-tagging its texts) only if it is not worse. Exit 0 switched or kept, 1 failed, 2 not started."})
public final class RetrainThemesCommand implements Callable<Integer> {

    /** The port the dev server's embedded PostgreSQL listens on (see EmbeddedDatabase). */
    private static final int DEV_DATABASE_PORT = 54329;

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
        useRunningDevDatabase();
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("yousaid.tagging.workers", 0, "yousaid.notify.senders", 0))
                .deduceEnvironment(false)
                .start()) {
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

    private static void useRunningDevDatabase() {
        if (System.getenv("DATASOURCES_DEFAULT_URL") != null || System.getProperty("datasources.default.url") != null) {
            return;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", DEV_DATABASE_PORT), 300);
            System.setProperty("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + DEV_DATABASE_PORT + "/postgres");
            System.setProperty("datasources.default.username", "postgres");
            System.setProperty("datasources.default.password", "");
        } catch (IOException notRunning) {
            // No dev server: the embedded PostgreSQL starts on the project's data, as for the server.
        }
    }
}
