package org.yousaid.console;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.yousaid.moderation.SafeguardingCaseOpened;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * New safeguarding cases as they open, for the forum leads' open console pages. In-process: the case
 * is told to the pages this server holds open. With several servers behind a load balancer, a case
 * opened on one would not reach pages held by another; they would then need a shared channel (such
 * as PostgreSQL LISTEN/NOTIFY on commit). Email reaches everyone regardless.
 */
@Singleton
class LiveAlerts {

    /** What a page is told: how critical, when, and where to read it. Never the family's words or who they are. */
    @Serdeable
    record CaseAlert(String areaId, int criticality, String flagged, String queue) {
    }

    /** A slow page must not hold the others up: it loses alerts (the queue holds every case). */
    private final Sinks.Many<CaseAlert> cases = Sinks.many().multicast().directBestEffort();

    /** After commit only: a case that rolled back was never opened. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onOpened(SafeguardingCaseOpened opened) {
        cases.tryEmitNext(new CaseAlert(opened.areaId(), opened.criticality(), ReviewQueuePages.WHEN.format(opened.flaggedAt()),
                "/console/areas/" + opened.areaId() + "/safeguarding"));
    }

    Flux<CaseAlert> of(String areaId) {
        return cases.asFlux().filter(alert -> alert.areaId().equals(areaId));
    }

    static final Duration HEARTBEAT = Duration.ofSeconds(25);
}
