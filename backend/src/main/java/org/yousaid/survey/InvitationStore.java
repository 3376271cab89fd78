package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.shared.Sql;

/** Invitations and EHC-plan events. Every statement names the area. */
@Singleton
final class InvitationStore {

    private static final String COLUMNS = "area_id, id, survey_id, invitee_uid, origin, state, created_at, opened_at, "
            + "answered_at, expires_at";

    private final JdbcOperations jdbc;

    InvitationStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Invites unless the family already has a live invitation to this survey (an expired one is
     * closed first); returns the new invitation's id, or empty.
     */
    Optional<UUID> inviteIfNotInvited(String areaId, UUID surveyId, String uid, String origin, String by, Instant now,
                                      Instant expiresAt) {
        jdbc.prepareStatement("""
                update invitations set state = 'expired' where area_id = ? and survey_id = ? and invitee_uid = ?
                  and state in ('sent', 'opened') and expires_at <= ?""", s -> {
            s.setString(1, areaId);
            s.setObject(2, surveyId);
            s.setString(3, uid);
            s.setTimestamp(4, Timestamp.from(now));
            return s.executeUpdate();
        });
        UUID id = UUID.randomUUID();
        boolean inserted = jdbc.prepareStatement("""
                insert into invitations (area_id, id, survey_id, invitee_uid, origin, state, created_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, 'sent', ?, ?, ?)
                on conflict (area_id, survey_id, invitee_uid) where state in ('sent', 'opened') do nothing""", s -> {
            s.setString(1, areaId);
            s.setObject(2, id);
            s.setObject(3, surveyId);
            s.setString(4, uid);
            s.setString(5, origin);
            s.setString(6, by);
            s.setTimestamp(7, Timestamp.from(now));
            s.setTimestamp(8, Timestamp.from(expiresAt));
            return s.executeUpdate() == 1;
        });
        return inserted ? Optional.of(id) : Optional.empty();
    }

    Optional<UUID> liveInvitation(String areaId, UUID surveyId, String uid) {
        return Sql.one(jdbc, """
                select id from invitations where area_id = ? and survey_id = ? and invitee_uid = ? and state in ('sent', 'opened')""", s -> {
            s.setString(1, areaId);
            s.setObject(2, surveyId);
            s.setString(3, uid);
        }, rs -> rs.getObject(1, UUID.class));
    }

    /** Newest first, before the given position (null for the first page). */
    List<InvitationViews.InvitationView> byInvitee(String areaId, String uid, @Nullable org.yousaid.shared.Cursor before,
                                                   int limit, Instant now) {
        return before == null
                ? list("select " + COLUMNS + " from invitations where area_id = ? and invitee_uid = ?"
                        + " order by created_at desc, id desc limit ?", now, areaId, uid, limit)
                : list("select " + COLUMNS + " from invitations where area_id = ? and invitee_uid = ?"
                        + " and (created_at, id) < (?, ?) order by created_at desc, id desc limit ?",
                        now, areaId, uid, Timestamp.from(before.at()), before.id(), limit);
    }

    /** Oldest first, after the given position (null for the first page). */
    List<InvitationViews.InvitationView> bySurvey(String areaId, UUID surveyId, @Nullable org.yousaid.shared.Cursor after,
                                                  int limit, Instant now) {
        return after == null
                ? list("select " + COLUMNS + " from invitations where area_id = ? and survey_id = ?"
                        + " order by created_at, id limit ?", now, areaId, surveyId, limit)
                : list("select " + COLUMNS + " from invitations where area_id = ? and survey_id = ?"
                        + " and (created_at, id) > (?, ?) order by created_at, id limit ?",
                        now, areaId, surveyId, Timestamp.from(after.at()), after.id(), limit);
    }

