#!/usr/bin/env bash
# Benchmark: POST comment against a running server (dev tokens, its own throwaway embedded
# PostgreSQL), then pgbench's single-row INSERT on the same PostgreSQL at the same client count.
# Prints req/s, p50/p99 (closed loop), p50/p99 at a fixed rate (open loop) and the ratio to pgbench.
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

OURS=$("$JAVA_HOME/bin/java" -cp "$CP" org.yousaid.bench.WallBench "http://127.0.0.1:$PORT" "$CLIENTS" "$SECONDS_PER_PHASE" "$RATE")
echo "$OURS"

psql -q -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres -c \
  "create table if not exists bench_insert (id bigserial primary key, area_id text not null, body text not null, created_at timestamptz not null default now())"
SCRIPT=$(mktemp)
echo "insert into bench_insert (area_id, body) values ('demo', 'We have waited 14 weeks for a standing frame; the target is 6 weeks.');" >"$SCRIPT"
PGB=$(pgbench -n -h 127.0.0.1 -p "$PGPORT" -U postgres -c "$CLIENTS" -j 2 -T "$SECONDS_PER_PHASE" -f "$SCRIPT" postgres 2>/dev/null)
rm -f "$SCRIPT"
TPS=$(echo "$PGB" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)
RPS=$(echo "$OURS" | sed -n 's/.*req\/s=\([0-9.]*\).*/\1/p')
echo "pgbench single-row insert clients=$CLIENTS tps=$TPS"
awk -v r="$RPS" -v t="$TPS" 'BEGIN { printf "ratio POST comment / pgbench insert = %.2f\n", r / t }'
