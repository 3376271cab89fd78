package org.yousaid.survey;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.shared.CountTable;
import org.yousaid.survey.ResultsViews.EquipmentCategory;
import org.yousaid.survey.ResultsViews.Figure;
import org.yousaid.survey.ResultsViews.OptionCount;
import org.yousaid.survey.ResultsViews.QuestionResult;
import org.yousaid.survey.ResultsViews.Quarter;
import org.yousaid.survey.ResultsViews.ValueCount;

/**
 * Results of a survey's submitted answers, aggregated in PostgreSQL over every version that asked each
 * question (one pass for all counts, then one statement per number or equipment question): counts and distributions, Likert and I-statement agreement and means
 * (I statements also quarter by quarter), equipment waiting weeks per category against the target.
 * Figures from fewer than five respondents are suppressed. A question id reused with another type in
 * a later version only counts answers of the type the figure needs, so old answers never break it. Forum leads, commissioners and area
 * admins of the area only; nobody sees another family's answers.
 */
@Singleton
public class ResultsService {


    private final AreaAccess access;
    private final SurveyStore surveys;
    private final SurveyService surveyService;
    private final ResultsRepository reads;

    ResultsService(AreaAccess access, SurveyStore surveys, SurveyService surveyService, ResultsRepository reads) {
        this.access = access;
        this.surveys = surveys;
        this.surveyService = surveyService;
        this.reads = reads;
    }

    @Transactional(readOnly = true)
    public ResultsViews.SurveyResults results(Caller caller, String areaId, UUID surveyId) {
        access.require(caller, areaId, SurveyService.STAFF);
        surveys.survey(areaId, surveyId).orElseThrow(SurveyService::notFound);
        List<SurveyVersion> versions = surveys.versions(areaId, surveyId);
        SurveyVersion shown = versions.stream().filter(v -> SurveyVersion.PUBLISHED.equals(v.status())).findFirst()
                .orElse(versions.get(versions.size() - 1));
        SurveyDefinition definition = surveyService.validatorless(shown.definitionJson());
        Stamp stamp = stamp(areaId, surveyId, shown.version());
        ResultsViews.SurveyResults cached = cache.get(stamp);
        if (cached != null) {
            return cached;
        }
        long respondents = stamp.submitted();
        Scan scan = scan(areaId, surveyId, definition);
        List<QuestionResult> questions = new ArrayList<>();
        for (SurveyDefinition.Question q : definition.questions()) {
            questions.add(question(areaId, surveyId, q, scan));
        }
        ResultsViews.SurveyResults results = new ResultsViews.SurveyResults(surveyId, areaId, definition.title(),
                ResultsViews.MINIMUM_GROUP, Figure.count(respondents), questions);
        cache.put(stamp, results);
        return results;
    }

    /**
     * Identifies one state of a survey's answers: results are recomputed only when a submission
     * (or a new published version) changed it. Reading the stamp is an index-only scan.
     */
    private record Stamp(String areaId, UUID surveyId, int version, long submitted, long lastSubmittedMicros) {
    }

    private Stamp stamp(String areaId, UUID surveyId, int version) {
        ResultsRepository.Stamp read = reads.stamp(areaId, surveyId);
        Instant last = read.lastSubmitted();
        return new Stamp(areaId, surveyId, version, read.submitted(), last.getEpochSecond() * 1_000_000 + last.getNano() / 1000);
    }

