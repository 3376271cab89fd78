package org.yousaid.alert;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.shared.OutboxThreads;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.StaffEmails;

/**
 * Sends the alert outbox after commit: leases one due row, finds the address, calls Notify outside
 * any transaction, then records the outcome. A sent row is never sent again; a Notify outage or a
 * restart retries with backoff until {@code max-attempts}. With no Notify key (dev) each alert is
 * recorded as not sent instead, so nothing fails and nothing pretends to have been sent.
 */
@Singleton
public class AlertSender {

    private static final Logger LOG = LoggerFactory.getLogger(AlertSender.class);
    static final String NOT_CONFIGURED = "not sent: no email service configured";
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    /** What one call of {@link #runOnce()} did. */
    public enum Step { IDLE, SENT, NOT_SENT, RETRY_LATER, FAILED }

    private final AlertOutbox outbox;
    private final NotifyEmail notify;
    private final StaffEmails staffEmails;
    private final AreaAccess access;
    private final AlertSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private volatile OutboxThreads threads;

    AlertSender(AlertOutbox outbox, NotifyEmail notify, StaffEmails staffEmails, AreaAccess access, AlertSettings settings,
                TransactionOperations<Connection> transactions, Clock clock) {
        this.outbox = outbox;
        this.notify = notify;
        this.staffEmails = staffEmails;
        this.access = access;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (settings.senders() <= 0) {
            return;
        }
        if (!notify.configured()) {
            LOG.warn("alert.email_off reason=\"no email service configured: set yousaid.alerts.notify.api-key and template-id\"");
        }
        threads = OutboxThreads.start("alert-sender", settings.senders(), settings.pollInterval(), () -> runOnce() != Step.IDLE);
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        if (threads != null) {
            threads.stop();
        }
    }

    /** Sends at most one due alert. Public so tests and operators can drive the outbox. */
    public Step runOnce() {
        Optional<AlertEmail> leased = transactions.executeWrite(s -> outbox.lease(now(), settings.lease()));
        if (leased.isEmpty()) {
            return Step.IDLE;
        }
        AlertEmail row = leased.get();
        if (!notify.configured()) {
            return notSent(row, NOT_CONFIGURED);
        }
        String address;
        if (row.recipientEmail() != null) {
            address = row.recipientEmail();
        } else {
            switch (staffEmails.emailOf(row.recipientUid())) {
                case StaffEmails.Found found -> address = found.email();
                case StaffEmails.NoEmail none -> {
                    return notSent(row, "not sent: " + none.reason());
                }
                case StaffEmails.Unavailable down -> {
                    return failed(row, new NotifyEmail.Failed(true, down.reason()));
                }
            }
        }
        Map<String, String> personalisation = Map.of(
                "criticality", Integer.toString(row.criticality()),
                "area", access.name(row.areaId()),
                "flagged_at", WHEN.format(row.flaggedAt()),
                "link", settings.queueLink(row.areaId()));
        return switch (notify.send(address, personalisation, row.id().toString())) {
            case NotifyEmail.Sent sent -> {
                transactions.executeWrite(s -> outbox.sent(row.areaId(), row.id(), sent.notificationId(), now()));
                LOG.info("alert.sent area={} outbox={} attempts={}", row.areaId(), row.id(), row.attempts());
                yield Step.SENT;
            }
            case NotifyEmail.Failed failed -> failed(row, failed);
        };
    }

    private Step notSent(AlertEmail row, String reason) {
        transactions.executeWrite(s -> outbox.close(row.areaId(), row.id(), "not_sent", reason));
        LOG.warn("alert.not_sent area={} outbox={} reason=\"{}\"", row.areaId(), row.id(), reason);
        return Step.NOT_SENT;
    }

    private Step failed(AlertEmail row, NotifyEmail.Failed failed) {
        if (!failed.retryable() || row.attempts() >= settings.maxAttempts()) {
            transactions.executeWrite(s -> outbox.close(row.areaId(), row.id(), "failed", failed.reason()));
            LOG.error("alert.failed area={} outbox={} attempts={} reason=\"{}\"", row.areaId(), row.id(), row.attempts(),
                    failed.reason());
            return Step.FAILED;
        }
        Instant at = now().plus(settings.backoffAfter(row.attempts()));
        transactions.executeWrite(s -> outbox.retry(row.areaId(), row.id(), failed.reason(), at));
        LOG.warn("alert.retry area={} outbox={} attempts={} reason=\"{}\"", row.areaId(), row.id(), row.attempts(),
                failed.reason());
        return Step.RETRY_LATER;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
