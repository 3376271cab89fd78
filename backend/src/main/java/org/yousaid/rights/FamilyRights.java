package org.yousaid.rights;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.area.AreaAccess;
import org.yousaid.area.AreaSettingsService;
import org.yousaid.area.MemberRecords;
import org.yousaid.content.ContentErased;
import org.yousaid.content.ContentRef;
import org.yousaid.content.ContentSource;
import org.yousaid.content.ContentSources;
import org.yousaid.content.MyWords;
import org.yousaid.identity.Caller;
import org.yousaid.identity.Role;
import org.yousaid.notify.PushRecords;
import org.yousaid.response.ReachRecords;
import org.yousaid.rights.RightsViews.AreaErasure;
import org.yousaid.rights.RightsViews.AreaExport;
import org.yousaid.rights.RightsViews.Consent;
import org.yousaid.rights.RightsViews.Erasure;
import org.yousaid.rights.RightsViews.ExportedMeToo;
import org.yousaid.rights.RightsViews.ExportedText;
import org.yousaid.rights.RightsViews.FamilyExport;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.ProblemException;
import org.yousaid.survey.InvitationRecords;

/**
 * A family's export and erasure. Everything is scoped to the caller's own uid: there is no way to
 * name another person, so staff cannot export or erase anyone but themselves. Family text is reached
 * only through the {@link ContentSource}s; the other records through each feature's own records.
 */
@Singleton
class FamilyRights {

    private static final Logger LOG = LoggerFactory.getLogger(FamilyRights.class);
    /** Who the audit log says acted: the family, whom it no longer names. */
    static final String ERASED_ACTOR = "family-request";

    private final AreaAccess access;
    private final MemberRecords members;
    private final AreaSettingsService settings;
    private final ContentSources contents;
    private final MyWords myWords;
    private final PushRecords pushes;
    private final InvitationRecords invitations;
    private final ReachRecords reach;
    private final ApplicationEventPublisher<ContentErased> erased;
    private final AuditLog audit;
    private final Clock clock;

