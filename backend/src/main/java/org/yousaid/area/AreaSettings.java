package org.yousaid.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

@MappedEntity("area_settings")
record AreaSettings(
        @Id String areaId,
        @Nullable @TypeDef(type = DataType.JSON) SafeguardingContact safeguardingContact,
        @TypeDef(type = DataType.JSON) List<SupportLine> supportLines,
        Instant updatedAt,
        String updatedBy,
        @Nullable String privacyNoticeUrl,
        @Nullable java.time.LocalDate privacyNoticeUpdatedOn) {

    @Nullable
    PrivacyNotice privacyNotice() {
        return privacyNoticeUrl == null ? null : new PrivacyNotice(privacyNoticeUrl, privacyNoticeUpdatedOn);
    }
}
