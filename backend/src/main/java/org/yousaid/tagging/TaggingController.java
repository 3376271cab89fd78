package org.yousaid.tagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.validation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.yousaid.identity.Caller;
import org.yousaid.tagging.TaggingViews.RetagResult;
import org.yousaid.tagging.TaggingViews.TaggingStatus;

@Controller("/v1/areas/{areaId}/tagging")
@Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class TaggingController {

    private final TaggingService tagging;
    private final ThemeModelService themeModels;

    TaggingController(TaggingService tagging, ThemeModelService themeModels) {
        this.tagging = tagging;
        this.themeModels = themeModels;
    }

    @Get("/models")
    ThemeModelViews.ThemeModels listThemeModels(Caller caller, String areaId,
                                                @Nullable @QueryValue @Size(max = 200) String cursor,
                                                @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return themeModels.models(caller, areaId, cursor, limit);
    }

    @Post("/models/retrain")
    @Status(HttpStatus.ACCEPTED)
    ThemeModelViews.Training retrainThemeModel(Caller caller, String areaId) {
        return themeModels.retrain(caller, areaId);
    }

    @Get("/models/{number}")
    ThemeModelViews.Training getModelTraining(Caller caller, String areaId, @Min(1) int number) {
        return themeModels.training(caller, areaId, number);
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
