-- Workers lease a due row within one area at a time (the areas first, then the oldest row of one):
-- on PostgreSQL distributed by area (Citus), a locking read must stay on one shard. These indexes
-- find an area's oldest due row without reading other areas' queues; the global ones stay for the
-- question "which areas have due rows".
create index tagging_jobs_due_in_area on tagging_jobs (area_id, run_after) where state = 'queued';
create index notification_outbox_due_in_area on notification_outbox (area_id, next_attempt_at) where state in ('pending', 'sending');
create index alert_outbox_due_in_area on alert_outbox (area_id, next_attempt_at) where state in ('pending', 'sending');
