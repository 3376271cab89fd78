package org.yousaid.tagging;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.yousaid.content.ContentType;
import org.yousaid.shared.AreaFirst;

/**
 * The job queue's SQL. Leasing picks the oldest queued job that is due, skipping rows another
 * worker has locked, and takes it in the same transaction; a job whose lease ran out (its worker
 * died) is first put back in the queue as due as it was. Completion and failure only count while the lease is still ours. Every statement but
 * {@link #dueAreas}, {@link #reclaimExpired} and the metrics' figures names the area.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface TaggingJobs extends GenericRepository<TaggingJob, UUID> {

    @Introspected
    record JobState(UUID contentId, String state) {
    }

    @Introspected
    record StateCount(String state, int jobs) {
    }

    @Introspected
    record FailedRow(ContentType contentType, UUID contentId, int attempts, @Nullable String lastError, Instant finishedAt) {
    }

    /**
     * The queue as operators watch it: jobs due now, waiting for a retry, running; the oldest due
     * job's age. Across areas on purpose: an operator's counts for the metrics port, never served by
     * the API.
     */
    @Introspected
    record QueueFigures(long due, long waiting, long running, double lagSeconds) {
    }

    @Query("""
            select coalesce(extract(epoch from now() - min(run_after) filter (where state = 'queued' and run_after <= now())), 0)::float8
                     as lag_seconds,
                   count(*) filter (where state = 'queued' and run_after <= now()) as due,
                   count(*) filter (where state = 'queued' and run_after > now()) as waiting,
                   count(*) filter (where state = 'running') as running
            from tagging_jobs where state in ('queued', 'running')""")
    QueueFigures figures();

    /** Queues content unless it already has a live job; true when a job was added. */
    default boolean enqueue(String areaId, ContentType contentType, UUID contentId, String reason, Instant now) {
        return insert(areaId, UUID.randomUUID(), contentType, contentId, reason, now) == 1;
    }

    @Query("""
            insert into tagging_jobs (area_id, id, content_type, content_id, reason, state, attempts, run_after, created_at)
            values (:areaId, :id, :contentType, :contentId, :reason, 'queued', 0, :now, :now)
            on conflict (area_id, content_type, content_id) where state in ('queued', 'running') do nothing""")
    int insert(String areaId, UUID id, ContentType contentType, UUID contentId, String reason, Instant now);

    /**
     * Takes the oldest due job in the caller's transaction: the row stays locked (other workers skip
     * it) until that transaction commits the lease.
     */
    default Optional<TaggingJob> lease(String worker, Instant now, Duration lease) {
        Optional<TaggingJob> leased = leaseQueued(worker, now, lease);
        // Nothing queued is due: a job whose worker died (its lease ran out) goes back to the queue now.
        if (leased.isEmpty() && reclaimExpired(now) > 0) {
            leased = leaseQueued(worker, now, lease);
        }
        return leased;
    }

    private Optional<TaggingJob> leaseQueued(String worker, Instant now, Duration lease) {
        return AreaFirst.lease(dueAreas(now), areaId -> nextDueIn(areaId, now).map(job -> {
            take(job.areaId(), job.id(), worker, now.plus(lease));
            return new TaggingJob(job.areaId(), job.id(), job.contentType(), job.contentId(), job.attempts() + 1);
        }));
    }

    /**
     * The areas of the 64 oldest due jobs, the oldest's area first: read without locking, across
     * areas. Only queued jobs, so the read walks the due index in order and stops at 64, however long
     * the queue (with leased jobs in the same read it sorted the whole queue: 120 ms a lease behind a
     * backlog of 200,000, {@code infra/bench/lease-bench.sh}).
     */
    @Query("""
            select area_id from (
                select area_id, run_after, created_at from tagging_jobs
                where state = 'queued' and run_after <= :now
                order by run_after, created_at
                limit 64) oldest
            group by area_id
            order by min(run_after), min(created_at)""")
    List<String> dueAreas(Instant now);

    @Query("""
            select area_id, id, content_type, content_id, attempts from tagging_jobs
            where area_id = :areaId and state = 'queued' and run_after <= :now
            order by run_after, created_at
            limit 1
            for update skip locked""")
    Optional<TaggingJob> nextDueIn(String areaId, Instant now);

    /**
     * Jobs whose lease ran out (their worker died or hung) back in the queue, due as they were: the
     * next lease takes them first. A slow worker that finishes after this has lost its lease and its
     * result is not kept ({@link #complete}). Across areas: a handful of rows on the leases index.
     */
    @Query("""
            update tagging_jobs set state = 'queued', leased_by = null, leased_until = null
            where state = 'running' and leased_until < :now""")
    int reclaimExpired(Instant now);

    @Query("""
            update tagging_jobs set state = 'running', attempts = attempts + 1, leased_by = :worker, leased_until = :until
            where area_id = :areaId and id = :id""")
    int take(String areaId, UUID id, String worker, Instant until);

    /** Marks the job done if this worker still holds it; false when the lease was lost meanwhile. */
    default boolean complete(TaggingJob job, String worker, Instant now) {
        return finish(job.areaId(), job.id(), worker, "done", null, now) == 1;
    }

    default boolean fail(TaggingJob job, String worker, String error, Instant now) {
        return finish(job.areaId(), job.id(), worker, "failed", error, now) == 1;
    }

    @Query("""
            update tagging_jobs set state = :state, finished_at = :now, leased_by = null, leased_until = null,
                last_error = coalesce(:error, last_error)
            where area_id = :areaId and id = :id and state = 'running' and leased_by = :worker""")
    int finish(String areaId, UUID id, String worker, String state, @Nullable String error, Instant now);

    /** Puts the job back in the queue to run after {@code runAfter}, if this worker still holds it. */
    default boolean retryLater(TaggingJob job, String worker, String error, Instant runAfter) {
        return requeue(job.areaId(), job.id(), worker, error, runAfter) == 1;
    }

    @Query("""
            update tagging_jobs set state = 'queued', run_after = :runAfter, leased_by = null, leased_until = null,
                last_error = :error
            where area_id = :areaId and id = :id and state = 'running' and leased_by = :worker""")
    int requeue(String areaId, UUID id, String worker, String error, Instant runAfter);

    /** The state of the newest job of each piece of content (one query for a whole queue page). */
    default Map<UUID, String> latestStates(String areaId, ContentType contentType, Collection<UUID> contentIds) {
        if (contentIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> states = new HashMap<>();
        newestJobs(areaId, contentType, contentIds).forEach(s -> states.put(s.contentId(), s.state()));
        return states;
    }

    @Query("""
            select distinct on (content_id) content_id, state from tagging_jobs
            where area_id = :areaId and content_type = :contentType and content_id in (:contentIds)
            order by content_id, created_at desc""")
    List<JobState> newestJobs(String areaId, ContentType contentType, Collection<UUID> contentIds);

    default Map<String, Integer> countsByState(String areaId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String state : List.of("queued", "running", "done", "failed")) {
            counts.put(state, 0);
        }
        stateCounts(areaId).forEach(c -> counts.put(c.state(), c.jobs()));
        return counts;
    }

    @Query("select state, count(*)::int as jobs from tagging_jobs where area_id = :areaId group by state")
    List<StateCount> stateCounts(String areaId);

    /** Failed jobs whose content has had no successful job since. */
    default List<TaggingViews.FailedJob> failed(String areaId, int limit) {
        return failedRows(areaId, limit).stream().map(r -> new TaggingViews.FailedJob(r.contentType(), r.contentId(),
                r.attempts(), r.lastError(), r.finishedAt())).toList();
    }

    @Query("""
            select f.content_type, f.content_id, f.attempts, f.last_error, f.finished_at from tagging_jobs f
            where f.area_id = :areaId and f.state = 'failed' and not exists (
                select 1 from tagging_jobs later where later.area_id = f.area_id and later.content_type = f.content_type
                  and later.content_id = f.content_id and later.created_at > f.created_at)
            order by f.finished_at desc limit :limit""")
    List<FailedRow> failedRows(String areaId, int limit);
}
