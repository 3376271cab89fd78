package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

final class InvitationViews {

    private InvitationViews() {
    }

    /** Everyone who may answer (all families and young people of the area), or a list of members. */
    @Serdeable
    record InviteRequest(@Nullable Boolean allFamilies, @Nullable List<String> uids, @Nullable Integer expiresInDays) {
    }

    @Serdeable
    record InviteResult(int invited, int alreadyInvited, int notifications) {
    }

    /** Posted by a commissioner's system when a family's EHC plan is issued; eventId makes it idempotent. */
    @Serdeable
    record EhcPlanIssuedRequest(@Nullable String eventId, @Nullable String familyUid, @Nullable String issuedOn) {
    }

    @Serdeable
    record EhcPlanIssuedResult(String eventId, UUID invitationId, UUID surveyId, int notifications) {
    }

    @Serdeable
    record InvitationView(UUID id, String areaId, UUID surveyId, String inviteeUid, String origin, String state,
                          Instant createdAt, @Nullable Instant openedAt, @Nullable Instant answeredAt, Instant expiresAt) {
    }

    /** What a forum lead sees of a survey's invitations: counts, never who or why. */
    @Serdeable
    record InvitationSummary(int invited, int waiting, int opened, int answered, int expired) {
    }
}
