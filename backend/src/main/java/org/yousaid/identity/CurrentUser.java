package org.yousaid.identity;

/** A caller acting in one local area, with their role there. */
public record CurrentUser(String uid, String areaId, Role role) {
}
