package org.yousaid.area;

import org.yousaid.identity.Role;

/**
 * A member's role in an area changed (published in the transaction that changed it), so features
 * that hand out role-bound power (a forum lead's claim on a review item) can take it back at once.
 */
public record MemberRoleChanged(String areaId, String uid, Role from, Role to) {
}
