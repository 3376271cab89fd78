package org.yousaid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The migration Job and the pods' wait for it (infra/k8s): pods wait while the schema is behind
 * their build, the Job brings it up once, and a second run changes nothing.
 */
class MigrateCommandTest {

    @RegisterExtension
    final CommandRuns.RestoredProperties properties = new CommandRuns.RestoredProperties(
            "datasources.default.url", "datasources.default.username",
            "datasources.default.password");

    static CommandRuns.Run run(String... args) {
        return CommandRuns.run(new MigrateCommand(), args);
    }

    @Test
    void podsWaitForTheJobAndTheJobMigratesOnce() throws Exception {
        Path data = Files.createTempDirectory("yousaid-migrate-");
        try (EmbeddedPostgres database = org.yousaid.shared.EmbeddedDatabaseAccess.start(data.resolve("pg"),
                RetrainThemesCommandTest.freePort())) {
            System.setProperty("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + database.getPort() + "/postgres");
            System.setProperty("datasources.default.username", "postgres");
            System.setProperty("datasources.default.password", "");

            CommandRuns.Run early = run("--wait", "--timeout", "3s");
            assertThat(early.exit()).as(early.err()).isEqualTo(1);
            assertThat(early.err()).contains("migration(s) pending, the first 1").contains("Gave up after 3 s");
            assertThat(applied(database)).isZero();

            CommandRuns.Run job = run();
            assertThat(job.exit()).as(job.err()).isZero();
            int migrations = applied(database);
            String latest = latestVersion();
            assertThat(migrations).isEqualTo(Integer.parseInt(latest));
            assertThat(job.out()).isEqualTo("schema at version " + latest + " (" + migrations + " applied now)\n");

            CommandRuns.Run pod = run("--wait");
            assertThat(pod.exit()).as(pod.err()).isZero();
            assertThat(pod.out()).isEqualTo("schema at version " + latest + ": nothing pending\n");

            CommandRuns.Run again = run();
            assertThat(again.exit()).isZero();
            assertThat(again.out()).contains("(0 applied now)");
            assertThat(applied(database)).isEqualTo(migrations);
        } finally {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void withoutAnExternalDatabaseItSaysSoAndDoesNothing() {
        System.clearProperty("datasources.default.url");
        CommandRuns.Run run = run();
        if (System.getenv("DATASOURCES_DEFAULT_URL") == null) {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).startsWith("No external database is configured (DATASOURCES_DEFAULT_URL)");
        } else {
            assertThat(run.exit()).as(run.err()).isZero();
        }
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsWaitedForThenGivenUpInOneLine() throws Exception {
        System.setProperty("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + RetrainThemesCommandTest.freePort()
                + "/postgres?connectTimeout=1");
        System.setProperty("datasources.default.username", "postgres");
        CommandRuns.Run run = run("--wait", "--timeout", "1s");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("waiting: database not reachable:").contains("Gave up after 1 s")
                .doesNotContain("Exception");
    }

    @Test
    void aTimeoutThatIsNoDurationIsRefusedInOneLine() {
        for (String bad : new String[] {"", "soon", "10x", "-", "PTx"}) {
            CommandRuns.Run run = run("--wait", "--timeout", bad);
            assertThat(run.exit()).as(bad).isEqualTo(2);
            assertThat(run.err()).as(bad).contains("is not a duration such as 90s, 10m or PT10M").doesNotContain("Exception");
        }
    }

    private static int applied(EmbeddedPostgres database) throws Exception {
        try (Connection c = database.getPostgresDatabase().getConnection()) {
            boolean exists;
            try (ResultSet rs = c.createStatement().executeQuery("select to_regclass('flyway_schema_history') is not null")) {
                rs.next();
                exists = rs.getBoolean(1);
            }
            if (!exists) {
                return 0;
            }
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from flyway_schema_history where success")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The highest V<n>__ among this build's migrations. */
    private static String latestVersion() throws Exception {
        Path root = Path.of(System.getProperty("yousaid.repo.root", ".."));
        try (Stream<Path> files = Files.list(root.resolve("backend/src/main/resources/db/migration"))) {
            return String.valueOf(files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        }
    }
}
