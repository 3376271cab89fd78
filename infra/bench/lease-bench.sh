#!/usr/bin/env bash
# What leasing a tagging job costs the database: the area-first lease (which areas have queued
# jobs due, then a locking read within one area: what PostgreSQL distributed by area needs; run-out
# leases go back to the queue apart) against the single locking read over queued and run-out jobs of
# all areas it replaced (which sorted the whole queue on every lease), on the same queue: JOBS due tagging jobs spread over
# AREAS areas, CLIENTS pgbench clients leasing for SECONDS each. Each lease takes its job (as a
# worker does), so no job is leased twice. The server (production classpath) migrates the schema;
# its own workers are off.
#   infra/bench/lease-bench.sh [JOBS] [AREAS] [CLIENTS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
jobs=${1:-200000} areas=${2:-50} clients=${3:-4} seconds=${4:-10}
port=18093 pgport=54393
source infra/bench/server.sh
start_server "$port" "$pgport" -Dyousaid.tagging.workers=0 -Dyousaid.notify.senders=0 -Dyousaid.alerts.senders=0
psql_q() { psql -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

seed() {
  psql_q -c "delete from tagging_jobs where area_id like 'lease-bench-%'" \
    -c "insert into areas (id, name) select 'lease-bench-' || a, 'Lease bench ' || a from generate_series(1, $areas) a on conflict do nothing" \
    -c "insert into tagging_jobs (area_id, id, content_type, content_id, reason, state, attempts, run_after, created_at)
        select 'lease-bench-' || (1 + i % $areas), gen_random_uuid(), 'comment', gen_random_uuid(), 'submitted', 'queued', 0,
               now() - interval '1 hour' + i * interval '1 ms', now() - interval '1 hour' + i * interval '1 ms'
        from generate_series(1, $jobs) i" \
    -c "vacuum analyze tagging_jobs"
}

single=$(mktemp) area_first=$(mktemp)
# server.sh's own trap, and these files too.
trap 'rm -f "$single" "$area_first" "$SERVER_LOG"; kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
cat > "$single" <<'SQL'
begin;
select area_id, id from tagging_jobs
where (state = 'queued' and run_after <= now()) or (state = 'running' and leased_until < now())
order by run_after, created_at limit 1 for update skip locked \gset
update tagging_jobs set state = 'running', attempts = attempts + 1, leased_by = 'bench', leased_until = now() + interval '1 day'
where area_id = :area_id and id = :id;
commit;
SQL
cat > "$area_first" <<'SQL'
begin;
select area_id as first_area from (
    select area_id, run_after, created_at from tagging_jobs
    where state = 'queued' and run_after <= now()
    order by run_after, created_at limit 64) oldest
group by area_id order by min(run_after), min(created_at) limit 1 \gset
select area_id, id from tagging_jobs
where area_id = :first_area and state = 'queued' and run_after <= now()
order by run_after, created_at limit 1 for update skip locked \gset
update tagging_jobs set state = 'running', attempts = attempts + 1, leased_by = 'bench', leased_until = now() + interval '1 day'
where area_id = :area_id and id = :id;
commit;
SQL

echo "queue: $jobs due jobs over $areas areas; $clients clients, $seconds s each, leases a second (each takes its job):"
for round in 1 2; do
  seed; a=$(pgbench_tps "$pgport" "$clients" "$seconds" "$single")
  seed; b=$(pgbench_tps "$pgport" "$clients" "$seconds" "$area_first")
  echo "  round $round: one locking read over all areas $a; areas first, then within one area $b"
done
