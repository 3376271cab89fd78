#!/usr/bin/env bash
# Benchmark: "you said, we did" at scale. Seeds the demo area with published comments over two
# quarters, equipment survey answers, safeguarding cases and published responses (with actions,
# citations and reach) straight into PostgreSQL, then times the quarter's board report (PDF and CSV),
# the loop metrics, and the responses feed read by many families at once. Starts its own server
# (dev tokens, throwaway embedded PostgreSQL; tagging and push workers off).
#
#   infra/bench/loop-bench.sh [comments=100000] [answers=20000] [responses=200] [families=20] [reads-each=100]
#
# Never run in CI: figures, not tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
COMMENTS=${1:-100000}
ANSWERS=${2:-20000}
RESPONSES=${3:-200}
READERS=${4:-20}
EACH=${5:-100}
PORT=${BENCH_PORT:-18083}
PGPORT=${BENCH_PG_PORT:-54342}

. infra/bench/server.sh
start_server "$PORT" "$PGPORT" -Dyousaid.tagging.workers=0 -Dyousaid.notify.senders=0
"$JAVA_HOME/bin/java" -cp "$CP" org.yousaid.bench.LoopBench "http://127.0.0.1:$PORT" \
  "jdbc:postgresql://127.0.0.1:$PGPORT/postgres" "$COMMENTS" "$ANSWERS" "$RESPONSES" "$READERS" "$EACH"
