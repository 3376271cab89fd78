package org.yousaid.outcome;

import org.yousaid.shared.IndicatorMeasures;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.yousaid.area.DemoAreasSeeded;

/**
 * The demo area's outcomes: the "Overall Outcomes" of Essex's joint commissioning paper (seed 003),
 * and the equipment outcome families asked for, measured against the 6-week target. No values are
 * seeded: a figure nobody measured would teach the wrong thing.
 */
@Singleton
@Requires(property = "yousaid.demo.seed", value = "true")
class DemoOutcomes {

    static final List<String> ESSEX_OVERALL_OUTCOMES = List.of(
            "Increased parental confidence",
            "Early and appropriate identification of need",
            "Increased knowledge, capacity and confidence within early years settings, schools and colleges",
            "Access to specialist support without the need for an Education, Health and Care plan",
            "Services have confidence in the ability of the wider system to support children following intervention",
            "Improved quantitative data",
            "Schools and parents have confidence in their own ability to meet need when the intervention is complete");
    static final String EQUIPMENT = "Children get the equipment they need in time";

    static final String WITHIN_6_WEEKS = "Share of equipment delivered within 6 weeks";
    static final String IN_TIME_AGREEMENT = "Families agreeing \"I get the equipment I need in time\"";

    private final OutcomeRepository outcomes;

    DemoOutcomes(OutcomeRepository outcomes) {
        this.outcomes = outcomes;
    }

    @EventListener
    void onSeeded(DemoAreasSeeded event) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String area = event.areaId();
        for (int i = 0; i < ESSEX_OVERALL_OUTCOMES.size(); i++) {
            outcomes.seedOutcome(area, UUID.randomUUID(), ESSEX_OVERALL_OUTCOMES.get(i), "Essex joint commissioning: overall outcomes",
                    i + 1, now);
        }
        outcomes.seedOutcome(area, UUID.randomUUID(), EQUIPMENT,
                "Specialist equipment assessed, ordered and delivered within 6 weeks (co-produced equipment survey)",
                ESSEX_OVERALL_OUTCOMES.size() + 1, now);
        // Both are computed from the co-produced equipment survey: how well (delivered in time) and
        // whether anyone is better off (children's and parents' own "I get the equipment I need in time").
        outcomes.outcomeTitled(area, EQUIPMENT).ifPresent(equipment -> {
            seedComputed(area, equipment.id(), WITHIN_6_WEEKS, "how_well",
                    new IndicatorMeasures.Measure("equipment_within_target", null, null, null), now);
            seedComputed(area, equipment.id(), IN_TIME_AGREEMENT, "better_off",
                    new IndicatorMeasures.Measure("i_statement_agreement", null, null, "equipment_in_time"), now);
        });
    }

    private void seedComputed(String area, UUID outcomeId, String title, String kind, IndicatorMeasures.Measure measure,
                              java.time.Instant now) {
        if (outcomes.indicatorsTitled(area, outcomeId, title) == 0) {
            outcomes.addIndicator(area, UUID.randomUUID(), outcomeId, title, kind, "%", "higher_is_better", "quarter",
                    null, null, null, null, measure, "seed", now);
        }
    }
}
