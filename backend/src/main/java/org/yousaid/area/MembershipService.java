package org.yousaid.area;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.Page;
import io.micronaut.core.annotation.Nullable;
import org.yousaid.shared.ProblemException;
import org.yousaid.shared.RequestProblem;

@Singleton
public class MembershipService {

    static final int MAX_STAFF = 500;

    private static final Logger LOG = LoggerFactory.getLogger(MembershipService.class);

    /** Whether a call created the membership, so the controller can answer 201 or 200. */
    public record Granted(MembershipView membership, boolean created) {
    }

    private final AreaRepository areas;
    private final MembershipRepository memberships;
    private final AreaAccess access;
    private final AuditLog audit;
    private final Cursors cursors;
    private final List<ForumLeadDuties> leadDuties;
    private final ApplicationEventPublisher<MemberRoleChanged> roleChanged;

    private final AreaSettingsService areaSettings;

    MembershipService(AreaRepository areas, MembershipRepository memberships, AreaAccess access, AuditLog audit,
                      Cursors cursors, List<ForumLeadDuties> leadDuties, ApplicationEventPublisher<MemberRoleChanged> roleChanged,
                      AreaSettingsService areaSettings) {
        this.areaSettings = areaSettings;
        this.cursors = cursors;
        this.leadDuties = leadDuties;
        this.roleChanged = roleChanged;
        this.areas = areas;
        this.memberships = memberships;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    Page<AreaView> listAreas(Caller caller, @Nullable String cursor, int limit) {
        Cursors.Listing listing = cursors.listing(caller.uid(), "areas");
        String after = listing.afterKey(cursor);
        List<Area> rows = after == null ? areas.firstPage(limit + 1) : areas.pageAfter(after, limit + 1);
        Map<String, PrivacyNotice> notices = areaSettings.privacyNotices(rows.stream().map(Area::id).toList());
        return listing.pageByKey(rows, limit, Area::id, a -> new AreaView(a.id(), a.name(), notices.get(a.id())));
    }

    @Transactional
    Page<MembershipView> listMine(Caller caller, @Nullable String cursor, int limit) {
        Cursors.Listing listing = cursors.listing(caller.uid(), "my-memberships");
        Cursor after = listing.after(cursor);
        List<Membership> mine = after == null
                ? memberships.listByUid(caller.uid(), limit + 1)
                : memberships.listByUidAfter(caller.uid(), after.at(), after.id(), limit + 1);
        Map<String, Area> byId = mine.isEmpty() ? Map.of() : areas.findAll(mine.stream().map(Membership::areaId).toList())
                .stream().collect(Collectors.toMap(Area::id, Function.identity()));
        return listing.page(mine, limit, m -> new Cursor(m.joinedAt(), m.id()), m -> MembershipView.of(m, byId.get(m.areaId())));
    }

    @Transactional
    MembershipView mine(Caller caller, String areaId) {
        access.member(caller, areaId);
        return view(memberships.find(areaId, caller.uid()).orElseThrow());
    }

    /** A family or young person joins by themselves; doing it again changes nothing. */
    @Transactional
    Granted join(Caller caller, String areaId, String requestedRole) {
        Role role = parseRole(requestedRole);
        if (!role.isFamilyVoice()) {
            throw new ProblemException(AreaProblem.ROLE_NOT_SELF_SERVICE,
                    "You can join as family or young_person; " + role.value() + " is granted by an area admin.");
        }
        access.requireArea(areaId);
        boolean created = memberships.insertIfAbsent(areaId, UUID.randomUUID(), caller.uid(), role.value(), null) == 1;
        Membership membership = memberships.find(areaId, caller.uid()).orElseThrow();
        if (!membership.role().equals(role.value())) {
            throw new ProblemException(AreaProblem.ALREADY_MEMBER,
                    "You are already a member of '" + areaId + "' as " + membership.role() + ".");
        }
        if (created) {
            LOG.info("membership.join area={} role={} anonymous={}", areaId, role.value(), caller.anonymous());
        }
        return new Granted(view(membership), created);
    }

    @Transactional
    public Granted grant(Caller caller, String areaId, String uid, String requestedRole) {
        var admin = access.require(caller, areaId, Role.AREA_ADMIN);
        Role role = parseRole(requestedRole);
        if (uid.isBlank() || uid.length() > 128) {
            throw new ProblemException(RequestProblem.INVALID_PARAMETER, "A uid has 1 to 128 characters.",
                    Map.of("uid", "1 to 128 characters"));
        }
        // Role changes in one area run one after the other, and the checks below read what the one before left.
        areas.lock(areaId).orElseThrow();
        if (!memberships.find(areaId, admin.uid()).map(m -> Role.AREA_ADMIN.value().equals(m.role())).orElse(false)) {
            throw new ProblemException(AreaProblem.ROLE_FORBIDDEN, "You are no longer an area admin here.");
        }
        Optional<Role> before = memberships.find(areaId, uid).map(m -> Role.of(m.role()));
        before.filter(from -> from != role).ifPresent(from -> refuseLeavingNobody(areaId, from));
        boolean created = memberships.insertIfAbsent(areaId, UUID.randomUUID(), uid, role.value(), admin.uid()) == 1;
        if (!created) {
            memberships.updateRole(areaId, uid, role.value(), admin.uid());
        }
        before.filter(from -> from != role).ifPresent(from -> roleChanged.publishEvent(new MemberRoleChanged(areaId, uid, from, role)));
        audit.record(areaId, admin.uid(), "membership.grant", "member", uid, Map.of("role", role.value()));
        return new Granted(view(memberships.find(areaId, uid).orElseThrow()), created);
    }

    /**
     * The area's staff (forum leads, commissioners, area admins), for its area admins, who grant
     * those roles. Families and young people join by themselves and are not listed: an admin has no
     * need of who they are.
     */
    @Transactional
    public List<MembershipView> staff(Caller caller, String areaId) {
        access.require(caller, areaId, Role.AREA_ADMIN);
        Area area = areas.find(areaId).orElseThrow();
        return memberships.staff(areaId, MAX_STAFF).stream().map(m -> MembershipView.of(m, area)).toList();
    }

    /**
     * An area always keeps an admin (nobody else can grant a role), and keeps a forum lead while work
     * only a forum lead can close is open (a safeguarding case nobody could act on).
     */
    private void refuseLeavingNobody(String areaId, Role from) {
        if (from == Role.AREA_ADMIN && memberships.countWithRole(areaId, Role.AREA_ADMIN.value()) <= 1) {
            throw new ProblemException(AreaProblem.LAST_ADMIN,
                    "This is the area's last admin: make someone else area_admin first.");
        }
        if (from == Role.FORUM_LEAD && memberships.countWithRole(areaId, Role.FORUM_LEAD.value()) <= 1) {
            for (ForumLeadDuties duties : leadDuties) {
                long open = duties.open(areaId);
                if (open > 0) {
                    throw new ProblemException(AreaProblem.LAST_FORUM_LEAD, "This is the area's last forum lead, and "
                            + duties.describe() + " are open (" + open + "): make someone else forum_lead first.");
                }
            }
        }
    }

    private MembershipView view(Membership membership) {
        return MembershipView.of(membership, areas.find(membership.areaId()).orElseThrow());
    }

    private static Role parseRole(String value) {
        return Role.fromValue(value).orElseThrow(() -> new ProblemException(RequestProblem.INVALID,
                "'" + value + "' is not a role.", Map.of("role", "one of family, young_person, forum_lead, commissioner, area_admin")));
    }
}
