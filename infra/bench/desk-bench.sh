#!/usr/bin/env bash
# Benchmark: the moderation desk over 100,000 pending comments (seeded with their tags straight into
# PostgreSQL): the review queue's latency (first page, 200 pages by cursor, filtered), its counts, and
# publishing by 20 forum leads at once. Starts its own server (dev tokens, throwaway embedded
# PostgreSQL; tagging and push workers off, so the figures are the desk's).
#
#   infra/bench/desk-bench.sh [pending=100000] [moderators=20] [publishes-each=25]
#
# Never run in CI: figures, not tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
PENDING=${1:-100000}
MODERATORS=${2:-20}
EACH=${3:-25}
PORT=${BENCH_PORT:-18082}
PGPORT=${BENCH_PG_PORT:-54341}

. infra/bench/server.sh
start_server "$PORT" "$PGPORT" -Dyousaid.tagging.workers=0 -Dyousaid.notify.senders=0
"$JAVA_HOME/bin/java" -cp "$CP" org.yousaid.bench.DeskBench "http://127.0.0.1:$PORT" \
  "jdbc:postgresql://127.0.0.1:$PGPORT/postgres" "$PENDING" "$MODERATORS" "$EACH"
