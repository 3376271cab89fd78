package org.yousaid.area;

import io.micronaut.http.HttpStatus;
import org.yousaid.shared.ProblemCode;

public enum AreaProblem implements ProblemCode {
    NOT_FOUND("area.not_found", HttpStatus.NOT_FOUND, "No such local area"),
    NOT_MEMBER("area.not_member", HttpStatus.FORBIDDEN, "Not a member of this area"),
    ROLE_FORBIDDEN("area.role_forbidden", HttpStatus.FORBIDDEN, "Not allowed for your role"),
    ROLE_NOT_SELF_SERVICE("area.role_not_self_service", HttpStatus.FORBIDDEN, "Role must be granted"),
    ALREADY_MEMBER("area.already_member", HttpStatus.CONFLICT, "Already a member"),
    LAST_ADMIN("area.last_admin", HttpStatus.CONFLICT, "The area's last admin"),
    LAST_FORUM_LEAD("area.last_forum_lead", HttpStatus.CONFLICT, "The area's last forum lead, with work open"),
    SETTINGS_INVALID("area.settings_invalid", HttpStatus.BAD_REQUEST, "Settings not valid");

    private final String code;
    private final HttpStatus status;
    private final String title;

    AreaProblem(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public HttpStatus status() { return status; }
    @Override public String title() { return title; }
}
