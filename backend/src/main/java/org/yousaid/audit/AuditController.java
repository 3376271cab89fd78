package org.yousaid.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.validation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yousaid.identity.Caller;
import org.yousaid.shared.Page;

@Controller("/v1/areas/{areaId}/audit")
@Validated
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @Get
    Page<AuditEntry> listAuditLog(Caller caller, String areaId,
                                  @Nullable @QueryValue @Pattern(regexp = "[a-z_]{1,40}(\\.[a-z_]{0,40})?") String action,
                                  @Nullable @QueryValue @Size(max = 200) String cursor,
                                  @QueryValue(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return audit.page(caller, areaId, action, cursor, limit);
    }
}
