package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.yousaid.shared.Page;
import org.yousaid.identity.Caller;
import org.yousaid.shared.IdempotencyKey;
import org.yousaid.shared.ProblemException;
import org.yousaid.shared.RequestProblem;
import org.yousaid.survey.AnswerViews.AnswerView;
import org.yousaid.survey.SurveyViews.SurveyView;

@Controller("/v1")
@io.micronaut.validation.Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyController {

    private final SurveyService surveys;
    private final AnswerService answers;
    private final ResultsService results;
    private final SurveyTemplates templates;
    private final SurveyService.Json jsonTrees;

    SurveyController(SurveyService surveys, AnswerService answers, ResultsService results, SurveyTemplates templates,
                     SurveyService.Json jsonTrees) {
        this.surveys = surveys;
        this.answers = answers;
        this.results = results;
        this.templates = templates;
        this.jsonTrees = jsonTrees;
    }

    @Get("/survey-templates")
    SurveyViews.TemplateList listSurveyTemplates(Caller caller) {
        return new SurveyViews.TemplateList(templates.summaries());
    }

    @Get("/survey-templates/{templateId}")
    SurveyViews.Template getSurveyTemplate(Caller caller, String templateId) {
        SurveyTemplates.Template t = templates.find(templateId).orElseThrow(() -> new ProblemException(
                SurveyProblem.TEMPLATE_NOT_FOUND, "There is no survey template '" + templateId + "'."));
        return new SurveyViews.Template(t.id(), jsonTrees.tree(t.json()));
    }

    @Post("/areas/{areaId}/surveys")
    HttpResponse<SurveyView> createSurvey(Caller caller, String areaId, @Body SurveyViews.CreateSurveyRequest request) {
        return HttpResponse.status(HttpStatus.CREATED).body(surveys.create(caller, areaId, request.templateId(), request.definition()));
    }

    @Get("/areas/{areaId}/surveys")
    Object listSurveys(Caller caller, String areaId, @Nullable @QueryValue @Size(max = 200) String cursor,
                       @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return surveys.list(caller, areaId, cursor, limit);
    }

    @Get("/areas/{areaId}/surveys/{surveyId}")
    Object getSurvey(Caller caller, String areaId, UUID surveyId) {
        return surveys.get(caller, areaId, surveyId);
    }

    @Put("/areas/{areaId}/surveys/{surveyId}/draft")
    SurveyView saveSurveyDraft(Caller caller, String areaId, UUID surveyId, @Body SurveyViews.DraftRequest request) {
        return surveys.saveDraft(caller, areaId, surveyId, request.definition());
    }

    @Post("/areas/{areaId}/surveys/{surveyId}/publish")
    SurveyView publishSurvey(Caller caller, String areaId, UUID surveyId) {
        return surveys.publish(caller, areaId, surveyId);
    }

    @Post("/areas/{areaId}/surveys/{surveyId}/versions/{version}/retire")
    SurveyView retireSurveyVersion(Caller caller, String areaId, UUID surveyId, int version) {
        return surveys.retire(caller, areaId, surveyId, version);
    }

    @Put("/areas/{areaId}/surveys/{surveyId}/answers/{answerId}")
    HttpResponse<AnswerView> saveSurveyAnswer(Caller caller, String areaId, UUID surveyId, UUID answerId,
                                              @Nullable @Body AnswerViews.AnswerRequest request) {
        if (request == null) {
            throw new ProblemException(RequestProblem.INVALID, "Send the version and the answers.");
        }
        AnswerService.Saved saved = answers.save(caller, areaId, surveyId, answerId, request.version(), request.answers(),
                Boolean.TRUE.equals(request.submit()), Boolean.TRUE.equals(request.quoteConsent()));
        io.micronaut.http.MutableHttpResponse<AnswerView> response =
                HttpResponse.<AnswerView>status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.answer());
        if (saved.replayed()) {
            response.header(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        return response;
    }

    @Get("/areas/{areaId}/surveys/{surveyId}/answers/{answerId}")
    AnswerView getSurveyAnswer(Caller caller, String areaId, UUID surveyId, UUID answerId) {
        AnswerView answer = answers.get(caller, areaId, answerId);
        if (!answer.surveyId().equals(surveyId)) {
            throw new ProblemException(SurveyProblem.ANSWER_NOT_FOUND, "There is no such answer of yours.");
        }
        return answer;
    }

    @Get("/areas/{areaId}/me/answers")
    Page<AnswerView> listMyAnswers(Caller caller, String areaId, @Nullable @QueryValue @Size(max = 200) String cursor,
                                   @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return answers.mine(caller, areaId, cursor, limit);
    }

    @Get("/areas/{areaId}/surveys/{surveyId}/results")
    ResultsViews.SurveyResults getSurveyResults(Caller caller, String areaId, UUID surveyId) {
        return results.results(caller, areaId, surveyId);
    }
}
