package org.yousaid.survey;

import io.micronaut.http.HttpStatus;
import org.yousaid.shared.ProblemCode;

public enum SurveyProblem implements ProblemCode {
    TEMPLATE_NOT_FOUND("survey.template_not_found", HttpStatus.NOT_FOUND, "No such survey template"),
    SURVEY_NOT_FOUND("survey.not_found", HttpStatus.NOT_FOUND, "No such survey"),
    DEFINITION_INVALID("survey.definition_invalid", HttpStatus.BAD_REQUEST, "Survey definition not valid"),
    CREATE_REQUEST_INVALID("survey.create_request_invalid", HttpStatus.BAD_REQUEST, "Give a template or a definition"),
    NO_DRAFT("survey.no_draft", HttpStatus.CONFLICT, "No draft to publish"),
    VERSION_NOT_FOUND("survey.version_not_found", HttpStatus.NOT_FOUND, "No such survey version"),
    VERSION_NOT_PUBLISHED("survey.version_not_published", HttpStatus.CONFLICT, "Survey version not published"),
    VERSION_RETIRED("survey.version_retired", HttpStatus.GONE, "Survey version retired"),
    ANSWER_INVALID("survey.answer_invalid", HttpStatus.BAD_REQUEST, "Answers not valid"),
    ANSWER_CONFLICT("survey.answer_conflict", HttpStatus.CONFLICT, "A different answer was already submitted under this id"),
    ANSWER_NOT_FOUND("survey.answer_not_found", HttpStatus.NOT_FOUND, "No such answer"),
    INVITATION_INVALID("survey.invitation_invalid", HttpStatus.BAD_REQUEST, "Invitation not valid"),
    INVITATION_NOT_FOUND("survey.invitation_not_found", HttpStatus.NOT_FOUND, "No such invitation"),
    NO_EHC_PLAN_SURVEY("survey.no_ehc_plan_survey", HttpStatus.CONFLICT, "No published EHC plan survey"),
    EVENT_CONFLICT("survey.event_conflict", HttpStatus.CONFLICT, "A different event was already posted under this id");

    private final String code;
    private final HttpStatus status;
    private final String title;

    SurveyProblem(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public HttpStatus status() { return status; }
    @Override public String title() { return title; }
}
