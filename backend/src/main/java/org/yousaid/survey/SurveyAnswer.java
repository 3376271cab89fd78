package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored answer set (partial or submitted), with its answers as their canonical JSON (the column
 * is jsonb; the text is what the request hash was taken over) and whether the family agreed to have
 * its free-text words quoted, without its name (false unless they said yes).
 */
@MappedEntity("survey_answers")
record SurveyAnswer(String areaId, @Id UUID id, UUID surveyId, int version, String respondentUid, String status,
                    @MappedProperty("answers") @TypeDef(type = DataType.JSON) String answersJson,
                    @Nullable String requestHash, Instant startedAt, Instant updatedAt,
                    @Nullable Instant submittedAt, String respondentRole, boolean quoteConsent) {

    static final String PARTIAL = "partial";
    static final String SUBMITTED = "submitted";

    boolean isBy(String uid) {
        return respondentUid.equals(uid);
    }
}
