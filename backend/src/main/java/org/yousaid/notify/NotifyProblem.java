package org.yousaid.notify;

import io.micronaut.http.HttpStatus;
import org.yousaid.shared.ProblemCode;

public enum NotifyProblem implements ProblemCode {
    DEVICE_INVALID("notify.device_invalid", HttpStatus.BAD_REQUEST, "Device registration not valid"),
    DEVICE_NOT_FOUND("notify.device_not_found", HttpStatus.NOT_FOUND, "No such device");

    private final String code;
    private final HttpStatus status;
    private final String title;

    NotifyProblem(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public HttpStatus status() { return status; }
    @Override public String title() { return title; }
}
