package org.yousaid.alert;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.area.AreaAccess;
import org.yousaid.area.AreaSettingsService;
import org.yousaid.area.SafeguardingContact;
import org.yousaid.moderation.SafeguardingCaseOpened;

/**
 * Queues an email to each forum lead of the area and to its safeguarding contact when a case opens,
 * in the transaction that opens it: a case is never stored without its alerts, and a rollback sends
 * nobody anything. Forum leads with no phone hear this way; with no forum lead, the area admins do.
 */
@Singleton
class CaseAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(CaseAlerts.class);
    static final String CONTACT = "safeguarding-contact";

    private final AlertOutbox outbox;
    private final AreaAccess access;
    private final AreaSettingsService settings;
    private final Clock clock;

    CaseAlerts(AlertOutbox outbox, AreaAccess access, AreaSettingsService settings, Clock clock) {
        this.outbox = outbox;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void onOpened(SafeguardingCaseOpened opened) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> staff = access.forumLeads(opened.areaId());
        if (staff.isEmpty()) {
            staff = access.areaAdmins(opened.areaId());
        }
        int queued = 0;
        for (String uid : staff) {
            queued += outbox.enqueue(opened.areaId(), opened.ref().type(), opened.ref().id(), opened.criticality(),
                    opened.flaggedAt(), "staff:" + uid, uid, null, now);
        }
        String contactEmail = settings.safeguardingContact(opened.areaId()).map(SafeguardingContact::email)
                .filter(e -> !e.isBlank()).orElse(null);
        if (contactEmail != null) {
            queued += outbox.enqueue(opened.areaId(), opened.ref().type(), opened.ref().id(), opened.criticality(),
                    opened.flaggedAt(), CONTACT, null, contactEmail, now);
        }
        LOG.info("alert.queued area={} {}={} emails={}", opened.areaId(), opened.ref().type().value(), opened.ref().id(), queued);
    }
}
