package org.yousaid.survey;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A family's invitations, as their export shows them and their erasure removes them. The council's
 * record that an EHC plan was issued keeps its event id (so a repeat is still recognised) but no
 * longer names the family.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface InvitationRecords extends GenericRepository<InvitationStore.Invitation, UUID> {

    @Serdeable
    @Introspected
    record HeldInvitation(UUID id, UUID surveyId, String origin, String state, Instant createdAt, @Nullable Instant openedAt,
                          @Nullable Instant answeredAt, Instant expiresAt) {
    }

    @Query("""
            select id, survey_id, origin,
                   case when state in ('sent', 'opened') and expires_at <= now() then 'expired' else state end as state,
                   created_at, opened_at, answered_at, expires_at from invitations
            where area_id = :areaId and invitee_uid = :uid order by created_at, id""")
    List<HeldInvitation> of(String areaId, String uid);

    @Query("delete from invitations where area_id = :areaId and invitee_uid = :uid")
    int forget(String areaId, String uid);

    @Query("""
            update ehc_plan_events set family_uid = 'erased', invitation_id = null, request_hash = 'erased'
            where area_id = :areaId and family_uid = :uid""")
    int forgetPlanEvents(String areaId, String uid);

    /** Retention: invitations never answered that expired before {@code before}, in every area. */
    @Query("delete from invitations where answered_at is null and expires_at < :before")
    int purgeExpiredBefore(Instant before);
}
