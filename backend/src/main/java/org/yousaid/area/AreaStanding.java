package org.yousaid.area;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** Whether an area exists and, if the caller belongs to it, their role: one query per request. */
@Introspected
record AreaStanding(String areaId, @Nullable String role) {
}
