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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Role;
import org.yousaid.identity.StaffSessions;
import org.yousaid.survey.ResultsService;
import org.yousaid.survey.ResultsViews.EquipmentCategory;
import org.yousaid.survey.ResultsViews.Figure;
import org.yousaid.survey.ResultsViews.QuestionResult;
import org.yousaid.survey.ResultsViews.Quarter;
import org.yousaid.survey.ResultsViews.SurveyResults;
import org.yousaid.survey.ResultsViews.ValueCount;

/**
 * A survey's results for the commissioner: the figures the API's results give, each question's counts
 * as a bar chart drawn on the server and as a table with the same numbers. Figures the service
 * withholds (fewer than five families behind them, or ones that would let a withheld one be worked
 * out) are shown as withheld, never as a number or a bar's length.
 */
@Controller("/console/areas/{areaId}/surveys/{surveyId}/results")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class SurveyResultsPages {

    private static final List<String> SCALE = List.of("1: strongly disagree", "2: disagree", "3: neither agree nor disagree",
            "4: agree", "5: strongly agree");

    /** A figure beside the chart (a mean, a share agreeing) as its summary list shows it. */
    record Fact(String label, String value, boolean withheld) {
    }

    /** One question's results: its facts, and a chart with its tables when it has counts. */
    record Question(int n, String text, String type, List<Fact> facts, boolean hasChart,
                    @Nullable ResultsChart.Chart chart, List<ResultsChart.Table> tables) {
    }

    private final StaffSessions sessions;
    private final ResultsService results;
    private final AreaAccess access;

    SurveyResultsPages(StaffSessions sessions, ResultsService results, AreaAccess access) {
        this.sessions = sessions;
        this.results = results;
        this.access = access;
    }

    @Get
    MutableHttpResponse<?> results(HttpRequest<?> request, @PathVariable String areaId, @PathVariable String surveyId) {
        return Pages.forSignedIn(sessions, request, SurveyPages.REFUSED, caller -> {
            access.require(caller, areaId, Role.COMMISSIONER);
            UUID id;
            try {
                id = UUID.fromString(surveyId);
            } catch (IllegalArgumentException e) {
                return SurveyPages.notFound(request);
            }
            SurveyResults shown = results.results(caller, areaId, id);
            List<Question> questions = new ArrayList<>();
            for (int i = 0; i < shown.questions().size(); i++) {
                questions.add(question(i + 1, shown.questions().get(i)));
            }
            Map<String, Object> model = new HashMap<>();
            model.put("pageTitle", "Results: " + shown.title());
            model.put("title", shown.title());
            model.put("respondents", ResultsChart.count(shown.respondents()));
            model.put("minimumGroup", shown.minimumGroup());
            model.put("questions", questions);
            model.put("surveyHref", SurveyPages.surveyPath(areaId, surveyId));
            return Pages.areaPage(HttpStatus.OK, "console/results", request, access, caller, areaId, model);
        });
    }

    private static Question question(int n, QuestionResult q) {
        List<Fact> facts = new ArrayList<>();
        facts.add(fact("Families who answered", ResultsChart.count(q.respondents()), q.respondents()));
        String id = "q" + n;
        String heading = "Question " + n + ": " + q.text();
        List<ResultsChart.Entry> entries = new ArrayList<>();
        List<ResultsChart.Table> tables = new ArrayList<>();
        switch (q.type()) {
            case "single_choice", "multiple_choice" -> {
                q.options().forEach(o -> entries.add(new ResultsChart.Entry(o.label(), o.count())));
                tables.add(countTable(heading, "Answer", "multiple_choice".equals(q.type()) ? "Families who chose it" : "Families",
                        entries));
            }
            case "likert", "i_statement" -> {
                for (ValueCount v : q.distribution()) {
                    entries.add(new ResultsChart.Entry(SCALE.get(v.value() - 1), v.count()));
                }
                tables.add(countTable(heading, "Answer", "Families", entries));
                facts.add(fact("Agree or strongly agree", ResultsChart.share(q.agreement()), q.agreement()));
                facts.add(fact("Average (1 to 5)", ResultsChart.decimal(q.mean(), ""), q.mean()));
                if (q.outcome() != null) {
                    facts.add(new Fact("Outcome it measures", q.outcome(), false));
                }
                if (q.quarters() != null && !q.quarters().isEmpty()) {
                    tables.add(quarters(heading, q.quarters()));
                }
            }
            case "number" -> {
                facts.add(fact("Average", ResultsChart.decimal(q.mean(), ""), q.mean()));
                facts.add(fact("Median", ResultsChart.decimal(q.median(), ""), q.median()));
            }
            case "equipment_item" -> {
                q.categories().forEach(c -> entries.add(new ResultsChart.Entry(c.label(), c.items())));
                tables.add(equipment(heading, q.targetWeeks() == null ? 6 : q.targetWeeks(), q.categories()));
            }
            default -> {
                // Words and dates are read one by one elsewhere; their results are how many answered.
            }
        }
        ResultsChart.Chart chart = entries.isEmpty() ? null : ResultsChart.chart(id, heading, entries);
        return new Question(n, q.text(), SurveyDraftForm.typeLabel(q.type()), facts, chart != null, chart, tables);
    }

    private static Fact fact(String label, String value, @Nullable Figure figure) {
        return new Fact(label, value, figure == null || ResultsChart.withheld(figure));
    }

    private static ResultsChart.Table countTable(String heading, String rowHeader, String header, List<ResultsChart.Entry> entries) {
        return new ResultsChart.Table(heading, rowHeader, List.of(header), entries.stream()
                .map(e -> new ResultsChart.Row(e.label(), List.of(ResultsChart.cell(ResultsChart.count(e.count()), e.count()))))
                .toList());
    }

    private static ResultsChart.Table quarters(String heading, List<Quarter> quarters) {
        return new ResultsChart.Table(heading + ", quarter by quarter", "Quarter", List.of("Families", "Agree or strongly agree"),
                quarters.stream().map(q -> new ResultsChart.Row(q.quarter(), List.of(
                        ResultsChart.cell(ResultsChart.count(q.respondents()), q.respondents()),
                        ResultsChart.cell(ResultsChart.share(q.agreement()), q.agreement())))).toList());
    }

    private static ResultsChart.Table equipment(String heading, int targetWeeks, List<EquipmentCategory> categories) {
        return new ResultsChart.Table(heading, "Category", List.of("Items", "Median wait", "9 in 10 waited at most",
                "Delivered within " + targetWeeks + " weeks", "Still waiting"),
                categories.stream().map(c -> new ResultsChart.Row(c.label(), List.of(
                        ResultsChart.cell(ResultsChart.count(c.items()), c.items()),
                        ResultsChart.cell(ResultsChart.decimal(c.medianWeeks(), " weeks"), c.medianWeeks()),
                        ResultsChart.cell(ResultsChart.decimal(c.p90Weeks(), " weeks"), c.p90Weeks()),
                        ResultsChart.cell(ResultsChart.share(c.withinTarget()), c.withinTarget()),
                        ResultsChart.cell(ResultsChart.count(c.stillWaiting()), c.stillWaiting())))).toList());
    }
}
