package org.yousaid.moderation;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

/** One theme of an area's taxonomy: shipped, added or split off by its forum leads; active, retired or merged. */
@Serdeable
@MappedEntity("area_themes")
public record AreaTheme(String areaId, @Id String themeId, String name, @Nullable String description, String origin,
                 String status, @Nullable String mergedInto) {

    static final String ACTIVE = "active";

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
