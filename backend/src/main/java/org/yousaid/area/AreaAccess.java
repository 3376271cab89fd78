package org.yousaid.area;

import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.yousaid.identity.Authenticator;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.shared.ProblemException;

/**
 * The gate every feature passes through: is there such an area, is the caller a member, and may
 * their role do this? Staff-only actions also re-check with Firebase that the sign-in was not
 * revoked, since a forum lead who leaves must lose access at once.
 */
@Singleton
public final class AreaAccess {

    private final AreaRepository areas;
    private final MembershipRepository memberships;
    private final Authenticator authenticator;

    AreaAccess(AreaRepository areas, MembershipRepository memberships, Authenticator authenticator) {
        this.areas = areas;
        this.memberships = memberships;
        this.authenticator = authenticator;
    }

    /** Any member of the area, whatever their role. */
    public CurrentUser member(Caller caller, String areaId) {
        return require(caller, areaId, EnumSet.allOf(Role.class));
    }

    /** A member whose role is one of {@code allowed}. */
    public CurrentUser require(Caller caller, String areaId, Role... allowed) {
        return require(caller, areaId, EnumSet.copyOf(Arrays.asList(allowed)));
    }

    private CurrentUser require(Caller caller, String areaId, Set<Role> allowed) {
        AreaStanding standing = memberships.standing(areaId, caller.uid()).orElseThrow(() -> noSuchArea(areaId));
        if (!standing.settled()) {
            // The member is being erased from the area: wait until that is done, then look again.
            memberships.waitForErasure(areaId, caller.uid());
            standing = memberships.standing(areaId, caller.uid()).orElseThrow(() -> noSuchArea(areaId));
        }
        if (standing.role() == null) {
            throw new ProblemException(AreaProblem.NOT_MEMBER, "You are not a member of local area '" + areaId + "'.");
        }
        Role role = Role.of(standing.role());
        if (!allowed.contains(role)) {
            throw new ProblemException(AreaProblem.ROLE_FORBIDDEN, "Only "
                    + allowed.stream().map(Role::value).collect(Collectors.joining(", "))
                    + " may do this; you are " + role.value() + " here.");
        }
        if (allowed.stream().noneMatch(Role::isFamilyVoice)) {
            authenticator.confirmNotRevoked(caller);
        }
        return new CurrentUser(caller.uid(), areaId, role);
    }

    /** Uids of the families and young people of the area (a cohort to invite). */
    public java.util.List<String> familyVoices(String areaId) {
        return memberships.familyVoices(areaId).stream().map(Membership::uid).toList();
    }

    /** Uids of the area's forum leads (told at once when something needs a person). */
    public java.util.List<String> forumLeads(String areaId) {
        return memberships.withRole(areaId, Role.FORUM_LEAD.value()).stream().map(Membership::uid).toList();
    }

    public java.util.List<String> areaAdmins(String areaId) {
        return memberships.withRole(areaId, Role.AREA_ADMIN.value()).stream().map(Membership::uid).toList();
    }

    /** Where a person works as staff (forum lead, commissioner, area admin): the console's areas. */
    public record StaffPlace(String areaId, String areaName, Role role) {
    }

    public java.util.List<StaffPlace> staffPlaces(String uid) {
        return memberships.staffRoles(uid, 100).stream()
                .map(r -> new StaffPlace(r.areaId(), r.areaName(), Role.of(r.role())))
                .toList();
    }

    /** The role {@code uid} holds in the area, if they are a member. */
    public java.util.Optional<Role> roleOf(String areaId, String uid) {
        return memberships.find(areaId, uid).map(m -> Role.of(m.role()));
    }

    /** The area's name, as reports print it. */
    public String name(String areaId) {
        return areas.find(areaId).map(Area::name).orElseThrow(() -> noSuchArea(areaId));
    }

    /** Refuses an area that does not exist (for callers that are not a signed-in person, e.g. the command line). */
    public void requireArea(String areaId) {
        if (areas.find(areaId).isEmpty()) {
            throw noSuchArea(areaId);
        }
    }

    private static ProblemException noSuchArea(String areaId) {
        return new ProblemException(AreaProblem.NOT_FOUND, "There is no local area '" + areaId + "'.");
    }
}
