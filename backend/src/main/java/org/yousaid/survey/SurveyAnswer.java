package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/** A stored answer set (partial or submitted), with its answers as stored JSON text. */
record SurveyAnswer(String areaId, UUID id, UUID surveyId, int version, String respondentUid, String status,
                    String answersJson, @Nullable String requestHash, Instant startedAt, Instant updatedAt,
                    @Nullable Instant submittedAt, String respondentRole) {

    static final String PARTIAL = "partial";
    static final String SUBMITTED = "submitted";

    boolean isBy(String uid) {
        return respondentUid.equals(uid);
    }
}
