package org.yousaid.survey;

import java.util.UUID;

/** A respondent submitted an answer set (once; a resubmission publishes nothing). */
public record SurveyAnswered(String areaId, UUID surveyId, UUID answerId, int version) {
}
