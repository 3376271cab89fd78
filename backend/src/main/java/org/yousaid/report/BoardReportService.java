package org.yousaid.report;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.moderation.ThemeNames;
import org.yousaid.shared.IndicatorMeasures;
import org.yousaid.outcome.OutcomeFramework;
import org.yousaid.response.LoopMetrics;
import org.yousaid.response.LoopMetrics.Count;
import org.yousaid.response.LoopMetrics.Share;
import org.yousaid.response.LoopMetricsService;
import org.yousaid.shared.CountTable;

/** Gathers a quarter's board report from every part of YouSaid; the renderers only lay it out. */
@Singleton
public class BoardReportService {

    static final int TOP_THEMES = 10;
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final AreaAccess access;
    private final BoardReportRepository figures;
    private final ThemeNames themeNames;
    private final LoopMetricsService loop;
    private final OutcomeFramework framework;
    private final List<IndicatorMeasures> measures;
    private final Clock clock;

    BoardReportService(AreaAccess access, BoardReportRepository figures, ThemeNames themeNames, LoopMetricsService loop,
                       OutcomeFramework framework, List<IndicatorMeasures> measures, Clock clock) {
        this.access = access;
        this.figures = figures;
        this.themeNames = themeNames;
        this.loop = loop;
        this.framework = framework;
        this.measures = measures;
        this.clock = clock;
    }

    public BoardReport report(Caller caller, String areaId, String quarter) {
        access.require(caller, areaId, Role.COMMISSIONER, Role.FORUM_LEAD, Role.AREA_ADMIN);
        return report(areaId, quarter);
    }

