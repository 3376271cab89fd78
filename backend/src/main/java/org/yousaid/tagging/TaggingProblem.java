package org.yousaid.tagging;

import io.micronaut.http.HttpStatus;
import org.yousaid.shared.ProblemCode;

public enum TaggingProblem implements ProblemCode {
    TRAINING_RUNNING("tagging.training_running", HttpStatus.CONFLICT, "A retraining is running"),
    TOO_FEW_CORRECTIONS("tagging.too_few_corrections", HttpStatus.CONFLICT, "Too few corrections to retrain"),
    NOTHING_NEW("tagging.nothing_new", HttpStatus.CONFLICT, "Nothing new to learn"),
    TRAINING_NOT_FOUND("tagging.training_not_found", HttpStatus.NOT_FOUND, "No such retraining");

    private final String code;
    private final HttpStatus status;
    private final String title;

    TaggingProblem(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public HttpStatus status() { return status; }
    @Override public String title() { return title; }
}
