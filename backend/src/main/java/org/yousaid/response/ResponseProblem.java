package org.yousaid.response;

import io.micronaut.http.HttpStatus;
import org.yousaid.shared.ProblemCode;

public enum ResponseProblem implements ProblemCode {
    INVALID("response.invalid", HttpStatus.BAD_REQUEST, "Response not valid"),
    NOT_FOUND("response.not_found", HttpStatus.NOT_FOUND, "No such response"),
    ACTION_NOT_FOUND("response.action_not_found", HttpStatus.NOT_FOUND, "No such action"),
    CITATION_INVALID("response.citation_invalid", HttpStatus.BAD_REQUEST, "Only published words can be cited"),
    VERSION_CONFLICT("response.version_conflict", HttpStatus.CONFLICT, "The response changed since you saw it"),
    WRONG_STATE("response.wrong_state", HttpStatus.CONFLICT, "Not possible in the response's state"),
    QUARTER_NOT_STARTED("response.quarter_not_started", HttpStatus.BAD_REQUEST, "The quarter has not started yet");

    private final String code;
    private final HttpStatus status;
    private final String title;

    ResponseProblem(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public HttpStatus status() { return status; }
    @Override public String title() { return title; }
}
