package org.yousaid.moderation;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.UUID;
import org.yousaid.content.ContentType;

/**
 * A forum lead's correction of the themes of one text: the themes it should have, and the text as a
 * forum lead approved it (redactions applied) once there is one.
 */
@MappedEntity("theme_corrections")
record ThemeCorrection(String areaId, ContentType contentType, @Id UUID contentId,
                       @TypeDef(type = DataType.STRING_ARRAY) String[] correctedThemes,
                       @io.micronaut.core.annotation.Nullable String moderatedText) {
}
