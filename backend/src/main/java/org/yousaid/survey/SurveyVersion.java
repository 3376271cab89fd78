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
 * A stored version of a survey, with its definition (a jsonb column) as JSON text, parsed where it
 * is read. Keyed by (area, survey, version) in the table; {@code surveyId} stands for the key here.
 */
@MappedEntity("survey_versions")
record SurveyVersion(String areaId, @Id UUID surveyId, int version, String status,
                     @MappedProperty("definition") @TypeDef(type = DataType.JSON) String definitionJson,
                     Instant createdAt, @Nullable Instant publishedAt, @Nullable Instant retiredAt) {

    static final String DRAFT = "draft";
    static final String PUBLISHED = "published";
    static final String SUPERSEDED = "superseded";
    static final String RETIRED = "retired";

    /** Published versions and the ones they superseded take answers; drafts and retired ones do not. */
    boolean takesAnswers() {
        return PUBLISHED.equals(status) || SUPERSEDED.equals(status);
    }
}
