#!/usr/bin/env bash
# Benchmark: submit answers to a 20-question survey at concurrency 50 (responses/s, p50, p99), then
# the results endpoint's latency over 100,000 submitted answers. Starts its own server (dev tokens,
# throwaway embedded PostgreSQL; tagging and push workers off, so the figures are the survey path's).
#
#   infra/bench/survey-bench.sh [clients=50] [seconds=20] [answers=100000]
#
# Never run in CI: figures, not tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${1:-50}
SECONDS_PER_PHASE=${2:-20}
ANSWERS=${3:-100000}
PORT=${BENCH_PORT:-18081}
PGPORT=${BENCH_PG_PORT:-54340}

. infra/bench/server.sh
start_server "$PORT" "$PGPORT" -Dyousaid.tagging.workers=0 -Dyousaid.notify.senders=0
"$JAVA_HOME/bin/java" -cp "$CP" org.yousaid.bench.SurveyBench "http://127.0.0.1:$PORT" \
  "jdbc:postgresql://127.0.0.1:$PGPORT/postgres" "$CLIENTS" "$SECONDS_PER_PHASE" "$ANSWERS"
