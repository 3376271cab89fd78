package org.yousaid.identity;

import io.micronaut.http.HttpStatus;
import org.yousaid.shared.ProblemCode;

public enum AuthProblem implements ProblemCode {
    TOKEN_MISSING("auth.token_missing", HttpStatus.UNAUTHORIZED, "Sign-in required"),
    TOKEN_INVALID("auth.token_invalid", HttpStatus.UNAUTHORIZED, "Sign-in not valid"),
    TOKEN_EXPIRED("auth.token_expired", HttpStatus.UNAUTHORIZED, "Sign-in expired"),
    TOKEN_REVOKED("auth.token_revoked", HttpStatus.UNAUTHORIZED, "Sign-in revoked"),
    USER_DISABLED("auth.user_disabled", HttpStatus.UNAUTHORIZED, "Account disabled"),
    UNAVAILABLE("auth.unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Sign-in check unavailable");

    private final String code;
    private final HttpStatus status;
    private final String title;

    AuthProblem(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public HttpStatus status() { return status; }
    @Override public String title() { return title; }
}
