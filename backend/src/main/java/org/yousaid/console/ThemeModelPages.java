package org.yousaid.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.identity.StaffSessions;
import org.yousaid.moderation.AreaTheme;
import org.yousaid.moderation.TaxonomyService;
import org.yousaid.shared.ProblemException;
import org.yousaid.tagging.ModelTraining;
import org.yousaid.tagging.TaggingProblem;
import org.yousaid.tagging.ThemeModelService;
import org.yousaid.tagging.ThemeModelViews;
import org.yousaid.tagging.ThemeTagger;

/**
 * How well the area's theme model tags, and retraining it from the forum leads' corrections: the
 * figures and retrainings of the API's {@code GET …/tagging/models}, and its
 * {@code POST …/models/retrain}, which answers at once while the training runs in the background.
 * The API also lets area admins retrain; this page is the forum leads' and refuses everyone else.
 */
@Controller("/console/areas/{areaId}/model")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
final class ThemeModelPages {

    static final String REFUSED = "You cannot see this area's theme model";
    static final int RETRAININGS = 20;

    record Fact(String label, String value) {
    }

    record ThemeRow(String theme, int examples, String heldOutF1, String realTexts, String precision, String recall, String realF1) {
    }

    record Retraining(int number, String status, String tag, String requested, String finished, String trainedOn,
                      String sendTest, String heldBack, String reason) {
    }

    private final StaffSessions sessions;
    private final ThemeModelService models;
    private final TaxonomyService taxonomy;
    private final AreaAccess access;

    ThemeModelPages(StaffSessions sessions, ThemeModelService models, TaxonomyService taxonomy, AreaAccess access) {
        this.sessions = sessions;
        this.models = models;
        this.taxonomy = taxonomy;
        this.access = access;
    }

    @Get
    MutableHttpResponse<?> model(HttpRequest<?> request, @PathVariable String areaId, @Nullable @QueryValue String done) {
        return Pages.forSignedIn(sessions, request, REFUSED, caller -> page(HttpStatus.OK, request, caller, areaId,
                "retraining".equals(done) ? "Retraining started. It takes a minute or two: refresh this page to see how it did." : null,
                List.of()));
    }

    @Post("/retrain")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> retrain(HttpRequest<?> request, @PathVariable String areaId, @Nullable String csrf) {
        return Pages.forPost(sessions, request, csrf, REFUSED, caller -> {
            access.require(caller, areaId, Role.FORUM_LEAD);
            try {
                models.retrain(caller, areaId);
            } catch (ProblemException e) {
                if (!(e.problem() instanceof TaggingProblem)) {
                    throw e;
                }
                return page(e.problem().status(), request, caller, areaId, null, List.of(new Pages.FieldError("retrain", e.getMessage())));
            }
            return Pages.seeOther("/console/areas/" + areaId + "/model?done=retraining");
        });
    }

    private MutableHttpResponse<?> page(HttpStatus status, HttpRequest<?> request, Caller caller, String areaId, @Nullable String done,
                                        List<Pages.FieldError> errors) {
        access.require(caller, areaId, Role.FORUM_LEAD);
        ThemeModelViews.ThemeModels all = models.models(caller, areaId, null, RETRAININGS);
        Map<String, String> names = taxonomy.taxonomy(caller, areaId).themes().stream()
                .collect(Collectors.toMap(AreaTheme::themeId, AreaTheme::name, (a, b) -> a));
        ThemeModelViews.Active active = all.active();
        Map<String, Object> model = new HashMap<>();
        model.put("title", (errors.isEmpty() ? "" : "Error: ") + "Theme model");
        model.put("done", done);
        model.put("errors", errors);
        model.put("facts", facts(active));
        model.put("realText", active.realText() == null ? null : realText(active.realText()));
        model.put("themes", active.themes().stream().map(t -> themeRow(t, names)).toList());
        model.put("retrainings", all.items().stream().map(ThemeModelPages::retraining).toList());
        model.put("more", all.nextCursor() != null);
        return Pages.areaPage(status, "console/model", request, access, caller, areaId, model);
    }

    private static List<Fact> facts(ThemeModelViews.Active active) {
        return List.of(
                new Fact("In use", "shipped".equals(active.origin()) ? "The model YouSaid ships, trained on SEND texts"
                        : "The area's own model, from retraining " + active.training()),
                new Fact("Version", active.modelVersion()),
                new Fact("Trained", ReviewQueuePages.WHEN.format(active.trainedAt())),
                new Fact("Trained on", active.trainingTexts() + " texts"),
                new Fact("On texts it did not learn from", figures(active.heldOut())));
    }

    private static List<Fact> realText(ThemeTagger.ModelSummary.RealText real) {
        return List.of(
                new Fact("Texts", real.texts() + " (" + real.source() + ")"),
                new Fact("Themes", "F1 " + percent(real.microF1()) + " over all texts, " + percent(real.macroF1())
                        + " on average over themes (" + real.folds() + "-fold cross-validation)"),
                new Fact("Sentiment", percent(real.sentimentAccuracy()) + " right"));
    }

    private static ThemeRow themeRow(ThemeTagger.ModelSummary.ThemeFigure t, Map<String, String> names) {
        ThemeTagger.ModelSummary.RealTextTheme real = t.realText();
        return new ThemeRow(names.getOrDefault(t.theme(), t.theme()), t.examples(), percent(t.heldOutF1()),
                real == null ? "None" : Integer.toString(real.texts()), real == null ? "Not measured" : percent(real.precision()),
                real == null ? "Not measured" : percent(real.recall()), real == null ? "Not measured" : percent(real.f1()));
    }

    private static Retraining retraining(ThemeModelViews.Training t) {
        String[] status = switch (t.status()) {
            case "training" -> new String[] {"Training", "govuk-tag--blue"};
            case "switched" -> new String[] {t.active() ? "In use" : "Switched to, since replaced", "govuk-tag--green"};
            case "kept" -> new String[] {"Not used: the model in use was better", "govuk-tag--grey"};
            default -> new String[] {"Failed", "govuk-tag--red"};
        };
        return new Retraining(t.number(), status[0], status[1], ReviewQueuePages.WHEN.format(t.requestedAt()),
                t.finishedAt() == null ? "Not yet" : ReviewQueuePages.WHEN.format(t.finishedAt()),
                t.corrections() == null ? "" : t.corrections() + " corrections, " + t.heldBack() + " held back to measure on",
                beforeAfter(t.sendTest()), beforeAfter(t.heldBackCorrections()), t.reason() == null ? "" : t.reason());
    }

    private static String beforeAfter(@Nullable ModelTraining.BeforeAfter figures) {
        return figures == null ? "" : "F1 " + percent(figures.before().microF1()) + " before, " + percent(figures.after().microF1())
                + " after (" + figures.after().texts() + " texts)";
    }

    private static String figures(ModelTraining.Figures f) {
        return "F1 " + percent(f.microF1()) + " over all texts, " + percent(f.macroF1()) + " on average over themes (" + f.texts() + " texts)";
    }

    private static String percent(double fraction) {
        return String.format(Locale.UK, "%.0f%%", fraction * 100);
    }
}
