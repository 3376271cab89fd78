package org.yousaid.rights;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yousaid.content.ContentErased;
import org.yousaid.content.ContentRef;
import org.yousaid.content.ContentSources;
import org.yousaid.moderation.RetentionCandidates;
import org.yousaid.notify.PushRecords;
import org.yousaid.survey.InvitationRecords;

/**
 * The retention sweep: words and records kept as long as {@link RetentionSettings} allows are
 * removed, in bounded batches, each in its own transaction, so a sweep never holds locks for long
 * and two servers sweeping at once only repeat harmless deletes.
 */
@Singleton
class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 500;

    /** What one sweep removed. */
    record Swept(int rejectedWords, int unreviewedWords, int pushRecords, int expiredInvitations) {
    }

    private final RetentionSettings settings;
    private final RetentionCandidates candidates;
    private final ContentSources contents;
    private final PushRecords pushes;
    private final InvitationRecords invitations;
    private final ApplicationEventPublisher<ContentErased> erased;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    Retention(RetentionSettings settings, RetentionCandidates candidates, ContentSources contents, PushRecords pushes,
              InvitationRecords invitations, ApplicationEventPublisher<ContentErased> erased,
              TransactionOperations<Connection> transactions, Clock clock) {
        this.settings = settings;
        this.candidates = candidates;
        this.contents = contents;
        this.pushes = pushes;
        this.invitations = invitations;
        this.erased = erased;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${yousaid.retention.every:1h}", initialDelay = "1m")
    void scheduled() {
        if (settings.sweep()) {
            Swept swept = runOnce(clock.instant());
            LOG.info("retention.swept rejected={} unreviewed={} pushes={} invitations={}", swept.rejectedWords(),
                    swept.unreviewedWords(), swept.pushRecords(), swept.expiredInvitations());
        }
    }

    /** One sweep as of {@code now}: until nothing more is due. */
    Swept runOnce(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        int rejected = purge(at, () -> candidates.rejected(at.minus(settings.rejectedWords()), BATCH));
        int unreviewed = purge(at, () -> candidates.unreviewed(at.minus(settings.unreviewedWords()), BATCH));
        int pushRecords = transactions.executeWrite(s -> pushes.purgeFinishedBefore(at.minus(settings.pushRecords())));
        int invited = transactions.executeWrite(s -> invitations.purgeExpiredBefore(at.minus(settings.expiredInvitations())));
        return new Swept(rejected, unreviewed, pushRecords, invited);
    }

    private int purge(Instant at, java.util.function.Supplier<List<RetentionCandidates.Candidate>> due) {
        int purged = 0;
        while (true) {
            List<RetentionCandidates.Candidate> batch = transactions.executeRead(s -> due.get());
            if (batch.isEmpty()) {
                return purged;
            }
            purged += transactions.executeWrite(s -> {
                int n = 0;
                for (RetentionCandidates.Candidate c : batch) {
                    contents.of(c.contentType()).purgeWords(c.areaId(), List.of(c.contentId()), at);
                    // Moderation marks the item whether or not the feature still had words, so it is never picked again.
                    erased.publishEvent(new ContentErased(new ContentRef(c.areaId(), c.contentType(), c.contentId()),
                            ContentErased.Why.RETENTION));
                    n++;
                }
                return n;
            });
            if (batch.size() < BATCH) {
                return purged;
            }
        }
    }
}
