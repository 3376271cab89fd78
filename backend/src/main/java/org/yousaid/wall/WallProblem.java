package org.yousaid.wall;

import io.micronaut.http.HttpStatus;
import org.yousaid.shared.ProblemCode;

public enum WallProblem implements ProblemCode {
    COMMENT_EMPTY("wall.comment_empty", HttpStatus.BAD_REQUEST, "Comment empty"),
    COMMENT_TOO_LONG("wall.comment_too_long", HttpStatus.BAD_REQUEST, "Comment too long"),
    COMMENT_CONTROL_CHARACTERS("wall.comment_control_characters", HttpStatus.BAD_REQUEST, "Comment has control characters"),
    COMMENT_NOT_FOUND("wall.comment_not_found", HttpStatus.NOT_FOUND, "No such comment"),
    COMMENT_NOT_WITHDRAWABLE("wall.comment_not_withdrawable", HttpStatus.CONFLICT, "Comment cannot be withdrawn"),
    COMMENT_NOT_REVISABLE("wall.comment_not_revisable", HttpStatus.CONFLICT, "Comment cannot be changed"),
    ME_TOO_OWN("wall.me_too_own", HttpStatus.CONFLICT, "Your own comment");

    private final String code;
    private final HttpStatus status;
    private final String title;

    WallProblem(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public HttpStatus status() { return status; }
    @Override public String title() { return title; }
}
