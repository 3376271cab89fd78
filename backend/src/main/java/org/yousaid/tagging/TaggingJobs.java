package org.yousaid.tagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The job queue's SQL. Leasing is one statement: pick the oldest due job (queued and due, or running
 * with a lease that ran out because its worker died), skipping rows another worker has locked, and
 * take it. Completion and failure only count while the lease is still ours.
 */
@Singleton
final class TaggingJobs {

    private final JdbcOperations jdbc;

    TaggingJobs(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues content unless it already has a live job; true when a job was added. */
    boolean enqueue(String areaId, String contentType, UUID contentId, String reason, Instant now) {
        return jdbc.prepareStatement("""
                insert into tagging_jobs (area_id, id, content_type, content_id, reason, state, attempts, run_after, created_at)
                values (?, ?, ?, ?, ?, 'queued', 0, ?, ?)
                on conflict (area_id, content_type, content_id) where state in ('queued', 'running') do nothing""",
                s -> {
                    s.setString(1, areaId);
                    s.setObject(2, UUID.randomUUID());
                    s.setString(3, contentType);
                    s.setObject(4, contentId);
                    s.setString(5, reason);
                    s.setTimestamp(6, Timestamp.from(now));
                    s.setTimestamp(7, Timestamp.from(now));
                    return s.executeUpdate() == 1;
                });
    }

    Optional<TaggingJob> lease(String worker, Instant now, Duration lease) {
        return jdbc.prepareStatement("""
                with next as (
                    select area_id, id from tagging_jobs
                    where (state = 'queued' and run_after <= ?) or (state = 'running' and leased_until < ?)
                    order by run_after, created_at
                    limit 1
                    for update skip locked)
                update tagging_jobs j
                set state = 'running', attempts = j.attempts + 1, leased_by = ?, leased_until = ?
                from next
                where j.area_id = next.area_id and j.id = next.id
                returning j.area_id, j.id, j.content_type, j.content_id, j.attempts""", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, worker);
            s.setTimestamp(4, Timestamp.from(now.plus(lease)));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TaggingJob(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getInt(5)));
            }
        });
    }

    /** Marks the job done if this worker still holds it; false when the lease was lost meanwhile. */
    boolean complete(TaggingJob job, String worker, Instant now) {
        return finish(job, worker, "done", null, now);
    }

    boolean fail(TaggingJob job, String worker, String error, Instant now) {
        return finish(job, worker, "failed", error, now);
    }

    /** Puts the job back in the queue to run after {@code runAfter}, if this worker still holds it. */
    boolean retryLater(TaggingJob job, String worker, String error, Instant runAfter) {
        return jdbc.prepareStatement("""
                update tagging_jobs set state = 'queued', run_after = ?, leased_by = null, leased_until = null, last_error = ?
                where area_id = ? and id = ? and state = 'running' and leased_by = ?""", s -> {
            s.setTimestamp(1, Timestamp.from(runAfter));
            s.setString(2, error);
            s.setString(3, job.areaId());
            s.setObject(4, job.id());
            s.setString(5, worker);
            return s.executeUpdate() == 1;
        });
    }

    private boolean finish(TaggingJob job, String worker, String state, @Nullable String error, Instant now) {
        return jdbc.prepareStatement("""
                update tagging_jobs set state = ?, finished_at = ?, leased_by = null, leased_until = null,
                    last_error = coalesce(?, last_error)
                where area_id = ? and id = ? and state = 'running' and leased_by = ?""", s -> {
            s.setString(1, state);
            s.setTimestamp(2, Timestamp.from(now));
            s.setString(3, error);
            s.setString(4, job.areaId());
            s.setObject(5, job.id());
            s.setString(6, worker);
            return s.executeUpdate() == 1;
        });
    }

    /** The state of the newest job of each piece of content (one query for a whole queue page). */
    Map<UUID, String> latestStates(String areaId, String contentType, java.util.Collection<UUID> contentIds) {
        if (contentIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("""
                select distinct on (content_id) content_id, state from tagging_jobs
                where area_id = ? and content_type = ? and content_id = any (?)
                order by content_id, created_at desc""", s -> {
            s.setString(1, areaId);
            s.setString(2, contentType);
            s.setArray(3, s.getConnection().createArrayOf("uuid", contentIds.toArray()));
            Map<UUID, String> states = new java.util.HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
            return states;
        });
    }

    Map<String, Integer> countsByState(String areaId) {
        return jdbc.prepareStatement("""
                select state, count(*) from tagging_jobs where area_id = ? group by state""", s -> {
            s.setString(1, areaId);
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String state : List.of("queued", "running", "done", "failed")) {
                counts.put(state, 0);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }

    /** Failed jobs whose content has had no successful job since. */
    List<TaggingViews.FailedJob> failed(String areaId, int limit) {
        return jdbc.prepareStatement("""
                select f.content_type, f.content_id, f.attempts, f.last_error, f.finished_at from tagging_jobs f
                where f.area_id = ? and f.state = 'failed' and not exists (
                    select 1 from tagging_jobs later where later.area_id = f.area_id and later.content_type = f.content_type
                      and later.content_id = f.content_id and later.created_at > f.created_at)
                order by f.finished_at desc limit ?""", s -> {
            s.setString(1, areaId);
            s.setInt(2, limit);
            List<TaggingViews.FailedJob> jobs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    jobs.add(new TaggingViews.FailedJob(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant()));
                }
            }
            return jobs;
        });
    }

}
