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
     * The answer id in the path is made by the phone, once per answer set. {@code quoteConsent} is the
     * family's yes to "May we quote your words, without your name?"; absent or false is no.
     */
    @Serdeable
    record AnswerRequest(@Nullable Integer version, @Nullable Map<String, Object> answers, @Nullable Boolean submit,
                         @Nullable Boolean quoteConsent) {
    }

    /**
     * An answer set as its respondent sees it, with what they agreed to ({@code quoteConsent}).
     * {@code signposting} is set when what the family wrote raised a safeguarding concern: where to turn now.
     */
    @Serdeable
    record AnswerView(UUID id, UUID surveyId, String areaId, int version, String status, JsonNode answers,
                      boolean quoteConsent, Instant startedAt, Instant updatedAt, @Nullable Instant submittedAt,
                      org.yousaid.content.@Nullable Signpost signposting,
                      List<org.yousaid.content.Answered> whatHappened) {
    }

}
