package org.yousaid.response;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yousaid.moderation.ThemeNames;
import org.yousaid.outcome.OutcomeFramework;
import org.yousaid.response.LoopMetrics.Count;
import org.yousaid.response.LoopMetrics.LoopFigures;
import org.yousaid.response.LoopMetrics.Share;
import org.yousaid.response.LoopMetricsRepository.Figure;
import org.yousaid.shared.ProblemException;

/**
 * The loop's figures for a quarter. Checks nothing about the caller: the endpoint and the board
 * report each check their own readers.
 */
@Singleton
public final class LoopMetricsService {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final LoopMetricsRepository figures;
    private final ThemeNames themeNames;
    private final OutcomeFramework framework;
    private final Clock clock;

    LoopMetricsService(LoopMetricsRepository figures, ThemeNames themeNames, OutcomeFramework framework, Clock clock) {
        this.figures = figures;
        this.themeNames = themeNames;
        this.framework = framework;
        this.clock = clock;
    }

    /** The first day of {@code quarter} ({@code 2026-Q3}), from 2010, or a 400. */
    public static LocalDate quarterStart(String quarter) {
        Matcher m = quarter == null ? null : QUARTER.matcher(quarter);
        if (m == null || !m.matches() || Integer.parseInt(m.group(1)) < 2010) {
            throw new ProblemException(ResponseProblem.INVALID, "Give the quarter like 2026-Q3, from 2010.",
                    Map.of("quarter", "like 2026-Q3"));
        }
        return LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
    }

    public LoopMetrics metrics(String areaId, String quarter) {
        LocalDate start = quarterStart(quarter);
        // A quarter yet to come has no words and no due actions: its shares would be figures about nothing.
        if (start.isAfter(LocalDate.now(clock.withZone(ENGLAND)))) {
            throw new ProblemException(ResponseProblem.QUARTER_NOT_STARTED, "The quarter " + quarter
                    + " has not started yet: its figures can be given once it has.", Map.of("quarter", "not started yet"));
        }
        LocalDate end = start.plusMonths(3);
        Instant from = start.atStartOfDay(ENGLAND).toInstant();
        Instant to = end.atStartOfDay(ENGLAND).toInstant();
        Map<String, Figure> words = byTheme(figures.wordsByTheme(areaId, from, to));
        Set<String> answered = Set.copyOf(figures.answeredThemes(areaId, to));
        Map<String, List<Double>> lags = figures.lags(areaId, from, to).stream().collect(Collectors.groupingBy(
                LoopMetricsRepository.Lag::theme, Collectors.mapping(LoopMetricsRepository.Lag::days, Collectors.toList())));
        Map<String, Figure> actions = byTheme(figures.actionsByTheme(areaId, start, end));
        Map<String, Figure> reach = byTheme(figures.reachByTheme(areaId, from, to));
        Map<String, ThemeNames.Named> names = themeNames.of(areaId);

        Set<String> themes = new LinkedHashSet<>();
        words.keySet().stream().sorted(Comparator.comparingLong((String t) -> -words.get(t).n()).thenComparing(t -> t))
                .forEach(themes::add);
        themes.addAll(reach.keySet());
        themes.addAll(actions.keySet());
        List<LoopMetrics.ThemeLoop> perTheme = new ArrayList<>();
        for (String theme : themes) {
            Figure w = words.getOrDefault(theme, new Figure(theme, 0, 0));
            Figure a = actions.getOrDefault(theme, new Figure(theme, 0, 0));
            Figure r = reach.getOrDefault(theme, new Figure(theme, 0, 0));
            boolean raised = w.n() > 0;
            perTheme.add(new LoopMetrics.ThemeLoop(new LoopMetrics.ThemeName(theme,
                    names.containsKey(theme) ? names.get(theme).name() : theme),
                    new LoopFigures(Count.of(w.n()), Count.of(w.of()),
                            raised ? Share.counted(answered.contains(theme) ? 1 : 0, 1) : Share.counted(0, 0),
                            median(lags.getOrDefault(theme, List.of())), Share.counted(a.n(), a.of()), Count.of(r.n())),
                    (int) r.of()));
        }
        Figure all = figures.words(areaId, from, to);
        long raised = words.size();
        long raisedAnswered = words.keySet().stream().filter(answered::contains).count();
        Figure allActions = figures.actions(areaId, start, end);
        LoopFigures area = new LoopFigures(Count.of(all.n()), Count.of(all.of()), Share.counted(raisedAnswered, raised),
                median(lags.values().stream().flatMap(List::stream).toList()), Share.counted(allActions.n(), allActions.of()),
                Count.of(figures.reach(areaId, from, to).n()));
        List<UUID> aimed = figures.aimedIndicators(areaId, to).stream().map(UUID::fromString).toList();
        return new LoopMetrics(quarter, start, end.minusDays(1), area, perTheme, trends(areaId, aimed));
    }

    private List<LoopMetrics.IndicatorTrend> trends(String areaId, Collection<UUID> ids) {
        return framework.indicators(areaId, ids).values().stream().map(LoopMetricsService::trend).toList();
    }

    public static LoopMetrics.IndicatorTrend trend(OutcomeFramework.IndicatorRef i) {
        List<OutcomeFramework.Point> series = i.series();
        OutcomeFramework.Point latest = i.latest();
        OutcomeFramework.Point previous = series.size() >= 2 ? series.get(series.size() - 2) : null;
        OutcomeFramework.Point against = previous != null ? previous : i.baseline();
        boolean higher = "higher_is_better".equals(i.polarity());
        String direction = latest == null || against == null ? "unknown"
                : latest.value() == against.value() ? "same"
                : (latest.value() > against.value()) == higher ? "better" : "worse";
        Boolean met = latest == null || i.target() == null ? null
                : higher ? latest.value() >= i.target().value() : latest.value() <= i.target().value();
        return new LoopMetrics.IndicatorTrend(new LoopMetrics.Indicator(i.id(), i.outcomeId(), i.title(), i.kind(), i.unit(),
                value(latest), value(i.target())), value(i.baseline()), value(previous), direction, met);
    }

    private static LoopMetrics.PeriodValue value(OutcomeFramework.Point p) {
        return p == null ? null : new LoopMetrics.PeriodValue(p.period(), p.value());
    }

    private static Map<String, Figure> byTheme(List<Figure> rows) {
        return rows.stream().collect(Collectors.toMap(Figure::theme, Function.identity(), (a, b) -> a, HashMap::new));
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Math.round(m * 10) / 10.0;
    }
}
