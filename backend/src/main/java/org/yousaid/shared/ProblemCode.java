package org.yousaid.shared;

import io.micronaut.http.HttpStatus;

/**
 * A stable error code of the public API. Each feature declares its own enum; every code is listed
 * in the OpenAPI contract, and a published code never changes meaning.
 */
public interface ProblemCode {

    /** The dotted code clients switch on, e.g. {@code wall.comment_too_long}. */
    String code();

    HttpStatus status();

    /** A short human summary that does not vary between occurrences. */
    String title();
}
