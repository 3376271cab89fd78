package org.yousaid.moderation;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.UUID;

/** A forum lead's correction of the themes of one text: the themes it should have. */
@MappedEntity("theme_corrections")
record ThemeCorrection(String areaId, String contentType, @Id UUID contentId,
                       @TypeDef(type = DataType.STRING_ARRAY) String[] correctedThemes) {
}
