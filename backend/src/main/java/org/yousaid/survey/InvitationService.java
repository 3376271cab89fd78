package org.yousaid.survey;


import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.area.AreaAccess;
import org.yousaid.identity.Caller;
import org.yousaid.identity.CurrentUser;
import org.yousaid.identity.Role;
import org.yousaid.shared.Pushes;
import io.micronaut.core.annotation.Nullable;
import java.util.function.Function;
import org.yousaid.shared.AuditLog;
import org.yousaid.shared.Cursor;
import org.yousaid.shared.Cursors;
import org.yousaid.shared.Page;
import org.yousaid.shared.IdempotencyKey;
import org.yousaid.shared.ProblemException;
import org.yousaid.survey.InvitationViews.EhcPlanIssuedResult;
import org.yousaid.survey.InvitationViews.InviteResult;
import org.yousaid.survey.SurveyViews.PublishedSurvey;

/**
 * Invitations to answer: a forum lead or commissioner invites a cohort; an "EHC plan issued" event
 * invites that family to the area's EHC plan survey, exactly once per event. Each new invitation
 * queues a push in the same transaction (the outbox); a published survey is also open to every
 * family of the area without an invitation.
 */
@Singleton
public class InvitationService {

    private static final Logger LOG = LoggerFactory.getLogger(InvitationService.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** How long an invitation lasts when nobody says otherwise. */
    public static final int DEFAULT_DAYS = 28;
    /** The Children and Families Act 2014 brought EHC plans in from this day. */
    static final LocalDate FIRST_EHC_PLANS = LocalDate.of(2014, 9, 1);

    private final AreaAccess access;
    private final InvitationStore invitations;
    private final SurveyStore surveys;
    private final SurveyService surveyService;
    private final Pushes notifications;
    private final AuditLog audit;
    private final Clock clock;
    private final Cursors cursors;

    InvitationService(AreaAccess access, InvitationStore invitations, SurveyStore surveys, SurveyService surveyService,
                      Pushes notifications, AuditLog audit, Clock clock, Cursors cursors) {
        this.cursors = cursors;
        this.access = access;
        this.invitations = invitations;
        this.surveys = surveys;
        this.surveyService = surveyService;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public InviteResult invite(Caller caller, String areaId, UUID surveyId, InvitationViews.InviteRequest request) {
        CurrentUser by = access.require(caller, areaId, SurveyService.EDITORS);
        PublishedSurvey survey = surveyService.published(areaId, surveyId).orElseThrow(() -> surveys.survey(areaId, surveyId).isEmpty()
                ? SurveyService.notFound()
                : new ProblemException(SurveyProblem.VERSION_NOT_PUBLISHED, "Publish the survey before inviting anyone."));
        boolean all = Boolean.TRUE.equals(request.allFamilies());
        List<String> uids = request.uids();
        if (all == (uids != null && !uids.isEmpty())) {
            throw invalid("Invite allFamilies or a list of uids, not both and not neither.", Map.of("uids", "or allFamilies: true"));
        }
        int days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
        if (days < 1 || days > 365) {
            throw invalid("An invitation lasts 1 to 365 days.", Map.of("expiresInDays", "1 to 365"));
        }
        List<String> cohort = all ? access.familyVoices(areaId) : uids.stream().distinct().toList();
        if (!all) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (String uid : cohort) {
                if (uid == null || access.roleOf(areaId, uid).filter(Role::isFamilyVoice).isEmpty()) {
                    errors.put(String.valueOf(uid), "not a family or young person of this area");
                }
            }
            if (!errors.isEmpty()) {
                throw invalid("Only families and young people of the area can be invited.", errors);
            }
        }
        Instant now = now();
        int invited = 0;
        int pushes = 0;
        for (String uid : cohort) {
            Optional<UUID> id = invitations.inviteIfNotInvited(areaId, surveyId, uid, "cohort", by.uid(), now, now.plus(Duration.ofDays(days)));
            if (id.isPresent()) {
                invited++;
                pushes += push(areaId, uid, survey, id.get());
            }
        }
        audit.record(areaId, by.uid(), "survey.invite", "survey", surveyId.toString(),
                Map.of("invited", Integer.toString(invited), "cohort", all ? "all_families" : "list"));
        LOG.info("survey.invite area={} survey={} invited={} pushes={}", areaId, surveyId, invited, pushes);
        return new InviteResult(invited, cohort.size() - invited, pushes);
    }

    /** The result, and whether it repeats an event already handled. */
    public record EventRecorded(EhcPlanIssuedResult result, boolean replayed) {
    }

    @Transactional
    public EventRecorded ehcPlanIssued(Caller caller, String areaId, InvitationViews.EhcPlanIssuedRequest request) {
        CurrentUser by = access.require(caller, areaId, Role.COMMISSIONER, Role.AREA_ADMIN);
        String eventId = request.eventId() == null ? "" : request.eventId().strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (eventId.isEmpty() || eventId.length() > 200) {
            errors.put("eventId", "1 to 200 characters, unique per event in your system");
        }
        LocalDate issuedOn = null;
        try {
            issuedOn = request.issuedOn() == null ? null : LocalDate.parse(request.issuedOn());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (issuedOn == null || issuedOn.isAfter(LocalDate.now(clock.withZone(UK))) || issuedOn.isBefore(FIRST_EHC_PLANS)) {
            errors.put("issuedOn", "the date the plan was issued, YYYY-MM-DD, from 2014-09-01 (when EHC plans began) "
                    + "and not in the future");
        }
        String family = request.familyUid();
        if (family == null || access.roleOf(areaId, family).filter(Role::isFamilyVoice).isEmpty()) {
            errors.put("familyUid", "a family or young person of this area");
        }
        if (!errors.isEmpty()) {
            throw invalid("The EHC plan event is not valid; see errors.", errors);
        }
        String hash = IdempotencyKey.fingerprint(eventId, family, issuedOn.toString());
        if (!invitations.recordEvent(areaId, eventId, family, issuedOn, hash, now())) {
            InvitationStore.EhcEvent seen = invitations.event(areaId, eventId).orElseThrow();
            if (!seen.requestHash().equals(hash) || seen.invitationId() == null) {
                throw new ProblemException(SurveyProblem.EVENT_CONFLICT,
                        "Event '" + eventId + "' was already posted with other details.");
            }
            UUID surveyId = invitations.find(areaId, seen.invitationId(), now()).orElseThrow().surveyId();
            return new EventRecorded(new EhcPlanIssuedResult(eventId, seen.invitationId(), surveyId, 0), true);
        }
        PublishedSurvey survey = surveys.surveys(areaId).stream()
                .filter(s -> "ehc_plan".equals(s.kind()))
                .flatMap(s -> surveyService.published(areaId, s.id()).stream())
                .findFirst()
                .orElseThrow(() -> new ProblemException(SurveyProblem.NO_EHC_PLAN_SURVEY,
                        "This area has no published EHC plan survey to invite the family to."));
        Instant now = now();
        Optional<UUID> created = invitations.inviteIfNotInvited(areaId, survey.id(), family, "ehc_plan_issued", by.uid(), now,
                now.plus(Duration.ofDays(DEFAULT_DAYS)));
        UUID invitationId = created.orElseGet(() -> invitations.liveInvitation(areaId, survey.id(), family).orElseThrow());
        invitations.linkEvent(areaId, eventId, invitationId);
        int pushes = created.isPresent() ? push(areaId, family, survey, invitationId) : 0;
        audit.record(areaId, by.uid(), "survey.ehc_plan_issued", "invitation", invitationId.toString(), Map.of("event", eventId));
        LOG.info("survey.ehc_plan_issued area={} invitation={} pushes={}", areaId, invitationId, pushes);
        return new EventRecorded(new EhcPlanIssuedResult(eventId, invitationId, survey.id(), pushes), false);
    }

    @Transactional
    Page<InvitationViews.InvitationView> mine(Caller caller, String areaId, @Nullable String cursor, int limit) {
        CurrentUser me = access.member(caller, areaId);
        Cursors.Listing listing = cursors.listing(caller.uid(), "my-invitations", areaId);
        return listing.page(invitations.byInvitee(areaId, me.uid(), listing.after(cursor), limit + 1, now()), limit,
                i -> new Cursor(i.createdAt(), i.id()), Function.identity());
    }

    @Transactional
    InvitationViews.InvitationView open(Caller caller, String areaId, UUID id) {
        CurrentUser me = access.member(caller, areaId);
        invitations.find(areaId, id, now()).filter(i -> i.inviteeUid().equals(me.uid()))
                .orElseThrow(() -> new ProblemException(SurveyProblem.INVITATION_NOT_FOUND, "You have no such invitation."));
        invitations.opened(areaId, id, now());
        return invitations.find(areaId, id, now()).orElseThrow();
    }

    /**
     * Who was invited and why. An invitation's origin can say a family's EHC plan was just issued, a
     * case event: council staff only, not the forum's volunteers (they have {@link #summary}).
     */
    @Transactional
    public Page<InvitationViews.InvitationView> forSurvey(Caller caller, String areaId, UUID surveyId, @Nullable String cursor,
                                                   int limit) {
        access.require(caller, areaId, Role.COMMISSIONER, Role.AREA_ADMIN);
        surveys.survey(areaId, surveyId).orElseThrow(SurveyService::notFound);
        Cursors.Listing listing = cursors.listing(caller.uid(), "survey-invitations", areaId, surveyId.toString());
        return listing.page(invitations.bySurvey(areaId, surveyId, listing.after(cursor), limit + 1, now()), limit,
                i -> new Cursor(i.createdAt(), i.id()), Function.identity());
    }

    @Transactional
    public InvitationViews.InvitationSummary summary(Caller caller, String areaId, UUID surveyId) {
        access.require(caller, areaId, SurveyService.STAFF);
        surveys.survey(areaId, surveyId).orElseThrow(SurveyService::notFound);
        return invitations.summary(areaId, surveyId, now());
    }

    /** Submitting answers to a survey answers the respondent's invitation to it. */
    @EventListener
    void onAnswered(SurveyAnswered event) {
        invitations.answered(event.areaId(), event.surveyId(), event.answer().respondentUid(), now());
    }

    private int push(String areaId, String uid, PublishedSurvey survey, UUID invitationId) {
        String title = survey.definition().get("title").getStringValue();
        return notifications.push(areaId, uid, "A survey for you: " + title,
                "Tell us what you think. It takes a few minutes and you can stop and carry on later.",
                Map.of("kind", "survey_invitation", "areaId", areaId, "surveyId", survey.id().toString(),
                        "version", Integer.toString(survey.version()), "invitationId", invitationId.toString()));
    }

    private static ProblemException invalid(String detail, Map<String, String> errors) {
        return new ProblemException(SurveyProblem.INVITATION_INVALID, detail, errors);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

}
