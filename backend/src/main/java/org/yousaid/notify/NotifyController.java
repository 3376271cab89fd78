package org.yousaid.notify;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.yousaid.shared.Page;
import org.yousaid.shared.Problem;
import org.yousaid.identity.Caller;

@Controller("/v1/areas/{areaId}")
@io.micronaut.validation.Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class NotifyController {

    private final NotifyService notify;

    NotifyController(NotifyService notify) {
        this.notify = notify;
    }

    @Post("/me/devices")
    NotifyViews.DeviceView registerDevice(Caller caller, String areaId, @Body NotifyViews.RegisterDeviceRequest request) {
        return notify.register(caller, areaId, request.token(), request.platform());
    }

    @Get("/me/devices")
    Page<NotifyViews.DeviceView> listMyDevices(Caller caller, String areaId,
                                               @Nullable @QueryValue @Size(max = 200) String cursor,
                                               @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return notify.mine(caller, areaId, cursor, limit);
    }

    /** No body either way, so any Accept a client sends (the contract implies problem+json) is fine. */
    @Delete("/me/devices/{deviceId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE, MediaType.ALL})
    HttpResponse<Void> unregisterDevice(Caller caller, String areaId, UUID deviceId) {
        notify.unregister(caller, areaId, deviceId);
        return HttpResponse.noContent();
    }

    @Get("/notifications/outbox")
    Page<NotifyViews.OutboxEntry> getOutboxLog(Caller caller, String areaId,
                                               @Nullable @QueryValue @Size(max = 200) String cursor,
                                               @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return notify.log(caller, areaId, cursor, limit);
    }
}
