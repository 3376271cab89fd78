package org.yousaid.area;

import io.micronaut.core.annotation.Introspected;

/** A staff role a person holds, with its area's name (a projection). */
@Introspected
record StaffRole(String areaId, String areaName, String role) {
}
