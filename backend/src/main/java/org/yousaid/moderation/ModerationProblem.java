package org.yousaid.moderation;

import io.micronaut.http.HttpStatus;
import org.yousaid.shared.ProblemCode;

public enum ModerationProblem implements ProblemCode {
    ALREADY_DECIDED("moderation.already_decided", HttpStatus.CONFLICT, "Already decided"),
    COMMENT_MUST_BE_DECIDED("moderation.comment_must_be_decided", HttpStatus.CONFLICT, "A comment is published, rejected or sent back"),
    CONTENT_WITHDRAWN("moderation.content_withdrawn", HttpStatus.CONFLICT, "Withdrawn by its author"),
    CONTENT_ERASED("moderation.content_erased", HttpStatus.CONFLICT, "Erased"),
    REASON_INVALID("moderation.reason_invalid", HttpStatus.BAD_REQUEST, "Reason not valid"),
    SAFEGUARDING_REVIEW_REQUIRED("moderation.safeguarding_review_required", HttpStatus.CONFLICT,
            "Safeguarding review required"),
    ANALYSIS_PENDING("moderation.analysis_pending", HttpStatus.CONFLICT, "Analysis not finished"),
    ANALYSIS_FAILED("moderation.analysis_failed", HttpStatus.CONFLICT, "Analysis failed"),
    CASE_NOT_FOUND("moderation.case_not_found", HttpStatus.NOT_FOUND, "No such safeguarding case"),
    NOTE_INVALID("moderation.note_invalid", HttpStatus.BAD_REQUEST, "Note not valid"),
    ITEM_NOT_FOUND("moderation.item_not_found", HttpStatus.NOT_FOUND, "No such item to moderate"),
    VERSION_REQUIRED("moderation.version_required", HttpStatus.BAD_REQUEST, "Version required"),
    VERSION_CONFLICT("moderation.version_conflict", HttpStatus.CONFLICT, "Changed since you read it"),
    CLAIMED("moderation.claimed", HttpStatus.CONFLICT, "Another forum lead is on it"),
    PROPOSAL_UNKNOWN("moderation.proposal_unknown", HttpStatus.CONFLICT, "Not a proposed redaction"),
    REDACTION_INVALID("moderation.redaction_invalid", HttpStatus.BAD_REQUEST, "Redaction not valid"),
    TEXT_INVALID("moderation.text_invalid", HttpStatus.BAD_REQUEST, "Text not valid"),
    NO_SAFEGUARDING_CONTACT("moderation.no_safeguarding_contact", HttpStatus.CONFLICT, "No safeguarding contact named"),
    CRITICALITY_INVALID("moderation.criticality_invalid", HttpStatus.BAD_REQUEST, "Criticality not valid"),
    THEMES_INVALID("moderation.themes_invalid", HttpStatus.BAD_REQUEST, "Themes not valid"),
    THEME_INVALID("moderation.theme_invalid", HttpStatus.BAD_REQUEST, "Theme change not valid"),
    THEME_EXISTS("moderation.theme_exists", HttpStatus.CONFLICT, "Theme exists"),
    THEME_NOT_FOUND("moderation.theme_not_found", HttpStatus.NOT_FOUND, "No such active theme"),
    NO_QUOTE_CONSENT("moderation.no_quote_consent", HttpStatus.CONFLICT, "The family did not agree to be quoted");

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
