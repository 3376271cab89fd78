package org.yousaid.shared;

import io.micronaut.http.HttpStatus;

public enum IdempotencyProblem implements ProblemCode {
    KEY_MISSING("idempotency.key_missing", HttpStatus.BAD_REQUEST, "Idempotency-Key missing"),
    KEY_INVALID("idempotency.key_invalid", HttpStatus.BAD_REQUEST, "Idempotency-Key not valid"),
    KEY_REUSED("idempotency.key_reused", HttpStatus.CONFLICT, "Idempotency key reused");

    private final String code;
    private final HttpStatus status;
    private final String title;

    IdempotencyProblem(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public HttpStatus status() { return status; }
    @Override public String title() { return title; }
}
