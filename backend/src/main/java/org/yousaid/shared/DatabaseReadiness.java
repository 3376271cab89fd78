package org.yousaid.shared;

import io.micronaut.health.HealthStatus;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Ready while the database answers. A load balancer and Kubernetes ask many times a second, so the
 * answer is kept for a second: a probe costs a database round trip at most once a second, and an
 * outage shows within a second of the first probe after it. (Liveness asks nothing of the database:
 * a process that cannot reach PostgreSQL is not ready, but restarting it would not help.)
 */
@Singleton
@Readiness
final class DatabaseReadiness implements HealthIndicator {

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Set when a request found the database out of reach: the next probe asks it, whatever it knew. */
    private static volatile boolean doubted;

    private final DataSource dataSource;
    private final ExecutorService blocking;
    private volatile Checked last;

    DatabaseReadiness(DataSource dataSource, DataSourceResolver resolver, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        // The pool itself: the bean is a proxy that hands out the current transaction's connection.
        this.dataSource = resolver.resolve(dataSource);
        this.blocking = blocking;
    }

    private record Checked(HealthStatus status, long atNanos) {
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Checked known = last;
        if (!doubted && known != null && System.nanoTime() - known.atNanos() < FRESH_NANOS) {
            return Mono.just(result(known.status()));
        }
        doubted = false;
        return Mono.fromCallable(() -> {
            Checked now = new Checked(check(), System.nanoTime());
            last = now;
            return result(now.status());
        }).subscribeOn(Schedulers.fromExecutorService(blocking));
    }

    /** A request found the database out of reach: the next probe asks the database again. */
    static void lookAgain() {
        doubted = true;
    }

    private HealthStatus check() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1) ? HealthStatus.UP : HealthStatus.DOWN;
        } catch (SQLException | RuntimeException e) {
            return HealthStatus.DOWN;
        }
    }

    private static HealthResult result(HealthStatus status) {
        return HealthResult.builder("database", status).build();
    }
}
