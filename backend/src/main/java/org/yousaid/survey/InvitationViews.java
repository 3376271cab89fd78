package org.yousaid.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.yousaid.shared.CountTable;

public final class InvitationViews {

    private InvitationViews() {
    }

    /** Everyone who may answer (all families and young people of the area), or a list of members. */
    @Serdeable
    public record InviteRequest(@Nullable Boolean allFamilies, @Nullable List<String> uids, @Nullable Integer expiresInDays) {
    }

    @Serdeable
    public record InviteResult(int invited, int alreadyInvited, int notifications) {
    }

    /** Posted by a commissioner's system when a family's EHC plan is issued; eventId makes it idempotent. */
    @Serdeable
    public record EhcPlanIssuedRequest(@Nullable String eventId, @Nullable String familyUid, @Nullable String issuedOn) {
    }

    @Serdeable
    public record EhcPlanIssuedResult(String eventId, UUID invitationId, UUID surveyId, int notifications) {
    }

    @Serdeable
    public record InvitationView(UUID id, String areaId, UUID surveyId, String inviteeUid, String origin, String state,
                          Instant createdAt, @Nullable Instant openedAt, @Nullable Instant answeredAt, Instant expiresAt) {
    }

    /**
     * What a forum lead sees of a survey's invitations: counts, never who or why. How they are going, for forum leads (who may not see which families had a
     * plan issued) and staff. A small count could say that a named family had one, so every count
     * follows the one small-numbers rule ({@link CountTable}): waiting, answered and expired are the
     * parts of the invitations sent, and opened and not opened are another split of them.
     */
    @Serdeable
    public record InvitationSummary(Count invited, Count waiting, Count opened, Count answered, Count expired) {

        static InvitationSummary of(long invited, long waiting, long opened, long answered, long expired) {
            CountTable byState = CountTable.of(invited, waiting, answered, expired);
            CountTable byOpening = CountTable.of(invited, opened, invited - opened);
            boolean invitedOut = byState.totalWithheld() || byOpening.totalWithheld();
            if (invitedOut) {
                byState = byState.withTotalWithheld();
                byOpening = byOpening.withTotalWithheld();
            }
            return new InvitationSummary(Count.of(invited, invitedOut), Count.of(waiting, byState.withheld(0)),
                    Count.of(opened, byOpening.withheld(0)), Count.of(answered, byState.withheld(1)),
                    Count.of(expired, byState.withheld(2)));
        }
    }

    /** A count as published: null and suppressed when the small-numbers rule withholds it. */
    @Serdeable
    public record Count(@Nullable Long value, boolean suppressed) {

        static Count of(long n, boolean withheld) {
            return withheld ? new Count(null, true) : new Count(n, false);
        }
    }
}
