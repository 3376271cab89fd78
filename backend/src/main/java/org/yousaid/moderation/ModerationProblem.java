package org.yousaid.moderation;

import io.micronaut.http.HttpStatus;
import org.yousaid.shared.ProblemCode;

public enum ModerationProblem implements ProblemCode {
    ALREADY_DECIDED("moderation.already_decided", HttpStatus.CONFLICT, "Already decided"),
    CONTENT_WITHDRAWN("moderation.content_withdrawn", HttpStatus.CONFLICT, "Withdrawn by its author"),
    REASON_INVALID("moderation.reason_invalid", HttpStatus.BAD_REQUEST, "Reason not valid"),
    SAFEGUARDING_REVIEW_REQUIRED("moderation.safeguarding_review_required", HttpStatus.CONFLICT,
            "Safeguarding review required"),
    ANALYSIS_PENDING("moderation.analysis_pending", HttpStatus.CONFLICT, "Analysis not finished"),
    ANALYSIS_FAILED("moderation.analysis_failed", HttpStatus.CONFLICT, "Analysis failed"),
    CASE_NOT_FOUND("moderation.case_not_found", HttpStatus.NOT_FOUND, "No such safeguarding case"),
    NOTE_INVALID("moderation.note_invalid", HttpStatus.BAD_REQUEST, "Note not valid");

    private final String code;
    private final HttpStatus status;
    private final String title;

    ModerationProblem(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public HttpStatus status() { return status; }
    @Override public String title() { return title; }
}
