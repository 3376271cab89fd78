package org.yousaid.notify;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.shared.OutboxThreads;

/**
 * Sends the outbox after commit: leases one due row, calls FCM outside any transaction, then records
 * the outcome. Sent rows are never sent again; transient failures retry with backoff until
 * {@code max-attempts}; a token FCM calls unregistered drops the row and removes the device.
 */
@Singleton
public class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    /** What one call of {@link #runOnce()} did. */
    public enum Step { IDLE, SENT, UNREGISTERED, RETRY_LATER, FAILED }

    private final Outbox outbox;
    private final Devices devices;
    private final PushGateway gateway;
    private final NotifySettings settings;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private volatile OutboxThreads threads;

    private final MeterRegistry meters;

    OutboxSender(Outbox outbox, Devices devices, PushGateway gateway, NotifySettings settings,
                 TransactionOperations<Connection> transactions, Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.outbox = outbox;
        this.devices = devices;
        this.gateway = gateway;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (settings.senders() <= 0) {
            return;
        }
        threads = OutboxThreads.start("push-sender", settings.senders(), settings.pollInterval(), () -> runOnce() != Step.IDLE);
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        if (threads != null) {
            threads.stop();
        }
    }

    /** Sender threads started in this process. */
    int runningSenders() {
        return threads == null ? 0 : settings.senders();
    }

    /** Sends at most one due notification. Public so tests and operators can drive the outbox. */
    public Step runOnce() {
        Step step = sendOne();
        if (step != Step.IDLE) {
            meters.counter("yousaid.push.deliveries", "outcome", step.name().toLowerCase(java.util.Locale.ROOT)).increment();
        }
        return step;
    }

    private Step sendOne() {
        Optional<OutboxMessage> leased = transactions.executeWrite(s -> outbox.lease(now(), settings.lease()));
        if (leased.isEmpty()) {
            return Step.IDLE;
        }
        OutboxMessage row = leased.get();
        PushGateway.Delivery outcome = gateway.send(row.token(), row.title(), row.body(), row.data());
        return switch (outcome) {
            case PushGateway.Sent sent -> {
                transactions.executeWrite(s -> {
                    outbox.sent(row, sent.messageId(), now());
                    return null;
                });
                LOG.info("push.sent area={} outbox={} attempts={}", row.areaId(), row.id(), row.attempts());
                yield Step.SENT;
            }
            case PushGateway.Unregistered gone -> {
                transactions.executeWrite(s -> {
                    outbox.dropped(row, gone.reason());
                    devices.remove(row.areaId(), row.deviceId());
                    return null;
                });
                LOG.info("push.unregistered area={} device={}", row.areaId(), row.deviceId());
                yield Step.UNREGISTERED;
            }
            case PushGateway.Retry retry -> {
                if (row.attempts() >= settings.maxAttempts()) {
                    transactions.executeWrite(s -> {
                        outbox.failed(row, retry.reason());
                        return null;
                    });
                    LOG.warn("push.failed area={} outbox={} reason={}", row.areaId(), row.id(), retry.reason());
                    yield Step.FAILED;
                }
                Instant at = now().plus(settings.backoffAfter(row.attempts()));
                transactions.executeWrite(s -> {
                    outbox.retryLater(row, retry.reason(), at);
                    return null;
                });
                LOG.warn("push.retry area={} outbox={} attempts={} reason={}", row.areaId(), row.id(), row.attempts(), retry.reason());
                yield Step.RETRY_LATER;
            }
        };
    }


    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
