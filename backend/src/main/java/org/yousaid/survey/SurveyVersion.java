package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/** A stored version of a survey, with its definition as stored JSON text. */
record SurveyVersion(String areaId, UUID surveyId, int version, String status, String definitionJson,
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
