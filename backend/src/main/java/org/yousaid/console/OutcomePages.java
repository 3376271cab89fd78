package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Role;
import org.yousaid.identity.StaffSessions;
import org.yousaid.outcome.OutcomeService;
import org.yousaid.outcome.OutcomeViews;
import org.yousaid.outcome.Periods;

/**
 * The area's outcomes framework for staff: each outcome's indicators with their trend drawn on the
 * server and the same numbers in a table. The API shows the framework to every member; the console
 * is the staff's, so it is for the area's staff.
 */
@Controller("/console/areas/{areaId}/outcomes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class OutcomePages {

    /** How many recent periods a computed indicator shows (as the outcome feature computes them). */
    static final int COMPUTED_QUARTERS = 8;
    static final int COMPUTED_MONTHS = 12;
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    record Row(String period, String value, String source, String note) {
    }

    record IndicatorBlock(String title, String kind, String unit, String direction, String baseline, String target,
                          boolean computed, @Nullable TrendChart chart, List<Row> rows) {
    }

    record OutcomeBlock(String title, @Nullable String description, List<IndicatorBlock> indicators) {
    }

    private final StaffSessions sessions;
    private final OutcomeService outcomes;
    private final AreaAccess access;
    private final Clock clock;

    OutcomePages(StaffSessions sessions, OutcomeService outcomes, AreaAccess access, Clock clock) {
        this.sessions = sessions;
        this.outcomes = outcomes;
        this.access = access;
        this.clock = clock;
    }

    @Get
    MutableHttpResponse<?> outcomes(HttpRequest<?> request, @PathVariable String areaId) {
        return Pages.forSignedIn(sessions, request, "You cannot see these outcomes", caller -> {
            access.require(caller, areaId, Role.COMMISSIONER, Role.FORUM_LEAD, Role.AREA_ADMIN);
            LocalDate today = LocalDate.now(clock.withZone(ENGLAND));
            List<OutcomeBlock> blocks = new ArrayList<>();
            int[] n = {0};
            for (OutcomeViews.OutcomeView o : outcomes.list(caller, areaId).items()) {
                blocks.add(new OutcomeBlock(o.title(), o.description(),
                        o.indicators().stream().map(i -> block(i, "chart-" + (n[0]++), today)).toList()));
            }
            return Pages.areaPage(HttpStatus.OK, "console/outcomes", request, access, caller, areaId, Map.of("outcomes", blocks));
        });
    }

    static IndicatorBlock block(OutcomeViews.IndicatorView i, String id, LocalDate today) {
        boolean computed = i.computed() != null;
        Map<String, OutcomeViews.ValueView> byPeriod = i.series().stream()
                .collect(Collectors.toMap(OutcomeViews.ValueView::period, Function.identity(), (a, b) -> b));
        // A computed indicator leaves out a period whose value rests on too few answers: it is withheld, not missing.
        List<String> periods = computed
                ? Periods.recent(i.periodKind(), today, Periods.QUARTER.equals(i.periodKind()) ? COMPUTED_QUARTERS : COMPUTED_MONTHS)
                : i.series().stream().map(OutcomeViews.ValueView::period).toList();
        List<TrendChart.Value> values = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (String period : periods) {
            OutcomeViews.ValueView v = byPeriod.get(period);
            values.add(new TrendChart.Value(period, v == null ? null : v.value()));
            rows.add(v == null ? new Row(period, "Withheld (fewer than 5 answers, or none)", "", "")
                    : new Row(period, TrendChart.number(v.value()) + TrendChart.unitSuffix(i.unit())
                            + (v.basedOn() == null ? "" : " (from " + v.basedOn() + " answers)"),
                            v.source(), (v.corrected() ? "Corrected. " : "") + (v.note() == null ? "" : v.note())));
        }
        // Nothing to draw when every period is withheld: the table says so.
        TrendChart chart = values.stream().allMatch(v -> v.value() == null) ? null
                : TrendChart.of(id, i.title() + ": trend", i.unit(), values, i.target() == null ? null : i.target().value());
        return new IndicatorBlock(i.title(), kind(i.kind()), i.unit(),
                "higher_is_better".equals(i.polarity()) ? "Higher is better" : "Lower is better",
                i.baseline() == null ? "None set" : TrendChart.number(i.baseline().value()) + TrendChart.unitSuffix(i.unit())
                        + " in " + i.baseline().period(),
                i.target() == null ? "None set" : TrendChart.number(i.target().value()) + TrendChart.unitSuffix(i.unit())
                        + " by " + i.target().period(),
                computed, chart, rows);
    }

    static String kind(String kind) {
        return switch (kind) {
            case "how_much" -> "How much did we do?";
            case "how_well" -> "How well did we do it?";
            default -> "Is anyone better off?";
        };
    }
}