    BoardReport report(String areaId, String quarter) {
        LocalDate start = LoopMetricsService.quarterStart(quarter);
        LocalDate end = start.plusMonths(3);
        LocalDate previousStart = start.minusMonths(3);
        Instant from = instant(start);
        Instant to = instant(end);
        Map<String, ThemeNames.Named> names = themeNames.of(areaId);

        Map<String, BoardReportRepository.ThemeCount> before = figures.themes(areaId, instant(previousStart), from).stream()
                .collect(Collectors.toMap(BoardReportRepository.ThemeCount::theme, t -> t));
        List<BoardReport.ThemeRow> themes = figures.themes(areaId, from, to).stream()
                .sorted(Comparator.comparingLong(BoardReportRepository.ThemeCount::words).reversed()
                        .thenComparing(BoardReportRepository.ThemeCount::theme))
                .limit(TOP_THEMES)
                .map(t -> {
                    long earlier = Optional.ofNullable(before.get(t.theme())).map(BoardReportRepository.ThemeCount::words).orElse(0L);
                    Count now = Count.of(t.words());
                    Count then = Count.of(earlier);
                    // A change is shown only when both counts are.
                    Long change = now.suppressed() || then.suppressed() ? null : t.words() - earlier;
                    return new BoardReport.ThemeRow(t.theme(), names.containsKey(t.theme()) ? names.get(t.theme()).name() : t.theme(),
                            now, then, change, Count.of(t.families()), Share.of(t.negative(), t.rated()));
                }).toList();

        long positive = 0, mixed = 0, negative = 0, unknown = 0;
        for (BoardReportRepository.SentimentCount s : figures.sentiment(areaId, from, to)) {
            if (s.sentiment() == null) {
                unknown += s.words();
            } else if (s.sentiment() <= 2) {
                positive += s.words();
            } else if (s.sentiment() == 3) {
                mixed += s.words();
            } else {
                negative += s.words();
            }
        }
        long words = positive + mixed + negative + unknown;
        // The words are the total of the sentiment table; the same total is printed at a glance and in the loop table.
        CountTable felt = CountTable.of(words, positive, mixed, negative, unknown);
        LoopMetrics metrics = withWords(loop.metrics(areaId, quarter), Count.total(felt));

        // Handled and escalated are parts of the flags raised; their other parts (not handled, not
        // escalated) are never printed but a forum lead knows them, so they do not protect.
        BoardReportRepository.SafeguardingCount cases = figures.safeguarding(areaId, from, to);
        CountTable handled = CountTable.withRemainder(cases.flagged(), cases.handled());
        CountTable escalated = CountTable.withRemainder(cases.flagged(), cases.escalated());
        if (handled.totalWithheld() || escalated.totalWithheld()) {
            handled = handled.withTotalWithheld();
            escalated = escalated.withTotalWithheld();
        }
        // A median of one to four handling times is those cases' own times.
        Double medianHours = cases.medianHours() == null || handled.withheld(0) ? null
                : Math.round(cases.medianHours() * 10) / 10.0;
        BoardReport.Safeguarding safeguarding = new BoardReport.Safeguarding(Count.total(handled), Count.part(handled, 0),
                Count.part(escalated, 0), Count.of(figures.safeguardingWaiting(areaId)), medianHours);

        Map<UUID, List<BoardReportRepository.Agreement>> agreement = figures.agreement(areaId, from, to).stream()
                .collect(Collectors.groupingBy(BoardReportRepository.Agreement::surveyId));
        List<BoardReport.SurveyRow> surveys = figures.surveys(areaId, from, to).stream().map(s -> new BoardReport.SurveyRow(
                s.title() == null ? s.kind() : s.title(), s.kind(), Count.of(s.answers()),
                agreement.getOrDefault(s.surveyId(), List.of()).stream().map(a -> new BoardReport.QuestionRow(a.question(),
                        a.text() == null ? a.question() : a.text(), a.type(), Share.of(a.agreeing(), a.answered()))).toList()))
                .toList();

        BoardReport.EquipmentRow equipment = measures.stream().filter(m -> m.measures().contains("equipment_within_target"))
                .findFirst()
                .flatMap(m -> m.measure(areaId, new IndicatorMeasures.Measure("equipment_within_target", null, null, null), from, to))
                .map(m -> {
                    Share within = Share.of(Math.round(m.share() * m.basedOn()), m.basedOn());
                    // The items delivered are the base of the share: withheld with it.
                    return new BoardReport.EquipmentRow(Count.of(m.basedOn(), within.of() == null && m.basedOn() > 0), within);
                })
                .orElse(null);

        List<BoardReportRepository.Published> published = figures.published(areaId, from, to);
        Map<UUID, List<BoardReport.ActionRow>> actions = published.isEmpty() ? Map.of()
                : figures.actions(areaId, published.stream().map(BoardReportRepository.Published::id).toList()).stream()
                .collect(Collectors.groupingBy(BoardReportRepository.Action::responseId, Collectors.mapping(a ->
                        new BoardReport.ActionRow(a.text(), a.owner(), a.dueOn(), a.status(), a.progress()), Collectors.toList())));
        List<BoardReport.ResponseRow> responses = published.stream().map(p -> new BoardReport.ResponseRow(p.title(),
                List.of(p.themes()).stream().map(t -> names.containsKey(t) ? names.get(t).name() : t).toList(),
                Count.of(p.families()),
                p.publishedAt(), p.updatedAt() != null, actions.getOrDefault(p.id(), List.of()))).toList();

        long planned = 0, inProgress = 0, done = 0, notPossible = 0, overdue = 0;
        for (BoardReportRepository.ActionCount a : figures.actionTotals(areaId, LocalDate.now(clock.withZone(ENGLAND)))) {
            switch (a.status()) {
                case "planned" -> planned = a.actions();
                case "in_progress" -> inProgress = a.actions();
                case "done" -> done = a.actions();
                default -> notPossible = a.actions();
            }
            overdue += a.overdue();
        }

        Map<UUID, OutcomeFramework.IndicatorRef> indicators = framework.indicators(areaId);
        List<LoopMetrics.IndicatorTrend> trends = indicators.values().stream().map(LoopMetricsService::trend).toList();
        List<BoardReport.IndicatorSeries> series = indicators.values().stream().map(i -> new BoardReport.IndicatorSeries(
                i.title(), i.unit(), i.series().stream().map(p -> new LoopMetrics.PeriodValue(p.period(), p.value())).toList(),
                i.target() == null ? null : new LoopMetrics.PeriodValue(i.target().period(), i.target().value()))).toList();

        return new BoardReport(areaId, access.name(areaId), quarter, previousQuarter(previousStart), start, end.minusDays(1),
                clock.instant().truncatedTo(ChronoUnit.SECONDS), Count.total(felt), metrics.area().families(), themes,
                new BoardReport.Sentiment(Count.part(felt, 0), Count.part(felt, 1), Count.part(felt, 2), Count.part(felt, 3)),
                safeguarding, surveys, equipment, responses,
                new BoardReport.ActionTotals(planned, inProgress, done, notPossible, overdue), metrics, trends, series);
    }

    private static LoopMetrics withWords(LoopMetrics m, Count words) {
        LoopMetrics.LoopFigures a = m.area();
        return new LoopMetrics(m.quarter(), m.from(), m.to(), new LoopMetrics.LoopFigures(words, a.families(), a.answered(),
                a.medianDaysToResponse(), a.actionsDoneOnTime(), a.reached()), m.themes(), m.indicators());
    }

    private static String previousQuarter(LocalDate start) {
        return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    private static Instant instant(LocalDate date) {
        return date.atStartOfDay(ENGLAND).toInstant();
    }
}
