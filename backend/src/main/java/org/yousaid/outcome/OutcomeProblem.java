package org.yousaid.outcome;

import io.micronaut.http.HttpStatus;
import org.yousaid.shared.ProblemCode;

public enum OutcomeProblem implements ProblemCode {
    INVALID("outcome.invalid", HttpStatus.BAD_REQUEST, "Outcome or indicator not valid"),
    NOT_FOUND("outcome.not_found", HttpStatus.NOT_FOUND, "No such outcome"),
    INDICATOR_NOT_FOUND("outcome.indicator_not_found", HttpStatus.NOT_FOUND, "No such indicator"),
    PERIOD_INVALID("outcome.period_invalid", HttpStatus.BAD_REQUEST, "Period not valid for this indicator"),
    COMPUTED("outcome.indicator_computed", HttpStatus.CONFLICT, "This indicator is computed");

    private final String code;
    private final HttpStatus status;
    private final String title;

    OutcomeProblem(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public HttpStatus status() { return status; }
    @Override public String title() { return title; }
}
