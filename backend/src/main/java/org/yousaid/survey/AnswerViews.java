package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

final class AnswerViews {

    private AnswerViews() {
    }

    /**
     * A partial save ({@code submit} false or absent) or a submission of the answers to one version.
     * The answer id in the path is made by the phone, once per answer set.
     */
    @Serdeable
    record AnswerRequest(@Nullable Integer version, @Nullable Map<String, Object> answers, @Nullable Boolean submit) {
    }

    /** An answer set as its respondent sees it. Nobody else sees individual answers. */
    @Serdeable
    /** {@code signposting} is set when what the family wrote raised a safeguarding concern: where to turn now. */
    record AnswerView(UUID id, UUID surveyId, String areaId, int version, String status, JsonNode answers,
                      Instant startedAt, Instant updatedAt, @Nullable Instant submittedAt,
                      @Nullable org.yousaid.moderation.Signposting.Signpost signposting,
                      List<org.yousaid.response.WhatHappened.Answered> whatHappened) {
    }

}
