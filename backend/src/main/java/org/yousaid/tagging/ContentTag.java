package org.yousaid.tagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yousaid.content.ContentType;

/** The latest tags of one text as stored: one row per text, replaced on re-tagging. */
@MappedEntity("content_tags")
record ContentTag(
        String areaId,
        ContentType contentType,
        @Id UUID contentId,
        String modelVersion,
        @TypeDef(type = DataType.JSON) List<Tags.Theme> themes,
        @TypeDef(type = DataType.JSON) List<Tags.Theme> suggestedThemes,
        @Nullable Short sentiment,
        @Nullable Float sentimentConfidence,
        @TypeDef(type = DataType.JSON) List<Tags.Redaction> redactions,
        boolean safeguardingFlagged,
        @TypeDef(type = DataType.JSON) List<Tags.Reason> safeguardingReasons,
        Instant taggedAt) {

    Tags tags() {
        return new Tags(modelVersion, themes, suggestedThemes, sentiment == null ? null : sentiment.intValue(),
                // Stored as a real; three decimals are all a moderator reads.
                sentimentConfidence == null ? null : Math.round(sentimentConfidence * 1000) / 1000.0,
                redactions, new Tags.Safeguarding(safeguardingFlagged, safeguardingReasons));
    }
}
