package org.yousaid.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's retrain command reaches the server's database as the server does, or says in one line why not. */
class RetrainThemesCommandTest {

    @RegisterExtension
    final CommandRuns.RestoredProperties properties = new CommandRuns.RestoredProperties(
            "datasources.default.url", "datasources.default.username",
            "datasources.default.password", "yousaid.repo.root", "YOUSAID_LOG_LEVEL");

    static CommandRuns.Run run(String... args) {
        return CommandRuns.run(new RetrainThemesCommand(), args);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsOneClearLineNotAStackTrace() throws Exception {
        System.setProperty("datasources.default.url", "jdbc:postgresql://127.0.0.1:" + freePort() + "/postgres?password=secret");
        System.setProperty("datasources.default.username", "postgres");

        CommandRuns.Run run = run("--area", "demo");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("Cannot reach the database at jdbc:postgresql://127.0.0.1:")
                .doesNotContain("Exception").doesNotContain("secret");
    }

    @Test
    void theServersEmbeddedDatabaseIsFoundByItsDataWhateverItsPort() throws Exception {
        // A project whose server runs its embedded PostgreSQL on a port of its own (not 54329).
        Path root = Files.createTempDirectory("yousaid-project-");
        Path data = root.resolve(".yousaid").resolve("pg");
        try (EmbeddedPostgres serversDatabase = org.yousaid.shared.EmbeddedDatabaseAccess.start(data, freePort())) {
            System.clearProperty("datasources.default.url");
            System.setProperty("yousaid.repo.root", root.toString());

            CommandRuns.Run run = run("--area", "no-such-area");

            // It got as far as the area, in that database: migrated there, and refused as unknown there.
            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).doesNotContain("Exception").containsIgnoringCase("no-such-area");
            try (Connection c = serversDatabase.getPostgresDatabase().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from flyway_schema_history where success")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
        } finally {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
