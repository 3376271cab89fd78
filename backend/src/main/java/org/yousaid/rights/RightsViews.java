package org.yousaid.rights;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yousaid.area.PrivacyNotice;
import org.yousaid.content.Answered;
import org.yousaid.content.ContentType;
import org.yousaid.content.Signpost;
import org.yousaid.notify.PushRecords;
import org.yousaid.response.ReachRecords;
import org.yousaid.survey.InvitationRecords;

/** What a family's export and erasure return: the contract's FamilyExport and Erasure. */
final class RightsViews {

    private RightsViews() {
    }

    @Serdeable
    record FamilyExport(Instant generatedAt, String uid, List<AreaExport> areas) {
    }

    @Serdeable
    record AreaExport(String areaId, String areaName, String role, Instant joinedAt,
                      @Nullable PrivacyNotice privacyNotice, @Nullable Instant loopUpdatesMutedAt,
                      List<ExportedText> texts, List<ExportedMeToo> meToos, List<ReachRecords.HeldReach> responsesToMe,
                      List<PushRecords.HeldDevice> devices, List<PushRecords.SentPush> notifications,
                      List<InvitationRecords.HeldInvitation> invitations, List<Consent> consents) {
    }

    @Serdeable
    record ExportedText(ContentType contentType, UUID id, String status, @Nullable String reviewState, @Nullable String reviewReason,
                        @Nullable Instant decidedAt, String authorRole, Instant submittedAt, @Nullable String text,
                        @Nullable String publishedText, @Nullable Instant withdrawnAt, Map<String, Object> about,
                        @Nullable Signpost signposting, List<Answered> whatHappened) {
    }

    @Serdeable
    record ExportedMeToo(ContentType contentType, UUID contentId, Instant at) {
    }

    @Serdeable
    record Consent(String kind, ContentType contentType, UUID contentId, Instant givenAt) {
    }

    @Serdeable
    record Erasure(Instant erasedAt, List<AreaErasure> areas) {
    }

    @Serdeable
    record AreaErasure(String areaId, int texts, int meToos, int devices, int notifications, int invitations) {
    }
}
