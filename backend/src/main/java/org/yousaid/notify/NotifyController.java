package org.yousaid.notify;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.UUID;
import org.yousaid.identity.Caller;

@Controller("/v1/areas/{areaId}")
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
    NotifyViews.DeviceList listMyDevices(Caller caller, String areaId) {
        return notify.mine(caller, areaId);
    }

    @Delete("/me/devices/{deviceId}")
    HttpResponse<Void> unregisterDevice(Caller caller, String areaId, UUID deviceId) {
        notify.unregister(caller, areaId, deviceId);
        return HttpResponse.noContent();
    }

    @Get("/notifications/outbox")
    NotifyViews.OutboxLog getOutboxLog(Caller caller, String areaId) {
        return notify.log(caller, areaId);
    }
}
