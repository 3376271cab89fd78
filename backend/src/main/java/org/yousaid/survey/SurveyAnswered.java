package org.yousaid.survey;

import java.util.UUID;

/**
 * A respondent submitted an answer set (once; a resubmission publishes nothing). Carries the stored
 * answer set and its version's definition so the survey's own listeners, in the same transaction,
 * read neither again. Never leaves the survey feature: other features hear of it as {@code ContentSubmitted}.
 */
record SurveyAnswered(SurveyAnswer answer, SurveyDefinition definition) {

    String areaId() {
        return answer.areaId();
    }

    UUID surveyId() {
        return answer.surveyId();
    }
}
