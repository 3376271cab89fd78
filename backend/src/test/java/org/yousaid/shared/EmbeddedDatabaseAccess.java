package org.yousaid.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/** Starts a durable embedded PostgreSQL as the server would, for tests outside this package. */
public final class EmbeddedDatabaseAccess {

    private EmbeddedDatabaseAccess() {
    }

    public static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        return EmbeddedDatabase.builder(false, dataDir, port).start();
    }
}
