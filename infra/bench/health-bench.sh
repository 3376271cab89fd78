#!/usr/bin/env bash
# Benchmark: how many probes a second the server answers, beside the framework's own 404 (a path
# it does not have) at the same concurrency. Liveness should cost no more than a 404; readiness
# asks the database at most once a second.
#
#   infra/bench/health-bench.sh [clients=50] [seconds=10]
#
# Never run in CI: figures, not tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${1:-50}
SECONDS_PER_PHASE=${2:-10}
PORT=${BENCH_PORT:-18082}
PGPORT=${BENCH_PG_PORT:-54342}

. infra/bench/server.sh
start_server "$PORT" "$PGPORT"
"$JAVA_HOME/bin/java" -cp "$CP" org.yousaid.bench.HealthBench "http://127.0.0.1:$PORT" "$CLIENTS" "$SECONDS_PER_PHASE" \
  /no-such-path /health/liveness /health/readiness /health
