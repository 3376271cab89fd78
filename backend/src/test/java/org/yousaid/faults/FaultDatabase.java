package org.yousaid.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.yousaid.shared.EmbeddedDatabaseAccess;

/**
 * The PostgreSQL a fault runs against, standing in for an external server: durable (fsync and
 * synchronous commit on, as in production), its own data and port, stopped and started again on the
 * same data when the fault says so. The suite reads it directly to check what was stored.
 */
final class FaultDatabase implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private FaultDatabase(Path dataDir, int port) throws IOException {
        this.dataDir = dataDir;
        this.port = port;
        this.server = EmbeddedDatabaseAccess.start(dataDir, port);
    }

    static FaultDatabase start() throws IOException {
        return new FaultDatabase(Files.createTempDirectory("yousaid-fault-pg-").resolve("pg"), YouSaidProcess.freePort());
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** A clean shutdown (pg_ctl stop, fast): connections are cut, as in a managed database's failover or restart. */
    void stop() throws IOException {
        server.close();
        server = null;
    }

    void startAgain() throws IOException {
        server = EmbeddedDatabaseAccess.start(dataDir, port);
    }

    long count(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Set<String> strings(String sql) {
        return strings(jdbcUrl(), sql);
    }

    static Set<String> strings(String jdbcUrl, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            Set<String> out = new HashSet<>();
            while (r.next()) {
                out.add(r.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void execute(String sql) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
        FaultSuite.deleteTree(dataDir.getParent());
    }
}
