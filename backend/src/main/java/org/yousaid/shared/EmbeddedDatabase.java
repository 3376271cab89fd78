package org.yousaid.shared;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
 */
@ContextConfigurer
public final class EmbeddedDatabase implements ApplicationContextConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final int DEFAULT_PORT = 54329;
    private static EmbeddedPostgres server;

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

    static boolean externalUrlConfigured() {
        String env = System.getenv("DATASOURCES_DEFAULT_URL");
        String prop = System.getProperty("datasources.default.url");
        return (env != null && !env.isBlank()) || (prop != null && !prop.isBlank());
    }

    private static synchronized EmbeddedPostgres start() {
        if (server != null) {
            return server;
        }
        boolean ephemeral = Boolean.getBoolean("yousaid.embedded-postgres.ephemeral");
        try {
            // Ephemeral servers take a free port unless told otherwise (tests run side by side).
            Integer port = Integer.getInteger("yousaid.embedded-postgres.port", ephemeral ? null : DEFAULT_PORT);
            Path dataDir = ephemeral ? Files.createTempDirectory("yousaid-pg-") : projectRoot().resolve(".yousaid").resolve("pg");
            Files.createDirectories(dataDir.getParent());
            server = builder(ephemeral, dataDir, port).start();
            LOG.info("embedded PostgreSQL started on port {} ({})", server.getPort(),
                    ephemeral ? "ephemeral" : "data in .yousaid/pg, durable");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
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
