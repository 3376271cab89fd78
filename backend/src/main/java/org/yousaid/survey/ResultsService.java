package org.yousaid.survey;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.survey.ResultsViews.EquipmentCategory;
import org.yousaid.survey.ResultsViews.Figure;
import org.yousaid.survey.ResultsViews.OptionCount;
import org.yousaid.survey.ResultsViews.QuestionResult;
import org.yousaid.survey.ResultsViews.Quarter;
import org.yousaid.survey.ResultsViews.ValueCount;

/**
 * Results of a survey's submitted answers, aggregated in PostgreSQL (one statement per question, over
 * every version that asked it): counts and distributions, Likert and I-statement agreement and means
 * (I statements also quarter by quarter), equipment waiting weeks per category against the target.
 * Figures from fewer than five respondents are suppressed. Forum leads, commissioners and area
 * admins of the area only; nobody sees another family's answers.
 */
@Singleton
class ResultsService {

    private static final String SUBMITTED = " from survey_answers where area_id = ? and survey_id = ? and status = 'submitted' ";

    private final AreaAccess access;
    private final SurveyStore surveys;
    private final SurveyService surveyService;
    private final JdbcOperations jdbc;

    ResultsService(AreaAccess access, SurveyStore surveys, SurveyService surveyService, JdbcOperations jdbc) {
        this.access = access;
        this.surveys = surveys;
        this.surveyService = surveyService;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    ResultsViews.SurveyResults results(Caller caller, String areaId, UUID surveyId) {
        access.require(caller, areaId, Role.FORUM_LEAD, Role.COMMISSIONER, Role.AREA_ADMIN);
        surveys.survey(areaId, surveyId).orElseThrow(SurveyService::notFound);
        List<SurveyVersion> versions = surveys.versions(areaId, surveyId);
        SurveyVersion shown = versions.stream().filter(v -> SurveyVersion.PUBLISHED.equals(v.status())).findFirst()
                .orElse(versions.get(versions.size() - 1));
        SurveyDefinition definition = surveyService.validatorless(shown.definitionJson());
        long respondents = single("select count(*)" + SUBMITTED, areaId, surveyId);
        List<QuestionResult> questions = new ArrayList<>();
        for (SurveyDefinition.Question q : definition.questions()) {
            questions.add(question(areaId, surveyId, q));
        }
        return new ResultsViews.SurveyResults(surveyId, areaId, definition.title(), ResultsViews.MINIMUM_GROUP,
                Figure.count(respondents), questions);
    }

    private QuestionResult question(String areaId, UUID surveyId, SurveyDefinition.Question q) {
        long n = single("select count(*)" + SUBMITTED + "and answers -> ? is not null", areaId, surveyId, q.id());
        Figure respondents = Figure.count(n);
        return switch (q.type()) {
            case "single_choice", "multiple_choice" -> new QuestionResult(q.id(), q.type(), q.text(), respondents,
                    options(areaId, surveyId, q, n), null, null, null, null, null, null, null, null);
            case "likert", "i_statement" -> scale(areaId, surveyId, q, n, respondents);
            case "number" -> number(areaId, surveyId, q, n, respondents);
            case "equipment_item" -> new QuestionResult(q.id(), q.type(), q.text(), respondents, null, null, null, null,
                    null, null, null, q.targetWeeks() == null ? 6 : q.targetWeeks(), equipment(areaId, surveyId, q, n));
            default -> new QuestionResult(q.id(), q.type(), q.text(), respondents, null, null, null, null, null, null,
                    null, null, null);
        };
    }

    private List<OptionCount> options(String areaId, UUID surveyId, SurveyDefinition.Question q, long n) {
        String sql = "multiple_choice".equals(q.type())
                ? "select e, count(*) from survey_answers, jsonb_array_elements_text(answers -> ?) e"
                  + " where area_id = ? and survey_id = ? and status = 'submitted' group by e"
                : "select answers ->> ?, count(*)" + SUBMITTED + "and answers -> ? is not null group by 1";
        Map<String, Long> counts = jdbc.prepareStatement(sql, s -> {
            if ("multiple_choice".equals(q.type())) {
                bind(s, q.id(), areaId, surveyId);
            } else {
                bind(s, q.id(), areaId, surveyId, q.id());
            }
            Map<String, Long> m = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getLong(2));
                }
            }
            return m;
        });
        return q.options().stream().map(o -> new OptionCount(o.id(), o.label(),
                n < ResultsViews.MINIMUM_GROUP ? new Figure(null, true) : Figure.count(counts.getOrDefault(o.id(), 0L)))).toList();
    }

    private QuestionResult scale(String areaId, UUID surveyId, SurveyDefinition.Question q, long n, Figure respondents) {
        long[] counts = new long[6];
        jdbc.prepareStatement("select (answers ->> ?)::int, count(*)" + SUBMITTED + "and answers -> ? is not null group by 1", s -> {
            bind(s, q.id(), areaId, surveyId, q.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts[rs.getInt(1)] = rs.getLong(2);
                }
            }
            return null;
        });
        double sum = 0;
        for (int v = 1; v <= 5; v++) {
            sum += v * counts[v];
        }
        List<ValueCount> distribution = new ArrayList<>();
        for (int v = 1; v <= 5; v++) {
            distribution.add(new ValueCount(v, n < ResultsViews.MINIMUM_GROUP ? new Figure(null, true) : Figure.count(counts[v])));
        }
        Figure mean = Figure.of(n == 0 ? 0 : sum / n, n);
        Figure agreement = Figure.of(n == 0 ? 0 : (double) (counts[4] + counts[5]) / n, n);
        List<Quarter> quarters = null;
        if ("i_statement".equals(q.type())) {
            quarters = jdbc.prepareStatement("""
                    select to_char(date_trunc('quarter', submitted_at at time zone 'Europe/London'), 'YYYY-"Q"Q'),
                           count(*), count(*) filter (where (answers ->> ?)::int >= 4)""" + SUBMITTED
                    + "and answers -> ? is not null group by 1 order by 1", s -> {
                bind(s, q.id(), areaId, surveyId, q.id());
                List<Quarter> list = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long quarterN = rs.getLong(2);
                        list.add(new Quarter(rs.getString(1), Figure.count(quarterN),
                                Figure.of((double) rs.getLong(3) / quarterN, quarterN)));
                    }
                }
                return list;
            });
        }
        return new QuestionResult(q.id(), q.type(), q.text(), respondents, null, distribution, mean, agreement,
                q.outcome(), quarters, null, null, null);
    }

    private QuestionResult number(String areaId, UUID surveyId, SurveyDefinition.Question q, long n, Figure respondents) {
        double[] stats = jdbc.prepareStatement("""
                select coalesce(avg(v), 0), coalesce(percentile_cont(0.5) within group (order by v), 0)
                from (select (answers ->> ?)::numeric as v""" + SUBMITTED + "and answers -> ? is not null) x", s -> {
            bind(s, q.id(), areaId, surveyId, q.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        });
        return new QuestionResult(q.id(), q.type(), q.text(), respondents, null, null, Figure.of(stats[0], n), null,
                null, null, Figure.of(stats[1], n), null, null);
    }

    /**
     * Waiting weeks from identification to delivery, or to today for items still awaited. Within
     * target: items delivered within the target, out of those delivered or already waiting past it.
     */
    private List<EquipmentCategory> equipment(String areaId, UUID surveyId, SurveyDefinition.Question q, long n) {
        int targetDays = 7 * (q.targetWeeks() == null ? 6 : q.targetWeeks());
        Map<String, EquipmentCategory> found = jdbc.prepareStatement("""
                select category, count(*),
                       percentile_cont(0.5) within group (order by days) / 7.0,
                       percentile_cont(0.9) within group (order by days) / 7.0,
                       count(*) filter (where received and days <= ?),
                       count(*) filter (where received or days > ?),
                       count(*) filter (where not received)
                from (select answers -> ? ->> 'category' as category,
                             (answers -> ? ->> 'received') is not null as received,
                             coalesce((answers -> ? ->> 'received')::date, current_date) - (answers -> ? ->> 'identified')::date as days
                      """ + SUBMITTED + "and answers -> ? is not null) x group by category", s -> {
            bind(s, targetDays, targetDays, q.id(), q.id(), q.id(), q.id(), areaId, surveyId, q.id());
            Map<String, EquipmentCategory> m = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long items = rs.getLong(2);
                    long decided = rs.getLong(6);
                    m.put(rs.getString(1), new EquipmentCategory(rs.getString(1), rs.getString(1), Figure.count(items),
                            Figure.of(rs.getDouble(3), items), Figure.of(rs.getDouble(4), items),
                            Figure.of(decided == 0 ? 0 : (double) rs.getLong(5) / decided, decided),
                            Figure.count(rs.getLong(7))));
                }
            }
            return m;
        });
        Figure none = Figure.count(0);
        return q.categories().stream().map(c -> {
            EquipmentCategory e = found.get(c.id());
            return e == null
                    ? new EquipmentCategory(c.id(), c.label(), none, none, none, none, none)
                    : new EquipmentCategory(c.id(), c.label(), e.items(), e.medianWeeks(), e.p90Weeks(), e.withinTarget(), e.stillWaiting());
        }).toList();
    }

    private long single(String sql, Object... args) {
        return jdbc.prepareStatement(sql, s -> {
            bind(s, args);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