    FamilyRights(AreaAccess access, MemberRecords members, AreaSettingsService settings, ContentSources contents, MyWords myWords, PushRecords pushes,
                 InvitationRecords invitations, ReachRecords reach, ApplicationEventPublisher<ContentErased> erased,
                 AuditLog audit, Clock clock) {
        this.access = access;
        this.members = members;
        this.settings = settings;
        this.contents = contents;
        this.myWords = myWords;
        this.pushes = pushes;
        this.invitations = invitations;
        this.reach = reach;
        this.erased = erased;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    FamilyExport export(Caller caller) {
        List<AreaExport> areas = members.of(caller.uid()).stream().map(m -> areaExport(m, caller.uid())).toList();
        return new FamilyExport(now(), caller.uid(), areas);
    }

    /** One area's; not being a member there is the same refusal as anywhere else in the area. */
    @Transactional
    FamilyExport export(Caller caller, String areaId) {
        access.member(caller, areaId);
        MemberRecords.Held held = members.in(areaId, caller.uid()).orElseThrow();
        return new FamilyExport(now(), caller.uid(), List.of(areaExport(held, caller.uid())));
    }

    private AreaExport areaExport(MemberRecords.Held m, String uid) {
        String areaId = m.areaId();
        List<ExportedText> texts = new ArrayList<>();
        List<ExportedMeToo> meToos = new ArrayList<>();
        List<Consent> consents = new ArrayList<>();
        for (ContentSource source : contents.all()) {
            List<ContentSource.Authored> authored = source.authoredBy(areaId, uid);
            Map<UUID, MyWords.Fate> fates = myWords.of(areaId, uid, source.type(),
                    authored.stream().map(ContentSource.Authored::id).toList());
            for (ContentSource.Authored a : authored) {
                MyWords.Fate fate = fates.getOrDefault(a.id(), MyWords.Fate.UNSEEN);
                texts.add(new ExportedText(source.type(), a.id(), a.status(),
                        fate.review() == null ? null : fate.review().state(), fate.review() == null ? null : fate.review().reason(),
                        fate.review() == null ? null : fate.review().decidedAt(), a.authorRole(), a.submittedAt(), a.text(),
                        a.publishedText(), a.withdrawnAt(), a.about(), fate.signposting(), fate.whatHappened()));
                if (a.quotingAgreedAt() != null) {
                    consents.add(new Consent("quote_survey_words", source.type(), a.id(), a.quotingAgreedAt()));
                }
            }
            source.secondedBy(areaId, uid).forEach(s -> meToos.add(new ExportedMeToo(source.type(), s.contentId(), s.at())));
        }
        return new AreaExport(areaId, m.areaName(), m.role(), m.joinedAt(), settings.privacyNotice(areaId).orElse(null),
                reach.mutedAt(areaId, uid).orElse(null), texts, meToos, reach.of(areaId, uid), pushes.devices(areaId, uid),
                pushes.pushes(areaId, uid), invitations.of(areaId, uid), consents);
    }

    /** Erases the caller from every area, or refuses before touching anything if they are staff anywhere. */
    @Transactional
    Erasure eraseEverywhere(Caller caller) {
        List<MemberRecords.Held> held = members.of(caller.uid());
        held.forEach(FamilyRights::refuseStaff);
        Instant at = now();
        List<AreaErasure> erased = new ArrayList<>();
        for (MemberRecords.Held m : held) {
            holdOff(m.areaId(), caller.uid()).ifPresent(still -> erased.add(erase(m.areaId(), caller.uid(), at)));
        }
        return new Erasure(at, erased);
    }

    /** Leaving an area erases what the caller said there; leaving one they are not in erases nothing. */
    @Transactional
    Erasure leave(Caller caller, String areaId) {
        access.requireArea(areaId);
        members.in(areaId, caller.uid()).ifPresent(FamilyRights::refuseStaff);
        Instant at = now();
        return new Erasure(at, holdOff(areaId, caller.uid()).map(m -> List.of(erase(areaId, caller.uid(), at))).orElse(List.of()));
    }

    /**
     * Waits for the family's requests in flight in the area and holds off new ones until this
     * transaction ends (a comment posted while erasing is stored before the erasure looks, or
     * refused after it), then reads the membership again: an erasure running alongside may have
     * taken it already.
     */
    private Optional<MemberRecords.Held> holdOff(String areaId, String uid) {
        members.holdOffRequests(areaId, uid);
        return members.in(areaId, uid);
    }

    private AreaErasure erase(String areaId, String uid, Instant at) {
        int texts = 0;
        int meToos = 0;
        for (ContentSource source : contents.all()) {
            meToos += source.secondedBy(areaId, uid).size();
            List<UUID> ids = source.erase(areaId, uid, at);
            texts += ids.size();
            ids.forEach(id -> erased.publishEvent(new ContentErased(new ContentRef(areaId, source.type(), id),
                    ContentErased.Why.FAMILY_REQUEST)));
        }
        int devices = pushes.forgetDevices(areaId, uid);
        int notifications = pushes.forgetPushes(areaId, uid);
        int invited = invitations.forget(areaId, uid);
        invitations.forgetPlanEvents(areaId, uid);
        reach.forgetReach(areaId, uid);
        reach.forgetNotices(areaId, uid);
        reach.forgetMute(areaId, uid);
        members.leave(areaId, uid);
        audit.record(areaId, ERASED_ACTOR, "privacy.erased", null, null, Map.of("texts", Integer.toString(texts),
                "meToos", Integer.toString(meToos), "devices", Integer.toString(devices),
                "notifications", Integer.toString(notifications), "invitations", Integer.toString(invited)));
        LOG.info("privacy.erased area={} texts={} meToos={} devices={}", areaId, texts, meToos, devices);
        return new AreaErasure(areaId, texts, meToos, devices, notifications, invited);
    }

    private static void refuseStaff(MemberRecords.Held m) {
        if (Role.fromValue(m.role()).filter(r -> !r.isFamilyVoice()).isPresent()) {
            throw new ProblemException(RightsProblem.STAFF_MEMBER, "You hold the " + m.role().replace('_', ' ')
                    + " role in " + m.areaName() + ". Ask an area admin there to remove it first (if you are its only "
                    + "area admin, give the role to someone else first); then you can erase what YouSaid holds about you.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
