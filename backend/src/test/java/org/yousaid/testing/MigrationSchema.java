package org.yousaid.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A schema of its own on the tests' PostgreSQL for testing a data migration: migrate to the version
 * before, stage rows, migrate on, look. Its connections are its own (not the pool's), so its search
 * path never leaks into other tests; {@link #close()} drops it.
 */
public final class MigrationSchema implements AutoCloseable {

    private final String url;
    private final String username;
    private final String password;
    private final String name = "migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public MigrationSchema(String url, String username, String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public String name() {
        return name;
    }

    /** Migrates to {@code target} ("latest" for every migration). */
    public void migrateTo(String target) {
        Flyway.configure().dataSource(url, username, password).schemas(name).defaultSchema(name)
                .locations("classpath:db/migration").target(target).load().migrate();
    }

    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, username, password);
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + name);
        }
        return c;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, username, password); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + name + " cascade");
        }
    }
}
