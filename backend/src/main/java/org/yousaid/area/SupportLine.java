package org.yousaid.area;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A line a family can turn to: who it is for, how to reach it, when it is open. */
@Serdeable
public record SupportLine(String name, String forWhom, @Nullable String phone, @Nullable String text,
                          @Nullable String url, @Nullable String hours) {
}
