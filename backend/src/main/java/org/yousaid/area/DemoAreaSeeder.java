package org.yousaid.area;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a newcomer something to try: a demo local area with a forum lead, a commissioner, an area
 * admin and two families, and a neighbouring area to see cross-area refusals. Idempotent, so it
 * runs at every start of the embedded default.
 */
@Singleton
@Requires(property = "yousaid.demo.seed", value = "true")
class DemoAreaSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAreaSeeder.class);

    static final Map<String, String> DEMO_MEMBERS = Map.of(
            "demo-family-1", "family",
            "demo-family-2", "family",
            "demo-young-person", "young_person",
            "demo-forum-lead", "forum_lead",
            "demo-commissioner", "commissioner",
            "demo-area-admin", "area_admin");

    private final AreaRepository areas;
    private final MembershipRepository memberships;
    private final AreaSettingsRepository settings;
    private final io.micronaut.context.event.ApplicationEventPublisher<DemoAreasSeeded> seeded;

    DemoAreaSeeder(AreaRepository areas, MembershipRepository memberships, AreaSettingsRepository settings,
                   io.micronaut.context.event.ApplicationEventPublisher<DemoAreasSeeded> seeded) {
        this.seeded = seeded;
        this.areas = areas;
        this.memberships = memberships;
        this.settings = settings;
    }

    @EventListener
    @Transactional
    void onStartup(StartupEvent event) {
        areas.insertIfAbsent("demo", "Demo Local Area");
        areas.insertIfAbsent("demo-north", "Demo North (a neighbouring area)");
        DEMO_MEMBERS.forEach((uid, role) -> memberships.insertIfAbsent("demo", UUID.randomUUID(), uid, role, "seed"));
        memberships.insertIfAbsent("demo-north", UUID.randomUUID(), "demo-north-family", "family", "seed");
        // A made-up contact: a real area names its designated safeguarding lead or children's front door.
        settings.saveIfAbsent("demo", new SafeguardingContact("Demo safeguarding lead (not a real service)",
                        "Designated safeguarding lead", "01234 000000", "safeguarding@demo.invalid"),
                AreaSettingsService.NATIONAL_LINES, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS), "seed");
        seeded.publishEvent(new DemoAreasSeeded("demo"));
        LOG.info("demo areas ready: 'demo' and 'demo-north' (dev tokens: dev:demo-family-1, dev:demo-forum-lead, …)");
    }
}
