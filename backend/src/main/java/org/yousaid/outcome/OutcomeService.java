package org.yousaid.outcome;

import org.yousaid.shared.IndicatorMeasures;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.outcome.OutcomeViews.IndicatorView;
import org.yousaid.outcome.OutcomeViews.OutcomeView;
import org.yousaid.outcome.OutcomeViews.ValueView;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.FamilyText;
import org.yousaid.shared.ProblemException;

/**
 * The area's outcomes framework. Commissioners add outcomes and indicators and enter values; every
 * member sees what the area aims at and how it is going; a corrected value keeps the one it replaced.
 */
@Singleton
public class OutcomeService {

    static final Set<String> KINDS = Set.of("how_much", "how_well", "better_off");
    static final Set<String> POLARITIES = Set.of("higher_is_better", "lower_is_better");
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final AreaAccess access;
    private final OutcomeRepository outcomes;
    private final IndicatorSeries series;
    private final AuditLog audit;
    private final Clock clock;

    OutcomeService(AreaAccess access, OutcomeRepository outcomes, IndicatorSeries series, AuditLog audit, Clock clock) {
        this.series = series;
        this.access = access;
        this.outcomes = outcomes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public OutcomeViews.OutcomeList list(Caller caller, String areaId) {
        access.member(caller, areaId);
        List<Indicator> indicators = outcomes.indicators(areaId);
        Map<UUID, List<ValueView>> values = series.of(areaId, indicators);
        Map<UUID, List<IndicatorView>> byOutcome = indicators.stream().collect(Collectors.groupingBy(
                Indicator::outcomeId, LinkedHashMap::new,
                Collectors.mapping(i -> IndicatorView.of(i, values.getOrDefault(i.id(), List.of())), Collectors.toList())));
        return new OutcomeViews.OutcomeList(outcomes.outcomes(areaId).stream()
                .map(o -> view(o, byOutcome.getOrDefault(o.id(), List.of()))).toList());
    }

    @Transactional
    OutcomeView create(Caller caller, String areaId, OutcomeViews.OutcomeRequest request) {
        CurrentUser commissioner = access.require(caller, areaId, Role.COMMISSIONER);
        String title = text(request.title(), "title", 200);
        String description = request.description() == null || FamilyText.isBlank(request.description()) ? null
                : text(request.description(), "description", 2000);
        UUID id = UUID.randomUUID();
        outcomes.addOutcome(areaId, id, title, description, commissioner.uid(), now());
        audit.record(areaId, commissioner.uid(), "outcome.create", null, null, Map.of("outcome", id.toString()));
        return view(outcomes.outcome(areaId, id).orElseThrow(), List.of());
    }

    @Transactional
    IndicatorView addIndicator(Caller caller, String areaId, UUID outcomeId, OutcomeViews.IndicatorRequest request) {
        CurrentUser commissioner = access.require(caller, areaId, Role.COMMISSIONER);
        outcomes.outcome(areaId, outcomeId).orElseThrow(() ->
                new ProblemException(OutcomeProblem.NOT_FOUND, "The area has no outcome " + outcomeId + "."));
        String title = text(request.title(), "title", 200);
        String kind = oneOf(request.kind(), KINDS, "kind");
        String polarity = oneOf(request.polarity(), POLARITIES, "polarity");
        String periodKind = oneOf(request.periodKind(), Set.of(Periods.MONTH, Periods.QUARTER), "periodKind");
        String unit = text(request.unit(), "unit", 40);
        checkPeriod(periodKind, request.baseline(), "baseline");
        checkPeriod(periodKind, request.target(), "target");
        IndicatorMeasures.Measure computed = computed(areaId, request.computed());
        if (outcomes.indicatorsTitled(areaId, outcomeId, title) > 0) {
            throw invalid("The outcome already has an indicator called '" + title + "'.", "title");
        }
        UUID id = UUID.randomUUID();
        outcomes.addIndicator(areaId, id, outcomeId, title, kind, unit, polarity, periodKind,
                request.baseline() == null ? null : request.baseline().period(),
                request.baseline() == null ? null : request.baseline().value(),
                request.target() == null ? null : request.target().period(),
                request.target() == null ? null : request.target().value(), computed, commissioner.uid(), now());
        audit.record(areaId, commissioner.uid(), "outcome.add_indicator", null, null,
                Map.of("outcome", outcomeId.toString(), "indicator", id.toString(), "kind", kind));
        Indicator added = outcomes.indicator(areaId, id).orElseThrow();
        return IndicatorView.of(added, series.of(areaId, List.of(added)).getOrDefault(id, List.of()));
    }

    /** A computed measure YouSaid knows and can take in the area, or null for an indicator whose values are entered. */
    private @Nullable IndicatorMeasures.Measure computed(String areaId, @Nullable IndicatorMeasures.Measure requested) {
        if (requested == null) {
            return null;
        }
        IndicatorMeasures measure = requested.measure() == null ? null : series.measureFor(requested).orElse(null);
        if (measure == null) {
            throw invalid("Give computed.measure as one of equipment_within_target, i_statement_agreement,"
                    + " survey_item_agreement, themes_answered.", "computed");
        }
        measure.invalid(areaId, requested).ifPresent(why -> {
            throw invalid(why, "computed");
        });
        return requested;
    }

    @Transactional
    IndicatorView indicator(Caller caller, String areaId, UUID indicatorId) {
        access.member(caller, areaId);
        Indicator indicator = existing(areaId, indicatorId);
        return IndicatorView.of(indicator, series.of(areaId, List.of(indicator)).getOrDefault(indicatorId, List.of()));
    }

    /** Enters a value, or corrects the one in force for the period (which stays in the history). */
    @Transactional
    ValueView enter(Caller caller, String areaId, UUID indicatorId, String period, OutcomeViews.ValueRequest request) {
        CurrentUser commissioner = access.require(caller, areaId, Role.COMMISSIONER);
        Indicator indicator = existing(areaId, indicatorId);
        if (indicator.computed() != null) {
            throw new ProblemException(OutcomeProblem.COMPUTED, "YouSaid computes this indicator from families' answers;"
                    + " its values cannot be entered.");
        }
        LocalDate start = Periods.start(indicator.periodKind(), period).orElseThrow(() -> periodInvalid(indicator, period));
        if (start.isAfter(LocalDate.now(clock.withZone(ENGLAND)))) {
            throw new ProblemException(OutcomeProblem.PERIOD_INVALID, "Period " + period + " has not begun yet.",
                    Map.of("period", "not in the future"));
        }
        if (request.value() == null || request.value().isNaN() || Math.abs(request.value()) > 1e9) {
            throw invalid("Give the value as a number.", "value");
        }
        String source = text(request.source(), "source", 200);
        String note = request.note() == null || FamilyText.isBlank(request.note()) ? null : text(request.note(), "note", 1000);
        outcomes.lock(areaId, indicatorId.toString(), period);
        int replaced = outcomes.replace(areaId, indicatorId, period);
        outcomes.addValue(areaId, indicatorId, period, request.value(), source, note, commissioner.uid(), now());
        audit.record(areaId, commissioner.uid(), replaced > 0 ? "outcome.correct_value" : "outcome.enter_value", null, null,
                Map.of("indicator", indicatorId.toString(), "period", period));
        return ValueView.of(outcomes.history(areaId, indicatorId, period).get(0));
    }

    @Transactional
    OutcomeViews.ValueHistory history(Caller caller, String areaId, UUID indicatorId, String period) {
        access.require(caller, areaId, Role.COMMISSIONER, Role.FORUM_LEAD, Role.AREA_ADMIN);
        existing(areaId, indicatorId);
        return new OutcomeViews.ValueHistory(outcomes.history(areaId, indicatorId, period).stream().map(ValueView::of).toList());
    }

    private OutcomeView view(Outcome o, List<IndicatorView> indicators) {
        return new OutcomeView(o.id(), o.areaId(), o.title(), o.description(), o.position(), indicators);
    }

    private Indicator existing(String areaId, UUID indicatorId) {
        return outcomes.indicator(areaId, indicatorId).orElseThrow(() ->
                new ProblemException(OutcomeProblem.INDICATOR_NOT_FOUND, "The area has no indicator " + indicatorId + "."));
    }

    private static void checkPeriod(String kind, @Nullable OutcomeViews.PeriodValue value, String field) {
        if (value != null && (Periods.start(kind, value.period()).isEmpty() || Double.isNaN(value.value()))) {
            throw new ProblemException(OutcomeProblem.PERIOD_INVALID, "The " + field + "'s period must be a " + kind
                    + " like " + example(kind) + ", from " + Periods.FIRST_YEAR + ".", Map.of(field, "a " + kind));
        }
    }

    private static ProblemException periodInvalid(Indicator indicator, String period) {
        return new ProblemException(OutcomeProblem.PERIOD_INVALID, "This indicator is kept by " + indicator.periodKind()
                + ": give a period like " + example(indicator.periodKind()) + ", from " + Periods.FIRST_YEAR + ".",
                Map.of("period", "a " + indicator.periodKind()));
    }

    private static String example(String kind) {
        return Periods.QUARTER.equals(kind) ? "2026-Q3" : "2026-09";
    }

    private static String oneOf(@Nullable String value, Set<String> allowed, String field) {
        if (value == null || !allowed.contains(value)) {
            throw invalid("Give " + field + " as one of " + String.join(", ", new java.util.TreeSet<>(allowed)) + ".", field);
        }
        return value;
    }

    private static String text(@Nullable String value, String field, int max) {
        return FamilyText.accepted(value, max).orElseThrow(() ->
                invalid("Give a " + field + " of 1 to " + max + " visible characters.", field));
    }

    private static ProblemException invalid(String detail, String field) {
        return new ProblemException(OutcomeProblem.INVALID, detail, Map.of(field, detail));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