    /** Counts by state, reading a past-date unanswered invitation as expired (as the views do). */
    InvitationViews.InvitationSummary summary(String areaId, UUID surveyId, Instant now) {
        return Sql.one(jdbc, """
                select count(*),
                       count(*) filter (where state in ('sent', 'opened') and expires_at > ?),
                       count(*) filter (where opened_at is not null),
                       count(*) filter (where state = 'answered'),
                       count(*) filter (where state = 'expired' or (state in ('sent', 'opened') and expires_at <= ?))
                from invitations where area_id = ? and survey_id = ?""", s -> {
                    s.setTimestamp(1, Timestamp.from(now));
                    s.setTimestamp(2, Timestamp.from(now));
                    s.setString(3, areaId);
                    s.setObject(4, surveyId);
                }, rs -> InvitationViews.InvitationSummary.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5))).orElseThrow();
    }

    Optional<InvitationViews.InvitationView> find(String areaId, UUID id, Instant now) {
        List<InvitationViews.InvitationView> found = list("select " + COLUMNS + " from invitations where area_id = ? and id = ?",
                now, areaId, id);
        return found.stream().findFirst();
    }

    void opened(String areaId, UUID id, Instant now) {
        jdbc.prepareStatement("""
                update invitations set state = 'opened', opened_at = ? where area_id = ? and id = ? and state = 'sent'
                  and expires_at > ?""", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, areaId);
            s.setObject(3, id);
            s.setTimestamp(4, Timestamp.from(now));
            return s.executeUpdate();
        });
    }

    void answered(String areaId, UUID surveyId, String uid, Instant now) {
        jdbc.prepareStatement("""
                update invitations set state = 'answered', answered_at = ?
                where area_id = ? and survey_id = ? and invitee_uid = ? and state in ('sent', 'opened')""", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, areaId);
            s.setObject(3, surveyId);
            s.setString(4, uid);
            return s.executeUpdate();
        });
    }

    record EhcEvent(@Nullable UUID invitationId, String requestHash) {
    }

    /** Records the event unless its id was seen; true when recorded now. */
    boolean recordEvent(String areaId, String eventId, String familyUid, LocalDate issuedOn, String hash, Instant now) {
        return jdbc.prepareStatement("""
                insert into ehc_plan_events (area_id, event_id, family_uid, issued_on, request_hash, received_at)
                values (?, ?, ?, ?, ?, ?) on conflict (area_id, event_id) do nothing""", s -> {
            s.setString(1, areaId);
            s.setString(2, eventId);
            s.setString(3, familyUid);
            s.setObject(4, issuedOn);
            s.setString(5, hash);
            s.setTimestamp(6, Timestamp.from(now));
            return s.executeUpdate() == 1;
        });
    }

    Optional<EhcEvent> event(String areaId, String eventId) {
        return jdbc.prepareStatement("""
                select invitation_id, request_hash from ehc_plan_events
                where area_id = ? and event_id = ? for update""", s -> {
            s.setString(1, areaId);
            s.setString(2, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new EhcEvent(rs.getObject(1, UUID.class), rs.getString(2))) : Optional.empty();
            }
        });
    }

    void linkEvent(String areaId, String eventId, UUID invitationId) {
        jdbc.prepareStatement("update ehc_plan_events set invitation_id = ? where area_id = ? and event_id = ?", s -> {
            s.setObject(1, invitationId);
            s.setString(2, areaId);
            s.setString(3, eventId);
            return s.executeUpdate();
        });
    }

    private List<InvitationViews.InvitationView> list(String sql, Instant now, Object... args) {
        return Sql.list(jdbc, sql, s -> {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
        }, rs -> view(rs, now));
    }

    /** An invitation past its date that was never answered reads as expired, whether or not a write closed it yet. */
    private static InvitationViews.InvitationView view(ResultSet rs, Instant now) throws SQLException {
        Instant expiresAt = rs.getTimestamp(10).toInstant();
        String state = rs.getString(6);
        if (("sent".equals(state) || "opened".equals(state)) && !expiresAt.isAfter(now)) {
            state = "expired";
        }
        Timestamp opened = rs.getTimestamp(8);
        Timestamp answered = rs.getTimestamp(9);
        return new InvitationViews.InvitationView(rs.getObject(2, UUID.class), rs.getString(1), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), state, rs.getTimestamp(7).toInstant(),
                opened == null ? null : opened.toInstant(), answered == null ? null : answered.toInstant(), expiresAt);
    }
}
