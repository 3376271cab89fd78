package org.yousaid.rights;

import io.micronaut.http.HttpStatus;
import org.yousaid.shared.ProblemCode;

public enum RightsProblem implements ProblemCode {
    STAFF_MEMBER("privacy.staff_member", HttpStatus.CONFLICT, "A staff role must be removed first");

    private final String code;
    private final HttpStatus status;
    private final String title;

    RightsProblem(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public HttpStatus status() { return status; }
    @Override public String title() { return title; }
}
