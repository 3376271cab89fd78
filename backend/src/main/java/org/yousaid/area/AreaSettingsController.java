package org.yousaid.area;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.yousaid.identity.Caller;

@Controller("/v1/areas/{areaId}")
@ExecuteOn(TaskExecutors.BLOCKING)
class AreaSettingsController {

    private final AreaSettingsService settings;

    AreaSettingsController(AreaSettingsService settings) {
        this.settings = settings;
    }

    @Serdeable
    record SupportLineList(List<SupportLine> items) {
    }

    @Get("/settings")
    AreaSettingsService.Settings getAreaSettings(Caller caller, String areaId) {
        return settings.get(caller, areaId);
    }

    @Put("/settings")
    AreaSettingsService.Settings putAreaSettings(Caller caller, String areaId, @Body AreaSettingsService.SettingsRequest request) {
        return settings.put(caller, areaId, request);
    }

    @Get("/support-lines")
    SupportLineList listSupportLines(Caller caller, String areaId) {
        return new SupportLineList(settings.supportLinesFor(caller, areaId));
    }
}
