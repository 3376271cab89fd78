package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored answer set (partial or submitted), with its answers as stored JSON text and whether the
 * family agreed to have its free-text words quoted, without its name (false unless they said yes).
 */
record SurveyAnswer(String areaId, UUID id, UUID surveyId, int version, String respondentUid, String status,
                    String answersJson, @Nullable String requestHash, Instant startedAt, Instant updatedAt,
                    @Nullable Instant submittedAt, String respondentRole, boolean quoteConsent) {

    static final String PARTIAL = "partial";
    static final String SUBMITTED = "submitted";

    boolean isBy(String uid) {
        return respondentUid.equals(uid);
    }
}