    /** The latest results of recently read surveys; small, since staff read a handful at a time. */
    private final Map<Stamp, ResultsViews.SurveyResults> cache = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Stamp, ResultsViews.SurveyResults> eldest) {
                    return size() > 200;
                }
            });

    /**
     * What one pass over the answers yields for every question at once: respondents per question,
     * counts per value of single-valued questions, per option of multiple-choice ones, and I-statement
     * agreement per quarter. Numbers and equipment, which need ordered statistics, get their own queries.
     */
    private record Scan(Map<String, Long> respondents, Map<String, Map<String, Long>> values,
                        Map<String, Map<String, Long>> selected, Map<String, List<Quarter>> quarters) {
    }

    private Scan scan(String areaId, UUID surveyId, SurveyDefinition definition) {
        String[] counted = definition.questions().stream()
                .filter(q -> QuestionType.of(q.type()) == QuestionType.SINGLE_CHOICE || QuestionType.of(q.type()).agreeScale())
                .map(SurveyDefinition.Question::id).toArray(String[]::new);
        String[] multiple = ids(definition, QuestionType.MULTIPLE_CHOICE);
        String[] statements = ids(definition, QuestionType.I_STATEMENT);
        Map<String, Long> respondents = new HashMap<>();
        Map<String, Map<String, Long>> values = new HashMap<>();
        for (ResultsRepository.ValueRow row : reads.values(areaId, surveyId, counted)) {
            respondents.merge(row.key(), row.n(), Long::sum);
            if (row.value() != null) {
                values.computeIfAbsent(row.key(), k -> new HashMap<>()).put(row.value(), row.n());
            }
        }
        Map<String, Map<String, Long>> selected = new HashMap<>();
        if (multiple.length > 0) {
            for (ResultsRepository.ValueRow row : reads.selected(areaId, surveyId, multiple)) {
                selected.computeIfAbsent(row.key(), k -> new HashMap<>()).put(row.value(), row.n());
            }
        }
        Map<String, List<Quarter>> quarters = new HashMap<>();
        if (statements.length > 0) {
            for (ResultsRepository.QuarterRow row : reads.quarters(areaId, surveyId, statements)) {
                long n = row.n();
                long agreeing = row.agreeing();
                // Agreeing and not agreeing are the two parts of the quarter's respondents (CountTable).
                CountTable split = CountTable.of(n, agreeing, n - agreeing);
                quarters.computeIfAbsent(row.key(), k -> new ArrayList<>())
                        .add(new Quarter(row.quarter(), split.totalWithheld() ? new Figure(null, true) : Figure.count(n),
                                split.anyWithheld() ? new Figure(null, true) : Figure.of((double) agreeing / n, n)));
            }
        }
        return new Scan(respondents, values, selected, quarters);
    }

    private static String[] ids(SurveyDefinition definition, QuestionType type) {
        return definition.questions().stream().filter(q -> type.wire().equals(q.type())).map(SurveyDefinition.Question::id)
                .toArray(String[]::new);
    }

    private QuestionResult question(String areaId, UUID surveyId, SurveyDefinition.Question q, Scan scan) {
        long n = scan.respondents().getOrDefault(q.id(), 0L);
        Figure respondents = Figure.count(n);
        QuestionType type = QuestionType.of(q.type());
        return switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> options(q, n, respondents,
                    type == QuestionType.MULTIPLE_CHOICE ? scan.selected() : scan.values());
            case LIKERT, I_STATEMENT -> scale(q, n, respondents, scan);
            case NUMBER -> number(areaId, surveyId, q, n, respondents);
            case EQUIPMENT_ITEM -> new QuestionResult(q.id(), q.type(), q.text(), respondents, null, null, null, null,
                    null, null, null, q.targetWeeks() == null ? 6 : q.targetWeeks(), equipment(areaId, surveyId, q, n));
            case DATE, FREE_TEXT -> new QuestionResult(q.id(), q.type(), q.text(), respondents, null, null, null, null, null, null,
                    null, null, null);
        };
    }

    /**
     * A single choice's options are parts of its respondents (what is left: answers no option now
     * names); a multiple choice's option and the respondents who did not pick it are the parts of
     * each. One rule for both ({@link CountTable}): no withheld option is the total less the others.
     */
    private static QuestionResult options(SurveyDefinition.Question q, long n, Figure respondents,
                                          Map<String, Map<String, Long>> counts) {
        Map<String, Long> mine = counts.getOrDefault(q.id(), Map.of());
        long[] picked = q.options().stream().mapToLong(o -> Math.min(n, mine.getOrDefault(o.id(), 0L))).toArray();
        boolean[] withheld = new boolean[picked.length];
        boolean totalWithheld = respondents.suppressed();
        if ("multiple_choice".equals(q.type())) {
            for (int i = 0; i < picked.length; i++) {
                CountTable t = CountTable.of(n, picked[i], n - picked[i]);
                withheld[i] = t.withheld(0) || t.totalWithheld();
                totalWithheld |= t.totalWithheld();
            }
        } else if (java.util.Arrays.stream(picked).sum() <= n) {
            CountTable t = CountTable.withRemainder(n, picked);
            for (int i = 0; i < picked.length; i++) {
                withheld[i] = t.withheld(i) || t.totalWithheld();
            }
            totalWithheld |= t.totalWithheld();
        } else {
            java.util.Arrays.fill(withheld, true);
        }
        List<OptionCount> options = new ArrayList<>();
        for (int i = 0; i < picked.length; i++) {
            SurveyDefinition.Option o = q.options().get(i);
            options.add(new OptionCount(o.id(), o.label(), totalWithheld || withheld[i] ? new Figure(null, true) : Figure.shown(picked[i])));
        }
        return new QuestionResult(q.id(), q.type(), q.text(), totalWithheld ? new Figure(null, true) : respondents, options,
                null, null, null, null, null, null, null, null);
    }

    private static QuestionResult scale(SurveyDefinition.Question q, long n, Figure respondents, Scan scan) {
        Map<String, Long> mine = scan.values().getOrDefault(q.id(), Map.of());
        long[] counts = new long[6];
        mine.forEach((value, count) -> {
            int v = scaleValue(value);
            if (v >= 1 && v <= 5) {
                counts[v] += count;
            }
        });
        double sum = 0;
        for (int v = 1; v <= 5; v++) {
            sum += v * counts[v];
        }
        // The five values are parts of the respondents (what is left: answers off the scale); one rule
        // for all (CountTable). The mean and the agreeing share are two more sums of the same parts, so
        // they are withheld whenever any part is.
        long[] parts = java.util.Arrays.copyOfRange(counts, 1, 6);
        CountTable table = java.util.Arrays.stream(parts).sum() <= n ? CountTable.withRemainder(n, parts) : null;
        boolean anyWithheld = table == null || table.anyWithheld() || n < ResultsViews.MINIMUM_GROUP;
        List<ValueCount> distribution = new ArrayList<>();
        for (int v = 1; v <= 5; v++) {
            boolean out = table == null || table.totalWithheld() || table.withheld(v - 1);
            distribution.add(new ValueCount(v, out ? new Figure(null, true) : Figure.shown(counts[v])));
        }
        if (table == null || table.totalWithheld()) {
            respondents = new Figure(null, true);
        }
        Figure mean = anyWithheld ? new Figure(null, true) : Figure.of(n == 0 ? 0 : sum / n, n);
        Figure agreement = anyWithheld ? new Figure(null, true) : Figure.of(n == 0 ? 0 : (double) (counts[4] + counts[5]) / n, n);
        List<Quarter> quarters = QuestionType.of(q.type()) == QuestionType.I_STATEMENT ? scan.quarters().getOrDefault(q.id(), List.of()) : null;
        return new QuestionResult(q.id(), q.type(), q.text(), respondents, null, distribution, mean, agreement,
                q.outcome(), quarters, null, null, null);
    }

    /** 1–5, or 0 for a value another version's question of the same id left (a text, say). */
    private static int scaleValue(String value) {
        try {
            return (int) Math.round(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private QuestionResult number(String areaId, UUID surveyId, SurveyDefinition.Question q, long n, Figure respondents) {
        ResultsRepository.NumberStats stats = reads.number(areaId, surveyId, q.id());
        return new QuestionResult(q.id(), q.type(), q.text(), respondents, null, null, Figure.of(stats.mean(), n), null,
                null, null, Figure.of(stats.median(), n), null, null);
    }

    /**
     * Waiting weeks from identification to delivery, or to today for items still awaited. Within
     * target: items delivered within the target, out of those delivered or already waiting past it.
     */
    private List<EquipmentCategory> equipment(String areaId, UUID surveyId, SurveyDefinition.Question q, long n) {
        int targetDays = 7 * (q.targetWeeks() == null ? 6 : q.targetWeeks());
        Map<String, EquipmentCategory> found = new HashMap<>();
        for (ResultsRepository.EquipmentRow row : reads.equipment(areaId, surveyId, q.id(), targetDays)) {
            long items = row.items();
            long withinTarget = row.withinTarget();
            long decided = row.decided();
            long waiting = row.waiting();
            // Still waiting and delivered are the two parts of the items (one table), and a
            // share within target gives away its count and the rest of its base (another).
            CountTable byDelivery = CountTable.of(items, waiting, items - waiting);
            CountTable byTarget = CountTable.of(decided, withinTarget, decided - withinTarget);
            Figure out = new Figure(null, true);
            boolean itemsOut = byDelivery.totalWithheld();
            found.put(row.category(), new EquipmentCategory(row.category(), row.category(),
                    itemsOut ? out : Figure.shown(items),
                    itemsOut ? out : Figure.of(row.medianWeeks(), items), itemsOut ? out : Figure.of(row.p90Weeks(), items),
                    byTarget.anyWithheld() ? out : Figure.of(decided == 0 ? 0 : (double) withinTarget / decided, decided),
                    itemsOut || byDelivery.withheld(0) ? out : Figure.shown(waiting)));
        }
        Figure none = Figure.count(0);
        return q.categories().stream().map(c -> {
            EquipmentCategory e = found.get(c.id());
            return e == null
                    ? new EquipmentCategory(c.id(), c.label(), none, none, none, none, none)
                    : new EquipmentCategory(c.id(), c.label(), e.items(), e.medianWeeks(), e.p90Weeks(), e.withinTarget(), e.stillWaiting());
        }).toList();
    }
}
