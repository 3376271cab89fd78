package org.yousaid.alert;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.content.ContentType;
import org.yousaid.shared.AreaFirst;

/**
 * The alert outbox's SQL: enqueue in the transaction that opens the case, lease due rows, record what
 * Notify said. Every statement but the lease (which serves every area) names the area.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AlertOutbox extends GenericRepository<AlertEmail, UUID> {

    /** Once per case and recipient, whatever calls it twice. */
    @Query("""
            insert into alert_outbox (area_id, id, content_type, content_id, criticality, flagged_at, recipient, recipient_uid,
                recipient_email, state, attempts, next_attempt_at, created_at)
            values (:areaId, gen_random_uuid(), :contentType, :contentId, :criticality, :flaggedAt, :recipient, :recipientUid,
                :recipientEmail, 'pending', 0, :now, :now)
            on conflict (area_id, content_type, content_id, recipient) do nothing""")
    int enqueue(String areaId, ContentType contentType, UUID contentId, int criticality, Instant flaggedAt, String recipient,
                @io.micronaut.core.annotation.Nullable String recipientUid,
                @io.micronaut.core.annotation.Nullable String recipientEmail, Instant now);

    /**
     * Takes the oldest due email in the caller's transaction: the row stays locked (other senders skip
     * it) until that transaction commits the lease.
     */
    default Optional<AlertEmail> lease(Instant now, Duration lease) {
        return AreaFirst.lease(dueAreas(now), areaId -> nextDueIn(areaId, now).map(row -> {
            take(row.areaId(), row.id(), now.plus(lease));
            return new AlertEmail(row.areaId(), row.id(), row.criticality(), row.flaggedAt(), row.recipientUid(),
                    row.recipientEmail(), row.attempts() + 1);
        }));
    }

    /** The areas of the 64 oldest due emails, the oldest's area first: read without locking, across areas. */
    @Query("""
            select area_id from (
                select area_id, next_attempt_at from alert_outbox
                where (state = 'pending' and next_attempt_at <= :now) or (state = 'sending' and leased_until < :now)
                order by next_attempt_at
                limit 64) oldest
            group by area_id
            order by min(next_attempt_at)""")
    List<String> dueAreas(Instant now);

    @Query("""
            select area_id, id, criticality, flagged_at, recipient_uid, recipient_email, attempts from alert_outbox
            where area_id = :areaId
              and ((state = 'pending' and next_attempt_at <= :now) or (state = 'sending' and leased_until < :now))
            order by next_attempt_at limit 1 for update skip locked""")
    Optional<AlertEmail> nextDueIn(String areaId, Instant now);

    @Query("""
            update alert_outbox set state = 'sending', attempts = attempts + 1, leased_until = :until
            where area_id = :areaId and id = :id""")
    int take(String areaId, UUID id, Instant until);

    @Query("""
            update alert_outbox set state = 'sent', notification_id = :notificationId, sent_at = :now, leased_until = null,
                   last_error = null
            where area_id = :areaId and id = :id and state = 'sending'""")
    int sent(String areaId, UUID id, String notificationId, Instant now);

    /** Closed without sending: {@code failed} (given up) or {@code not_sent} (nothing to send it with, or nowhere to). */
    @Query("""
            update alert_outbox set state = :state, last_error = :reason, leased_until = null
            where area_id = :areaId and id = :id and state = 'sending'""")
    int close(String areaId, UUID id, String state, String reason);

    @Query("""
            update alert_outbox set state = 'pending', last_error = :reason, next_attempt_at = :at, leased_until = null
            where area_id = :areaId and id = :id and state = 'sending'""")
    int retry(String areaId, UUID id, String reason, Instant at);
}
