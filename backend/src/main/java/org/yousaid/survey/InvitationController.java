package org.yousaid.survey;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.yousaid.shared.Page;
import org.yousaid.identity.Caller;
import org.yousaid.shared.IdempotencyKey;

@Controller("/v1/areas/{areaId}")
@io.micronaut.validation.Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class InvitationController {

    private final InvitationService invitations;

    InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Post("/surveys/{surveyId}/invitations")
    InvitationViews.InviteResult inviteToSurvey(Caller caller, String areaId, UUID surveyId,
                                                @Body InvitationViews.InviteRequest request) {
        return invitations.invite(caller, areaId, surveyId, request);
    }

    @Get("/surveys/{surveyId}/invitations")
    Page<InvitationViews.InvitationView> listSurveyInvitations(Caller caller, String areaId, UUID surveyId,
                                                              @Nullable @QueryValue @Size(max = 200) String cursor,
                                                              @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return invitations.forSurvey(caller, areaId, surveyId, cursor, limit);
    }

    @Get("/surveys/{surveyId}/invitations/summary")
    InvitationViews.InvitationSummary getSurveyInvitationSummary(Caller caller, String areaId, UUID surveyId) {
        return invitations.summary(caller, areaId, surveyId);
    }

    @Post("/events/ehc-plan-issued")
    HttpResponse<InvitationViews.EhcPlanIssuedResult> ehcPlanIssued(Caller caller, String areaId,
                                                                   @Body InvitationViews.EhcPlanIssuedRequest request) {
        InvitationService.EventRecorded outcome = invitations.ehcPlanIssued(caller, areaId, request);
        MutableHttpResponse<InvitationViews.EhcPlanIssuedResult> response =
                HttpResponse.<InvitationViews.EhcPlanIssuedResult>status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                        .body(outcome.result());
        if (outcome.replayed()) {
            response.header(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        return response;
    }

    @Get("/me/invitations")
    Page<InvitationViews.InvitationView> listMyInvitations(Caller caller, String areaId,
                                                          @Nullable @QueryValue @Size(max = 200) String cursor,
                                                          @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return invitations.mine(caller, areaId, cursor, limit);
    }

    @Post("/me/invitations/{invitationId}/open")
    InvitationViews.InvitationView openInvitation(Caller caller, String areaId, UUID invitationId) {
        return invitations.open(caller, areaId, invitationId);
    }
}
