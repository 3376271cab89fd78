package org.yousaid.response;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.validation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.yousaid.identity.Caller;
import org.yousaid.shared.Page;

@Controller("/v1/areas/{areaId}")
@Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class ResponseController {

    private final ResponseService responses;
    private final ActionService actions;
    private final LoopService loop;
    private final ReadabilityService readability;

    ResponseController(ResponseService responses, ActionService actions, LoopService loop, ReadabilityService readability) {
        this.responses = responses;
        this.actions = actions;
        this.loop = loop;
        this.readability = readability;
    }

    @Get("/responses")
    Page<ResponseViews.ResponseSummary> listResponses(Caller caller, String areaId,
            @Nullable @QueryValue @Pattern(regexp = "draft|awaiting_sign_off|changes_requested|signed_off|published") String status,
            @Nullable @QueryValue @Pattern(regexp = "[a-z][a-z0-9_]{0,63}") String theme,
            @Nullable @QueryValue @Size(max = 200) String cursor,
            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return responses.list(caller, areaId, status, theme, cursor, limit);
    }

    @Post("/responses")
    @Status(HttpStatus.CREATED)
    ResponseViews.ResponseView createResponse(Caller caller, String areaId, @Body ResponseViews.ResponseRequest request) {
        return responses.create(caller, areaId, request);
    }

    @Get("/responses/{responseId}")
    ResponseViews.ResponseView getResponse(Caller caller, String areaId, UUID responseId) {
        return responses.get(caller, areaId, responseId);
    }

    @Put("/responses/{responseId}")
    ResponseViews.ResponseView updateResponse(Caller caller, String areaId, UUID responseId,
                                              @Body ResponseViews.ResponseRequest request) {
        return responses.update(caller, areaId, responseId, request);
    }

    @Post("/responses/{responseId}/submit")
    ResponseViews.ResponseView submitResponseForReview(Caller caller, String areaId, UUID responseId,
                                                       @Body ResponseViews.StepRequest request) {
        return responses.submit(caller, areaId, responseId, request);
    }

    @Post("/responses/{responseId}/sign-off")
    ResponseViews.ResponseView signOffResponse(Caller caller, String areaId, UUID responseId,
                                               @Body ResponseViews.StepRequest request) {
        return responses.signOff(caller, areaId, responseId, request);
    }

    @Post("/responses/{responseId}/send-back")
    ResponseViews.ResponseView sendBackResponse(Caller caller, String areaId, UUID responseId,
                                                @Body ResponseViews.StepRequest request) {
        return responses.sendBack(caller, areaId, responseId, request);
    }

    @Post("/responses/{responseId}/publish")
    ResponseViews.ResponseView publishResponse(Caller caller, String areaId, UUID responseId,
                                               @Body ResponseViews.StepRequest request) {
        return responses.publish(caller, areaId, responseId, request);
    }

    @Get("/responses/{responseId}/readability")
    ResponseViews.Readability getResponseReadability(Caller caller, String areaId, UUID responseId) {
        return readability.check(caller, areaId, responseId);
    }

    @Get("/responses/{responseId}/revisions")
    ResponseViews.Revisions listResponseRevisions(Caller caller, String areaId, UUID responseId) {
        return responses.revisions(caller, areaId, responseId);
    }

    @Post("/responses/{responseId}/actions")
    @Status(HttpStatus.CREATED)
    ResponseViews.AddedActionView addResponseAction(Caller caller, String areaId, UUID responseId,
                                                    @Body ResponseViews.ActionRequest request) {
        return actions.add(caller, areaId, responseId, request);
    }

    @Post("/responses/{responseId}/actions/{actionId}/progress")
    ResponseViews.ActionView recordActionProgress(Caller caller, String areaId, UUID responseId, UUID actionId,
                                                  @Body ResponseViews.ActionProgressRequest request) {
        return actions.progress(caller, areaId, responseId, actionId, request);
    }

    @Get("/me/responses")
    Page<ResponseViews.ResponseToMe> listResponsesToMe(Caller caller, String areaId,
                                                       @Nullable @QueryValue @Size(max = 200) String cursor,
                                                       @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return loop.toMe(caller, areaId, cursor, limit);
    }

    @Get("/loop-metrics")
    LoopMetrics getLoopMetrics(Caller caller, String areaId, @QueryValue @Pattern(regexp = "[0-9]{4}-Q[1-4]") String quarter) {
        return responses.loopMetrics(caller, areaId, quarter);
    }

    @Get("/me/loop-updates")
    ResponseViews.LoopUpdates getLoopUpdates(Caller caller, String areaId) {
        return loop.updates(caller, areaId);
    }

    @Put("/me/loop-updates")
    ResponseViews.LoopUpdates putLoopUpdates(Caller caller, String areaId, @Body ResponseViews.LoopUpdates request) {
        return loop.setUpdates(caller, areaId, request);
    }
}
