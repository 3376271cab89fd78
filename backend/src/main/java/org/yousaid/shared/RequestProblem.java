package org.yousaid.shared;

import io.micronaut.http.HttpStatus;

/** Problems with the request as such, before any feature's rules apply, and server-side failures. */
public enum RequestProblem implements ProblemCode {
    MALFORMED_JSON("request.malformed_json", HttpStatus.BAD_REQUEST, "Malformed JSON"),
    UNKNOWN_FIELD("request.unknown_field", HttpStatus.BAD_REQUEST, "Unknown field"),
    INVALID("request.invalid", HttpStatus.BAD_REQUEST, "Invalid request"),
    MISSING_PARAMETER("request.missing_parameter", HttpStatus.BAD_REQUEST, "Missing parameter"),
    INVALID_PARAMETER("request.invalid_parameter", HttpStatus.BAD_REQUEST, "Invalid parameter"),
    TOO_LARGE("request.too_large", HttpStatus.REQUEST_ENTITY_TOO_LARGE, "Request too large"),
    URI_TOO_LONG("request.uri_too_long", HttpStatus.REQUEST_URI_TOO_LONG, "Address too long"),
    HEADERS_TOO_LARGE("request.headers_too_large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Headers too large"),
    MALFORMED("request.malformed", HttpStatus.BAD_REQUEST, "Malformed request"),
    UNSUPPORTED_MEDIA_TYPE("request.unsupported_media_type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    NOT_ACCEPTABLE("request.not_acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    NOT_FOUND("request.not_found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("request.method_not_allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    CONFLICT("request.conflict", HttpStatus.CONFLICT, "Conflict"),
    RETRY("request.retry", HttpStatus.SERVICE_UNAVAILABLE, "Try again"),
    TOO_MANY("request.too_many", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INTERNAL("server.internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    UNAVAILABLE("server.unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

    private final String code;
    private final HttpStatus status;
    private final String title;

    RequestProblem(String code, HttpStatus status, String title) {
        this.code = code;
        this.status = status;
        this.title = title;
    }

    @Override public String code() { return code; }
    @Override public HttpStatus status() { return status; }
    @Override public String title() { return title; }
}
