package org.yousaid.rights;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.yousaid.identity.Caller;
import org.yousaid.rights.RightsViews.Erasure;
import org.yousaid.rights.RightsViews.FamilyExport;

@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class RightsController {

    private final FamilyRights rights;

    RightsController(FamilyRights rights) {
        this.rights = rights;
    }

    @Get("/me/export")
    HttpResponse<FamilyExport> exportMe(Caller caller) {
        return HttpResponse.ok(rights.export(caller))
                .header("Content-Disposition", "attachment; filename=\"yousaid-export.json\"");
    }

    @Get("/areas/{areaId}/me/export")
    HttpResponse<FamilyExport> exportMeInArea(Caller caller, String areaId) {
        return HttpResponse.ok(rights.export(caller, areaId))
                .header("Content-Disposition", "attachment; filename=\"yousaid-export-" + areaId + ".json\"");
    }

    @Delete("/me")
    Erasure eraseMe(Caller caller) {
        return rights.eraseEverywhere(caller);
    }

    @Delete("/areas/{areaId}/membership")
    Erasure leaveArea(Caller caller, String areaId) {
        return rights.leave(caller, areaId);
    }
}
