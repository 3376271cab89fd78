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

# One reactor build: the backend's sibling modules (nlp-models, the contract) resolve to their own
# target/classes, so a fresh clone needs nothing installed in the local Maven repository first.
./mvnw -B -ntp -q -Dspectral.skip=true -pl backend -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
JAVA_HOME=$(./mvnw -v | sed -n 's/.*runtime: //p')
CP="backend/target/classes:backend/target/test-classes:$(cat backend/target/bench.classpath)"
LOG=$(mktemp)
"$JAVA_HOME/bin/java" -Xmx1g -Dmicronaut.environments=dev -Dyousaid.embedded-postgres.ephemeral=true \
  -Dyousaid.embedded-postgres.port="$PGPORT" -Dyousaid.repo.root="$PWD" \
  -Dyousaid.tagging.workers=0 -Dyousaid.notify.senders=0 \
  -Dmicronaut.server.port="$PORT" -DYOUSAID_LOG_LEVEL=WARN -cp "$CP" org.yousaid.Application >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/health/readiness" >/dev/null && break; sleep 1; done
echo "server pid $SERVER, embedded PostgreSQL on port $PGPORT, $(nproc) cores"
"$JAVA_HOME/bin/java" -cp "$CP" org.yousaid.bench.DeskBench "http://127.0.0.1:$PORT" \
  "jdbc:postgresql://127.0.0.1:$PGPORT/postgres" "$PENDING" "$MODERATORS" "$EACH"
