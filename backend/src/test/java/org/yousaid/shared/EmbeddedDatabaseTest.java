package org.yousaid.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real PostgreSQL servers started the way the README's run command and the tests start them. */
class EmbeddedDatabaseTest {

    @Test
    void thePersistentDatabaseIsDurableAndOnlyTheThrowawayOneIsNot() throws Exception {
        assertThat(settingsOf(false)).containsExactly(
                Map.entry("synchronous_commit", "on"), Map.entry("fsync", "on"), Map.entry("full_page_writes", "on"));
        assertThat(settingsOf(true)).containsExactly(
                Map.entry("synchronous_commit", "off"), Map.entry("fsync", "off"), Map.entry("full_page_writes", "off"));
    }

    private static Map<String, String> settingsOf(boolean ephemeral) throws Exception {
        Path dir = Files.createTempDirectory("yousaid-pg-test-");
        Map<String, String> settings = new LinkedHashMap<>();
        try (EmbeddedPostgres pg = EmbeddedDatabase.builder(ephemeral, dir.resolve("pg"), null).setCleanDataDirectory(true).start();
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String name : new String[] {"synchronous_commit", "fsync", "full_page_writes"}) {
                try (ResultSet rs = s.executeQuery("show " + name)) {
                    rs.next();
                    settings.put(name, rs.getString(1));
                }
            }
        }
        return settings;
    }
}
