package org.yousaid.testing;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Makes {@link MigrationSchema}s on the tests' own PostgreSQL. */
@Singleton
public class MigrationSchemas {

    private final String url;
    private final String username;
    private final String password;

    MigrationSchemas(@Value("${datasources.default.url}") String url, @Value("${datasources.default.username}") String username,
                     @Value("${datasources.default.password:}") String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    public MigrationSchema create() {
        return new MigrationSchema(url, username, password);
    }
}
