package org.yousaid.area;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.yousaid.shared.Page;
import org.yousaid.identity.Caller;

@Controller("/v1")
@io.micronaut.validation.Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class AreaController {

    private final MembershipService memberships;

    AreaController(MembershipService memberships) {
        this.memberships = memberships;
    }

    @Get("/areas")
    Page<AreaView> listAreas(Caller caller, @Nullable @QueryValue @Size(max = 200) String cursor,
                             @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return memberships.listAreas(caller, cursor, limit);
    }

    @Get("/me/memberships")
    Page<MembershipView> listMyMemberships(Caller caller, @Nullable @QueryValue @Size(max = 200) String cursor,
                                           @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return memberships.listMine(caller, cursor, limit);
    }

    @Get("/areas/{areaId}/membership")
    MembershipView getMyMembership(Caller caller, String areaId) {
        return memberships.mine(caller, areaId);
    }

    @Put("/areas/{areaId}/membership")
    HttpResponse<MembershipView> joinArea(Caller caller, String areaId, @Valid @Body RoleRequest request) {
        return respond(memberships.join(caller, areaId, request.role()));
    }

    @Put("/areas/{areaId}/members/{uid}")
    HttpResponse<MembershipView> grantRole(Caller caller, String areaId, String uid, @Valid @Body RoleRequest request) {
        return respond(memberships.grant(caller, areaId, uid, request.role()));
    }

    private static HttpResponse<MembershipView> respond(MembershipService.Granted outcome) {
        return HttpResponse.<MembershipView>status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome.membership());
    }
}
