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
import java.util.List;
import org.yousaid.identity.Caller;

@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class AreaController {

    private final MembershipService memberships;

    AreaController(MembershipService memberships) {
        this.memberships = memberships;
    }

    @Get("/areas")
    List<AreaView> listAreas(Caller caller) {
        return memberships.listAreas();
    }

    @Get("/me/memberships")
    List<MembershipView> listMyMemberships(Caller caller) {
        return memberships.listMine(caller);
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

    private static HttpResponse<MembershipView> respond(MembershipService.Outcome outcome) {
        return HttpResponse.<MembershipView>status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome.membership());
    }
}
