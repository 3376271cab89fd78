package org.yousaid.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code migrate}: the schema changes this build carries, applied to the configured PostgreSQL and
 * nothing else. On Kubernetes a Job runs it once per release, before the new pods; each pod's init
 * container runs {@code migrate --wait}, so a pod never serves against a schema older than its code
 * and web replicas never race each other to migrate (Flyway's lock would make them queue instead).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Applies this build's schema migrations to the database at DATASOURCES_DEFAULT_URL, or with",
                "--wait only waits until another process has applied them. Exit 0 up to date, 1 not in time",
                "or failed, 2 no database configured or the schema is newer than this build."})
public final class MigrateCommand implements Callable<Integer> {

    @Option(names = "--wait", description = "Apply nothing; wait until the schema has every migration this build carries.")
    boolean waitOnly;

    @Option(names = "--timeout", defaultValue = "PT10M", converter = DurationConverter.class,
            description = "How long --wait waits (ISO-8601 or e.g. 90s, 10m; default 10m).")
    Duration timeout;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String url = Settings.of("DATASOURCES_DEFAULT_URL", "datasources.default.url");
        if (url == null) {
            err.println("No external database is configured (DATASOURCES_DEFAULT_URL); the embedded one is migrated by the server at start.");
            return 2;
        }
        Flyway flyway = Flyway.configure()
                .dataSource(url, Settings.of("DATASOURCES_DEFAULT_USERNAME", "datasources.default.username"),
                        Settings.of("DATASOURCES_DEFAULT_PASSWORD", "datasources.default.password"))
                .locations("classpath:db/migration")
                // A data migration on a large area may run longer than a request's statement may.
                .initSql("set statement_timeout = 0")
                .connectRetries(waitOnly ? 0 : 10)
                .load();
        return waitOnly ? waitFor(flyway, out, err) : migrate(flyway, out, err);
    }

    private static int migrate(Flyway flyway, PrintWriter out, PrintWriter err) {
        try {
            MigrateResult result = flyway.migrate();
            out.printf(Locale.ROOT, "schema at version %s (%d applied now)%n", result.targetSchemaVersion == null
                    ? current(flyway) : result.targetSchemaVersion, result.migrationsExecuted);
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            err.println("Migration failed: " + Settings.firstLine(e.getMessage()));
            return newerThanThisBuild(e) ? 2 : 1;
        }
    }

    private int waitFor(Flyway flyway, PrintWriter out, PrintWriter err) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        String last = null;
        while (true) {
            String why;
            try {
                MigrationInfo[] pending = flyway.info().pending();
                if (pending.length == 0) {
                    out.printf(Locale.ROOT, "schema at version %s: nothing pending%n", current(flyway));
                    out.flush();
                    return 0;
                }
                why = pending.length + " migration(s) pending, the first " + pending[0].getVersion();
            } catch (RuntimeException e) {
                why = "database not reachable: " + Settings.firstLine(e.getMessage());
            }
            if (!why.equals(last)) {
                err.println("waiting: " + why);
                err.flush();
                last = why;
            }
            if (Instant.now().isAfter(until)) {
                err.println("Gave up after " + timeout.toSeconds() + " s: " + why);
                return 1;
            }
            Thread.sleep(2_000);
        }
    }

    private static String current(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    /** Flyway refuses a schema with migrations this build does not have: an older image rolled out over a newer schema. */
    private static boolean newerThanThisBuild(RuntimeException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("not resolved locally") || message.contains("newer than");
    }

    /** {@code 90s}, {@code 10m} or ISO-8601 ({@code PT10M}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            try {
                if (v.startsWith("p")) {
                    return Duration.parse(v.toUpperCase(Locale.ROOT));
                }
                long amount = Long.parseLong(v.substring(0, v.length() - 1));
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> throw new IllegalArgumentException();
                };
            } catch (RuntimeException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 90s, 10m or PT10M");
            }
        }
    }
}
