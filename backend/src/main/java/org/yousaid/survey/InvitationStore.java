package org.yousaid.survey;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.shared.Cursor;

/** Invitations and EHC-plan events. Every statement names the area. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface InvitationStore extends GenericRepository<InvitationStore.Invitation, UUID> {

    @MappedEntity("invitations")
    record Invitation(String areaId, @Id UUID id, UUID surveyId, String inviteeUid, String origin, String state,
                      Instant createdAt, @Nullable Instant openedAt, @Nullable Instant answeredAt, Instant expiresAt) {

        /** An invitation past its date that was never answered reads as expired, whether or not a write closed it yet. */
        InvitationViews.InvitationView view(Instant now) {
            boolean lapsed = ("sent".equals(state) || "opened".equals(state)) && !expiresAt.isAfter(now);
            return new InvitationViews.InvitationView(id, areaId, surveyId, inviteeUid, origin, lapsed ? "expired" : state,
                    createdAt, openedAt, answeredAt, expiresAt);
        }
    }

    @Introspected
    record EhcEvent(@Nullable UUID invitationId, String requestHash) {
    }

    @Introspected
    record StateCounts(long invited, long waiting, long opened, long answered, long expired) {
    }

    /**
     * Invites unless the family already has a live invitation to this survey (an expired one is
     * closed first); returns the new invitation's id, or empty.
     */
    default Optional<UUID> inviteIfNotInvited(String areaId, UUID surveyId, String uid, String origin, String by, Instant now,
                                              Instant expiresAt) {
        closeLapsed(areaId, surveyId, uid, now);
        UUID id = UUID.randomUUID();
        return insertIfNoLive(areaId, id, surveyId, uid, origin, by, now, expiresAt) == 1 ? Optional.of(id) : Optional.empty();
    }

    @Query("""
            update invitations set state = 'expired' where area_id = :areaId and survey_id = :surveyId and invitee_uid = :uid
              and state in ('sent', 'opened') and expires_at <= :now""")
    int closeLapsed(String areaId, UUID surveyId, String uid, Instant now);

    @Query("""
            insert into invitations (area_id, id, survey_id, invitee_uid, origin, state, created_by, created_at, expires_at)
            values (:areaId, :id, :surveyId, :uid, :origin, 'sent', :by, :now, :expiresAt)
            on conflict (area_id, survey_id, invitee_uid) where state in ('sent', 'opened') do nothing""")
    int insertIfNoLive(String areaId, UUID id, UUID surveyId, String uid, String origin, String by, Instant now, Instant expiresAt);

    @Query("""
            select id from invitations
            where area_id = :areaId and survey_id = :surveyId and invitee_uid = :uid and state in ('sent', 'opened')""")
    Optional<UUID> liveInvitation(String areaId, UUID surveyId, String uid);

    /** Newest first, before the given position (null for the first page). */
    default List<InvitationViews.InvitationView> byInvitee(String areaId, String uid, @Nullable Cursor before, int limit, Instant now) {
        List<Invitation> rows = before == null ? byInvitee(areaId, uid, limit)
                : byInviteeBefore(areaId, uid, before.at(), before.id(), limit);
        return rows.stream().map(i -> i.view(now)).toList();
    }

    @Query("select * from invitations where area_id = :areaId and invitee_uid = :uid order by created_at desc, id desc limit :limit")
    List<Invitation> byInvitee(String areaId, String uid, int limit);

    @Query("""
            select * from invitations where area_id = :areaId and invitee_uid = :uid and (created_at, id) < (:beforeAt, :beforeId)
            order by created_at desc, id desc limit :limit""")
    List<Invitation> byInviteeBefore(String areaId, String uid, Instant beforeAt, UUID beforeId, int limit);

    /** Oldest first, after the given position (null for the first page). */
    default List<InvitationViews.InvitationView> bySurvey(String areaId, UUID surveyId, @Nullable Cursor after, int limit, Instant now) {
        List<Invitation> rows = after == null ? bySurvey(areaId, surveyId, limit)
                : bySurveyAfter(areaId, surveyId, after.at(), after.id(), limit);
        return rows.stream().map(i -> i.view(now)).toList();
    }

    @Query("select * from invitations where area_id = :areaId and survey_id = :surveyId order by created_at, id limit :limit")
    List<Invitation> bySurvey(String areaId, UUID surveyId, int limit);

    @Query("""
            select * from invitations where area_id = :areaId and survey_id = :surveyId and (created_at, id) > (:afterAt, :afterId)
            order by created_at, id limit :limit""")
    List<Invitation> bySurveyAfter(String areaId, UUID surveyId, Instant afterAt, UUID afterId, int limit);

    /** Counts by state, reading a past-date unanswered invitation as expired (as the views do). */
    default InvitationViews.InvitationSummary summary(String areaId, UUID surveyId, Instant now) {
        StateCounts c = counts(areaId, surveyId, now);
        return InvitationViews.InvitationSummary.of(c.invited(), c.waiting(), c.opened(), c.answered(), c.expired());
    }

    @Query("""
            select count(*) as invited,
                   count(*) filter (where state in ('sent', 'opened') and expires_at > :now) as waiting,
                   count(*) filter (where opened_at is not null) as opened,
                   count(*) filter (where state = 'answered') as answered,
                   count(*) filter (where state = 'expired' or (state in ('sent', 'opened') and expires_at <= :now)) as expired
            from invitations where area_id = :areaId and survey_id = :surveyId""")
    StateCounts counts(String areaId, UUID surveyId, Instant now);

    default Optional<InvitationViews.InvitationView> find(String areaId, UUID id, Instant now) {
        return find(areaId, id).map(i -> i.view(now));
    }

    @Query("select * from invitations where area_id = :areaId and id = :id")
    Optional<Invitation> find(String areaId, UUID id);

    @Query("""
            update invitations set state = 'opened', opened_at = :now
            where area_id = :areaId and id = :id and state = 'sent' and expires_at > :now""")
    int opened(String areaId, UUID id, Instant now);

    @Query("""
            update invitations set state = 'answered', answered_at = :now
            where area_id = :areaId and survey_id = :surveyId and invitee_uid = :uid and state in ('sent', 'opened')""")
    int answered(String areaId, UUID surveyId, String uid, Instant now);

    /** Records the event unless its id was seen; 1 when recorded now. */
    @Query("""
            insert into ehc_plan_events (area_id, event_id, family_uid, issued_on, request_hash, received_at)
            values (:areaId, :eventId, :familyUid, :issuedOn, :hash, :now) on conflict (area_id, event_id) do nothing""")
    int insertEvent(String areaId, String eventId, String familyUid, LocalDate issuedOn, String hash, Instant now);

    default boolean recordEvent(String areaId, String eventId, String familyUid, LocalDate issuedOn, String hash, Instant now) {
        return insertEvent(areaId, eventId, familyUid, issuedOn, hash, now) == 1;
    }

    @Query("select invitation_id, request_hash from ehc_plan_events where area_id = :areaId and event_id = :eventId for update")
    Optional<EhcEvent> event(String areaId, String eventId);

    @Query("update ehc_plan_events set invitation_id = :invitationId where area_id = :areaId and event_id = :eventId")
    int linkEvent(String areaId, String eventId, UUID invitationId);
}
