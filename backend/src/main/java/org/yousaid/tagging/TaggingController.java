package org.yousaid.tagging;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.yousaid.identity.Caller;
import org.yousaid.tagging.TaggingViews.RetagResult;
import org.yousaid.tagging.TaggingViews.TaggingStatus;

@Controller("/v1/areas/{areaId}/tagging")
@ExecuteOn(TaskExecutors.BLOCKING)
class TaggingController {

    private final TaggingService tagging;

    TaggingController(TaggingService tagging) {
        this.tagging = tagging;
    }

    @Get("/status")
    TaggingStatus getTaggingStatus(Caller caller, String areaId) {
        return tagging.status(caller, areaId);
    }

    @Post("/retag")
    RetagResult retagArea(Caller caller, String areaId) {
        return tagging.retag(caller, areaId);
    }
}
