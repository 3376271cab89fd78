-- YouSaid on Citus: every local area's rows on one shard, all tables colocated by area.
--
-- Run once on the coordinator, after Flyway has migrated an empty database (the migrations create
-- plain tables; this turns them into Citus tables) and before any area exists:
--
--   psql "$COORDINATOR_URL" -v ON_ERROR_STOP=1 -f infra/citus/distribute.sql
--
-- `areas` is a reference table (a copy on every worker: every tenant table's foreign key to it
-- stays local). Every other table carries `area_id`, and its primary key, unique constraints and
-- foreign keys lead with it (DistributionCatalogueTest proves this on every build), so each is
-- distributed on `area_id` and colocated with the others: a join, a foreign key or a transaction
-- within one area runs on one worker. A table is distributed after the tables it references.
-- Flyway's history stays a local table on the coordinator. Later migrations run through the
-- coordinator, which propagates DDL to the shards.
--
-- What reads across areas on purpose is listed, each with how it runs here, in
-- DistributionCatalogueTest.CROSS_AREA (every other query names area_id and routes to one shard):
--   - `areas` lookups read the local copy of the reference table;
--   - a person's memberships by uid, the metrics' queue figures and the hourly retention sweep are
--     multi-shard statements, run on every shard in parallel and merged on the coordinator;
--   - the tagging queue's, push outbox's and alert outbox's lease (oldest due row of any area,
--     FOR UPDATE SKIP LOCKED) cannot run as one statement: Citus takes row locks on one shard only.
--     On Citus a worker first asks which areas have due rows (the partial indexes of live rows keep
--     that small) and leases within one of them. That change is not made yet.

select create_reference_table('areas');

select create_distributed_table('memberships', 'area_id', colocate_with => 'none');
select create_distributed_table('comments', 'area_id', colocate_with => 'memberships');
select create_distributed_table('me_too', 'area_id', colocate_with => 'memberships');
select create_distributed_table('audit_log', 'area_id', colocate_with => 'memberships');
select create_distributed_table('tagging_jobs', 'area_id', colocate_with => 'memberships');
select create_distributed_table('content_tags', 'area_id', colocate_with => 'memberships');
select create_distributed_table('content_embeddings', 'area_id', colocate_with => 'memberships');
select create_distributed_table('theme_corrections', 'area_id', colocate_with => 'memberships');
select create_distributed_table('area_themes', 'area_id', colocate_with => 'memberships');
select create_distributed_table('taxonomy_versions', 'area_id', colocate_with => 'memberships');
select create_distributed_table('area_theme_models', 'area_id', colocate_with => 'memberships');
select create_distributed_table('moderation_items', 'area_id', colocate_with => 'memberships');
select create_distributed_table('safeguarding_cases', 'area_id', colocate_with => 'memberships');
select create_distributed_table('alert_outbox', 'area_id', colocate_with => 'memberships');
select create_distributed_table('area_settings', 'area_id', colocate_with => 'memberships');
select create_distributed_table('surveys', 'area_id', colocate_with => 'memberships');
select create_distributed_table('survey_versions', 'area_id', colocate_with => 'memberships');
select create_distributed_table('survey_answers', 'area_id', colocate_with => 'memberships');
select create_distributed_table('invitations', 'area_id', colocate_with => 'memberships');
select create_distributed_table('ehc_plan_events', 'area_id', colocate_with => 'memberships');
select create_distributed_table('devices', 'area_id', colocate_with => 'memberships');
select create_distributed_table('notification_outbox', 'area_id', colocate_with => 'memberships');
select create_distributed_table('outcomes', 'area_id', colocate_with => 'memberships');
select create_distributed_table('indicators', 'area_id', colocate_with => 'memberships');
select create_distributed_table('indicator_values', 'area_id', colocate_with => 'memberships');
select create_distributed_table('responses', 'area_id', colocate_with => 'memberships');
select create_distributed_table('response_citations', 'area_id', colocate_with => 'memberships');
select create_distributed_table('response_sign_offs', 'area_id', colocate_with => 'memberships');
select create_distributed_table('response_revisions', 'area_id', colocate_with => 'memberships');
select create_distributed_table('response_actions', 'area_id', colocate_with => 'memberships');
select create_distributed_table('action_milestones', 'area_id', colocate_with => 'memberships');
select create_distributed_table('response_reach', 'area_id', colocate_with => 'memberships');
select create_distributed_table('loop_mutes', 'area_id', colocate_with => 'memberships');
select create_distributed_table('loop_notices', 'area_id', colocate_with => 'memberships');

