#!/usr/bin/env bash
# Benchmark: POST comment against a running server (dev tokens, its own throwaway embedded
# PostgreSQL, tagging workers running in the same process), side by side with pgbench on the same
# PostgreSQL at the same client count: first the POST's own transaction (the statements the server
# runs for one comment), then a single-row INSERT. pgbench runs first, while the server is idle, so
# neither figure pays for the other's tagging backlog. pgbench runs prepared statements, as the
# server's JDBC driver does.
# Prints req/s, p50/p99 (closed loop), p50/p99 at a fixed rate (open loop) and both ratios.
#
#   infra/bench/wall-bench.sh [clients=50] [seconds=20] [rate=500]
#
# Needs pgbench (Debian: apt-get install postgresql-client). Never run in CI: figures, not tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${1:-50}
SECONDS_PER_PHASE=${2:-20}
RATE=${3:-500}
PORT=${BENCH_PORT:-18080}
PGPORT=${BENCH_PG_PORT:-54339}
command -v pgbench >/dev/null || { echo "pgbench not found: apt-get install postgresql-client" >&2; exit 1; }

. infra/bench/server.sh
start_server "$PORT" "$PGPORT"
join_bench_families "$PORT" "$CLIENTS"

# The POST's transaction as the server runs it (CommentService.post: AreaAccess's standing, the
# idempotent insert, moderation's item and tagging's job). Its jobs are due tomorrow, so the
# server's workers leave them alone.
TX=$(mktemp)
echo "$STANDING_SQL" >"$TX"
cat >>"$TX" <<'SQL'
insert into comments (area_id, id, author_uid, author_role, body, idempotency_key, request_hash, submitted_at)
  values ('demo', gen_random_uuid(), 'bench-family-' || :n, 'family',
          'We have waited 14 weeks for a standing frame; the target is 6 weeks.', gen_random_uuid(), 'pgbench', now())
  on conflict (area_id, author_uid, idempotency_key) do nothing
  returning id as comment_id \gset
insert into moderation_items (area_id, content_type, content_id, author_role, state, submitted_at)
  values ('demo', 'comment', :comment_id, 'family', 'pending_review', now())
  on conflict (area_id, content_type, content_id) do nothing;
insert into tagging_jobs (area_id, id, content_type, content_id, reason, state, attempts, run_after, created_at)
  values ('demo', gen_random_uuid(), 'comment', :comment_id, 'submitted', 'queued', 0, now() + interval '1 day', now())
  on conflict (area_id, content_type, content_id) where state in ('queued', 'running') do nothing;
commit;
SQL
TX_TPS=$(pgbench_tps "$PGPORT" "$CLIENTS" "$SECONDS_PER_PHASE" "$TX")
rm -f "$TX"

psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -c \
  "create table if not exists bench_insert (id bigserial primary key, area_id text not null, body text not null, created_at timestamptz not null default now())"
ONE=$(mktemp)
echo "insert into bench_insert (area_id, body) values ('demo', 'We have waited 14 weeks for a standing frame; the target is 6 weeks.');" >"$ONE"
INSERT_TPS=$(pgbench_tps "$PGPORT" "$CLIENTS" "$SECONDS_PER_PHASE" "$ONE")
rm -f "$ONE"

OURS=$("$JAVA_HOME/bin/java" -cp "$CP" org.yousaid.bench.WallBench "http://127.0.0.1:$PORT" "$CLIENTS" "$SECONDS_PER_PHASE" "$RATE")
echo "$OURS"
RPS=$(echo "$OURS" | sed -n 's/.*req\/s=\([0-9.]*\).*/\1/p')
echo "pgbench the POST's transaction clients=$CLIENTS tps=$TX_TPS"
echo "pgbench single-row insert clients=$CLIENTS tps=$INSERT_TPS"
awk -v r="$RPS" -v t="$TX_TPS" -v i="$INSERT_TPS" \
  'BEGIN { printf "ratio POST comment / pgbench transaction = %.2f (goal >= 1.0)\nratio POST comment / pgbench insert = %.3f (goal >= 0.10)\n", r / t, r / i }'
