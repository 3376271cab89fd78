package org.yousaid.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** RFC 9457 problem document with YouSaid's stable {@code code}. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        @Nullable String detail,
        String code,
        @Nullable Map<String, String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemCode problem, @Nullable String detail, @Nullable Map<String, String> errors) {
        return new Problem("urn:yousaid:problem:" + problem.code(), problem.title(), problem.status().getCode(),
                detail, problem.code(), errors == null || errors.isEmpty() ? null : errors);
    }
}
