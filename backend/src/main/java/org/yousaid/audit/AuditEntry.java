package org.yousaid.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One row of the append-only audit log: who did what, to which content, when, and what changed. */
@Serdeable
@MappedEntity("audit_log")
public record AuditEntry(
        @Id UUID id,
        String areaId,
        Instant at,
        String actorUid,
        String action,
        @Nullable String contentType,
        @Nullable String contentId,
        @TypeDef(type = DataType.JSON) Map<String, String> detail) {
}
